package recon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.TestTimes.time;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import recon.domain.FileDays;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Period;
import recon.domain.StoreConfig;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;

/**
 * Text from the exports (业务类型, 类目, ids, file names) is never trusted: in CSV and XLSX a cell that
 * starts with = + - @, a tab or a carriage return is neutralized; in HTML everything is escaped.
 */
class HostileTextTest {
    private static final String FORMULA_TYPE = "=HYPERLINK(\"http://evil.example\",\"点我\")";
    private static final String FORMULA_LINE_ID = "@SUM(1+1)*cmd|' /C calc'!A0";
    private static final String SCRIPT_ORDER_ID = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT_FILE = "<script>alert('x')</script>.csv";
    private static final String FORMULA_CATEGORY = "+1-2";

    private PeriodReport report;

    @BeforeEach
    void hostileStoreDay() {
        StoreRecords records = new StoreRecords();
        records.add(anOrder("3553498017448001").paid("100.00").at("2026-11-02 09:00:00").category(FORMULA_CATEGORY).build());
        // a short settlement (AMOUNT_MISMATCH on a line with a formula for an id), a settlement of an
        // unknown order whose id is markup (UNMATCHED_SETTLEMENT), and lines whose 业务类型 are formulas
        add(records, FORMULA_LINE_ID, "3553498017448001", LineClass.SETTLEMENT, 9_000, 0, 109_000, FORMULA_TYPE);
        add(records, "L2", SCRIPT_ORDER_ID, LineClass.SETTLEMENT, 5_000, 0, 114_000, "-2+3");
        add(records, "L3", null, LineClass.OTHER, 0, 1_000, 113_000, "\tcmd");
        add(records, "L4", null, LineClass.OTHER, 0, 1_000, 112_000, "\r=1+1");
        records.cover(FileKind.ALIPAY_LEDGER, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        Reconciliation result = new Reconciler(StoreConfig.DEFAULT).reconcile(records);
        List<FileOutcome> files = List.of(FileOutcome.rejected(SCRIPT_FILE, FileKind.UNKNOWN, 1, "=1+1 <b>坏</b>"));
        report = new ReportSource("t1", "s1", files.stream().map(FileDays::ofNoDay).toList(), records, result, StoreConfig.DEFAULT)
                .report(Period.day(LocalDate.of(2026, 11, 2)));
    }

    private static void add(StoreRecords records, String lineId, String orderId, LineClass lineClass,
            long income, long expense, long balance, String businessType) {
        records.add(new LedgerLine(lineId, orderId, time("2026-11-02 10:00:00") + records.ledgerLines().size(),
                income, expense, balance, lineClass, businessType));
    }

    @Test
    void noTextCellOfTheWorkbookStartsLikeAFormulaWhileAmountsStayNumbers() throws IOException {
        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.write(out, report);

        // then
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("no formula cells").isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
            assertThat(texts).allSatisfy(text -> assertThat(text).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r"));
            assertThat(texts).contains("'" + FORMULA_TYPE, "'" + FORMULA_LINE_ID, "'-2+3", "'\tcmd", "'\r=1+1",
                    "'" + FORMULA_CATEGORY, SCRIPT_ORDER_ID);

            // the anomaly of the short settlement: difference −10.00, a negative number, not text
            Row mismatch = findRow(workbook.getSheet(ReportWorkbook.ANOMALIES), 3, "AMOUNT_MISMATCH");
            assertThat(mismatch.getCell(12).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(mismatch.getCell(12).getNumericCellValue()).isEqualTo(-10.0);
            assertThat(mismatch.getCell(7).getStringCellValue()).isEqualTo("'" + FORMULA_LINE_ID);
        }
    }

    @Test
    void csvNeutralizesFormulaTextButKeepsNegativeAmountsPlain() throws IOException {
        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnomalyCsv.write(out, "t1/s1", report.anomalies());

        // then
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CsvRecord> rows = CsvReader.builder()
                .ofCsvRecord(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).stream().toList();
        CsvRecord mismatch = rows.stream().filter(r -> r.getField(3).equals("AMOUNT_MISMATCH")).findFirst().orElseThrow();
        assertThat(mismatch.getField(7)).isEqualTo("'" + FORMULA_LINE_ID + "\t");
        assertThat(mismatch.getField(12)).isEqualTo("-10.00");
        for (CsvRecord row : rows) {
            for (int i : new int[] {2, 6, 7, 8, 9, 13, 14, 15}) {
                assertThat(row.getField(i)).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Test
    void htmlEscapesEveryTextFromTheData() {
        // when
        String html = ReportPage.render(report);

        // then
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>坏");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.csv")
                .contains("=1+1 &lt;b&gt;坏&lt;/b&gt;");
    }

    @Test
    void escapeReplacesTheFiveMarkupCharacters() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.escape("结算 100.00")).isEqualTo("结算 100.00");
        assertThat(Html.escape(null)).isEmpty();
    }

    private static Row findRow(Sheet sheet, int column, String value) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
                return row;
            }
        }
        throw new AssertionError(value + " not in column " + column + " of " + sheet.getSheetName());
    }
}
