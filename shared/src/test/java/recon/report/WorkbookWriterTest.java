package recon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.domain.Times;

/** The package {@link WorkbookWriter} writes, read back with Apache POI and as XML. */
class WorkbookWriterTest {
    private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"/>");

    private final GeneratedReports reports = GeneratedReports.get();

    @Test
    void everySheetOfAMonthWorkbookDeclaresTheRangeItsCellsFill() throws IOException {
        // given the month's workbook of a generated store
        byte[] workbook = Files.readAllBytes(reports.folder("2026-11").resolve("report.xlsx"));

        // then each sheet's declared dimension runs from A1 to its last row and its last column with a cell
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : read) {
                int lastColumn = 0;
                for (Row row : sheet) {
                    lastColumn = Math.max(lastColumn, row.getLastCellNum() - 1);
                }
                String expected = "A1:" + SheetWriter.columnName(lastColumn) + (sheet.getLastRowNum() + 1);
                assertThat(((XSSFSheet) sheet).getCTWorksheet().getDimension().getRef()).as(sheet.getSheetName())
                        .isEqualTo(expected);
            }
            assertThat(read.getSheet(ReportWorkbook.LEDGER).getLastRowNum()).isGreaterThan(200);
        }
        assertThat(dimensions(workbook)).hasSize(8).doesNotContain("A1");
    }

    @Test
    void theStylesHaveTheNormalCellStyleAndEachListHeaderIsBoldOnBlue() throws IOException {
        byte[] workbook = Files.readAllBytes(reports.folder("2026-11").resolve("report.xlsx"));

        assertThat(part(workbook, "xl/styles.xml"))
                .contains("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Cell header = read.getSheet(ReportWorkbook.LEDGER).getRow(0).getCell(0);
            XSSFFont font = read.getFontAt(header.getCellStyle().getFontIndex());
            assertThat(font.getBold()).isTrue();
            assertThat(((XSSFColor) header.getCellStyle().getFillForegroundColorColor()).getARGBHex()).isEqualTo(CellStyle.HEADING_FILL);
            assertThat(header.getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void theSameReportGivesTheSameBytes() throws IOException {
        byte[] first = write(sheet -> sheet.text(0, "同一份报告", CellStyle.DEFAULT));
        byte[] second = write(sheet -> sheet.text(0, "同一份报告", CellStyle.DEFAULT));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void textKeepsEveryCharacterAReaderCouldLoseOrMisread() throws IOException {
        // given texts with markup, a carriage return, controls, an escape lookalike, spaces at the ends, an emoji
        List<String> texts = List.of("<b>&\"'</b>", "第一行\r\n第二行", "a\u0001b\u001Fc", "_x0041_ 不是 A", "  两端空格 ",
                "表情 😀 完整", "\t制表");
        byte[] workbook = write(sheet -> {
            for (int c = 0; c < texts.size(); c++) {
                sheet.text(c, texts.get(c), CellStyle.DEFAULT);
            }
        }, texts.size());

        // then POI reads each exactly as written
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Row row = read.getSheetAt(0).getRow(0);
            for (int c = 0; c < texts.size(); c++) {
                assertThat(row.getCell(c).getStringCellValue()).as("cell " + c).isEqualTo(texts.get(c));
            }
        }
    }

    @Test
    void moneyDaysAndTimesAreNumbersInTheirFormats() throws IOException {
        long time = Times.of(LocalDateTime.of(2026, 11, 2, 23, 59, 59));
        byte[] workbook = write(sheet -> {
            sheet.fen(0, -5, CellStyle.MONEY);
            sheet.fen(1, 123_456_789, CellStyle.MONEY);
            sheet.day(2, LocalDate.of(2026, 11, 2));
            sheet.time(3, time);
            sheet.number(4, 0, CellStyle.DEFAULT);
        }, 5);

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Row row = read.getSheetAt(0).getRow(0);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(-0.05);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1_234_567.89);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.MONEY.numberFormat);
            assertThat(row.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 2, 0, 0));
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.DAY.numberFormat);
            assertThat(row.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 2, 23, 59, 59));
            assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.TIME.numberFormat);
            assertThat(row.getCell(4).getNumericCellValue()).isZero();
        }
    }

    @Test
    void aSheetEndingShortOfItsDeclaredRowsOrGoingBeyondThemIsRefused() throws IOException {
        WorkbookWriter workbook = new WorkbookWriter(new ByteArrayOutputStream());
        SheetWriter sheet = workbook.sheet("短", 3, new double[] {10});
        sheet.row(0);
        sheet.row(1);
        assertThatThrownBy(sheet::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("3 rows");
        sheet.row(2);
        assertThatThrownBy(() -> sheet.row(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sheet.text(1, "第二列", CellStyle.DEFAULT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> workbook.sheet("下一个", 1, new double[] {10})).isInstanceOf(IllegalStateException.class);
    }

    private interface Cells {
        void write(SheetWriter sheet) throws IOException;
    }

    private static byte[] write(Cells cells) throws IOException {
        return write(cells, 1);
    }

    /** A workbook of one sheet of one row, {@code columns} wide. */
    private static byte[] write(Cells cells, int columns) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter workbook = new WorkbookWriter(out);
        double[] widths = new double[columns];
        Arrays.fill(widths, 12);
        SheetWriter sheet = workbook.sheet("测试", 1, widths);
        sheet.row(0);
        cells.write(sheet);
        sheet.finish();
        workbook.finish();
        return out.toByteArray();
    }

    private static List<String> dimensions(byte[] workbook) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("xl/worksheets/")) {
                    Matcher m = DIMENSION.matcher(new String(zip.readNBytes(4096), StandardCharsets.UTF_8));
                    assertThat(m.find()).as(entry.getName()).isTrue();
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static String part(byte[] workbook, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no part " + name);
    }
}
