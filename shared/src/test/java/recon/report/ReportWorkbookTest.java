package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Period;
import recon.domain.Times;

/** The workbooks of a generated store, read back with Apache POI, an independent reader. */
class ReportWorkbookTest {
    private static final List<String> SHEETS = List.of(
            ReportWorkbook.SUMMARY, ReportWorkbook.DAYS, ReportWorkbook.ANOMALIES, ReportWorkbook.TRAIL,
            ReportWorkbook.LEDGER, ReportWorkbook.OPEN_ITEMS, ReportWorkbook.FEES, ReportWorkbook.INVOICES);
    private static final List<String> COUNT_FIELDS = List.of("ordersPaid", "settledCount", "matchedOrders", "openItems",
            "invoiceCount");
    private static final List<String> MONEY_FIELDS = List.of("settledAmount", "refundAmount", "commissionAmount",
            "otherFeeAmount", "transferAmount", "openingBalance", "closingBalance", "invoicedAmount", "uninvoicedAmount");

    private final GeneratedReports reports = GeneratedReports.get();

    @Test
    void dayWorkbookHasTheSheetsInOrderEachWithAFrozenHeader() throws IOException {
        // given the report of a day
        String day = reports.busiestDay().day().toString();

        // when it is opened
        try (XSSFWorkbook workbook = open(day)) {
            // then
            assertThat(workbook.getNumberOfSheets()).isEqualTo(SHEETS.size());
            for (int i = 0; i < SHEETS.size(); i++) {
                Sheet sheet = workbook.getSheetAt(i);
                assertThat(sheet.getSheetName()).isEqualTo(SHEETS.get(i));
                PaneInformation pane = sheet.getPaneInformation();
                assertThat(pane).as(sheet.getSheetName()).isNotNull();
                assertThat(pane.isFreezePane()).isTrue();
                assertThat(pane.getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 1);
                if (i > 0) {
                    assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).as(sheet.getSheetName()).isTrue();
                }
            }
        }
    }

    @Test
    void summarySheetShowsEveryFigureOfTheDaysSummaryJson() throws IOException {
        for (DayFigures figures : List.of(reports.busiestDay(), reports.days().getFirst(), reports.days().getLast())) {
            String day = figures.day().toString();
            JsonNode json = reports.summary(day).get("days").get(0);
            try (XSSFWorkbook workbook = open(day)) {
                Map<String, Cell> cells = summaryByField(workbook.getSheet(ReportWorkbook.SUMMARY));
                assertSummaryMatches(cells, json, day);
            }
        }
    }

    @Test
    void monthSummaryAddsUpItsDaysAndCountsOpenItemsAtItsLastDay() throws IOException {
        // given November's days
        List<DayFigures> november = reports.days().stream()
                .filter(d -> YearMonth.from(d.day()).equals(YearMonth.of(2026, 11))).toList();
        long settled = november.stream().mapToLong(DayFigures::settledAmount).sum();
        long lines = reports.result.records().ledgerLines().stream()
                .filter(l -> YearMonth.from(Times.day(l.occurredAt())).equals(YearMonth.of(2026, 11))).count();

        // when the month's workbook is opened
        try (XSSFWorkbook workbook = open("2026-11")) {
            Map<String, Cell> cells = summaryByField(workbook.getSheet(ReportWorkbook.SUMMARY));

            // then
            assertThat(money(cells.get("settledAmount"))).isEqualByComparingTo(BigDecimal.valueOf(settled, 2));
            for (Channel channel : Channel.values()) {
                long inChannel = november.stream().mapToLong(d -> d.settledIn(channel)).sum();
                assertThat(inChannel).as("November's settlements through %s", channel).isPositive();
                assertThat(money(cells.get("settledByChannel." + channel.name())))
                        .isEqualByComparingTo(BigDecimal.valueOf(inChannel, 2));
            }
            assertThat(cells.get("openItems").getNumericCellValue()).isEqualTo(november.getLast().openItems());
            assertThat(cells.get("openingBalance").getNumericCellValue())
                    .isEqualTo(november.getFirst().openingBalance() / 100.0);
            assertThat(dataRows(workbook.getSheet(ReportWorkbook.DAYS))).isEqualTo(november.size());
            assertThat(dataRows(workbook.getSheet(ReportWorkbook.LEDGER))).isEqualTo(lines);
            assertThat(dataRows(workbook.getSheet(ReportWorkbook.OPEN_ITEMS))).isEqualTo(november.getLast().openItems());
            assertThat(dataRows(workbook.getSheet(ReportWorkbook.ANOMALIES)))
                    .isEqualTo(reports.summary("2026-11").get("anomalies").size());
        }
    }

    @Test
    void anomalySheetListsEveryAnomalyWithIdsAsTextAndAmountsAsNumbers() throws IOException {
        String day = reports.busiestDay().day().toString();
        JsonNode anomalies = reports.summary(day).get("anomalies");
        assertThat(anomalies.size()).isPositive();
        try (XSSFWorkbook workbook = open(day)) {
            Sheet sheet = workbook.getSheet(ReportWorkbook.ANOMALIES);
            assertThat(dataRows(sheet)).isEqualTo(anomalies.size());
            java.util.Map<String, Row> rowsById = new java.util.HashMap<>();
            for (int r = 1; r <= anomalies.size(); r++) {
                rowsById.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
            }
            for (JsonNode json : anomalies) {
                Row row = rowsById.get(json.get("id").asText());
                assertThat(row).as("the row of %s", json.get("id")).isNotNull();
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(json.get("type").asText());
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(json.get("severity").asText());
                assertThat(row.getCell(5).getStringCellValue())
                        .isEqualTo(recon.domain.AnomalyStatus.valueOf(json.get("status").asText()).label);
                if (json.has("orderId")) {
                    assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo(json.get("orderId").asText());
                }
                if (json.has("lineId")) {
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo(json.get("lineId").asText());
                }
                BigDecimal expected = new BigDecimal(json.get("expected").asText());
                BigDecimal actual = new BigDecimal(json.get("actual").asText());
                assertThat(money(row.getCell(10))).isEqualByComparingTo(expected);
                assertThat(money(row.getCell(11))).isEqualByComparingTo(actual);
                assertThat(money(row.getCell(12))).isEqualByComparingTo(actual.subtract(expected));
                assertThat(row.getCell(13).getStringCellValue()).isEqualTo(json.get("message").asText());
                assertThat(row.getCell(16).getStringCellValue()).isEqualTo(reports.store.tenant() + "/" + reports.store.store());
                assertThat(row.getCell(17)).as("处理结果 left to fill").satisfiesAnyOf(
                        cell -> assertThat(cell).isNull(), cell -> assertThat(cell.getStringCellValue()).isEmpty());
            }
        }
    }

    @Test
    void ledgerSheetHoldsEveryLineOfTheDayAndItsSettlementsAddUpToTheFigure() throws IOException {
        DayFigures figures = reports.busiestDay();
        LocalDate day = figures.day();
        Map<String, LedgerLine> expected = new HashMap<>();
        reports.result.records().ledgerLines().stream()
                .filter(l -> Times.day(l.occurredAt()).equals(day))
                .forEach(l -> expected.put(l.lineId(), l));
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        try (XSSFWorkbook workbook = open(day.toString())) {
            Sheet sheet = workbook.getSheet(ReportWorkbook.LEDGER);
            assertThat(dataRows(sheet)).isEqualTo(expected.size());
            BigDecimal settled = BigDecimal.ZERO;
            for (int r = 1; r <= expected.size(); r++) {
                Row row = sheet.getRow(r);
                LedgerLine line = expected.get(row.getCell(1).getStringCellValue());
                assertThat(line).as("line id in row %d", r).isNotNull();
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(line.lineClass().name());
                assertThat(money(row.getCell(7))).isEqualByComparingTo(BigDecimal.valueOf(line.incomeFen(), 2));
                assertThat(money(row.getCell(8))).isEqualByComparingTo(BigDecimal.valueOf(line.expenseFen(), 2));
                if (line.hasBalance()) {
                    assertThat(money(row.getCell(9))).isEqualByComparingTo(BigDecimal.valueOf(line.balanceFen(), 2));
                } else {
                    assertThat(row.getCell(9)).as("a WeChat line has no balance").satisfiesAnyOf(
                            cell -> assertThat(cell).isNull(), cell -> assertThat(cell.getCellType()).isEqualTo(CellType.BLANK));
                }
                assertThat(row.getCell(10).getStringCellValue()).isEqualTo(line.channel().label);
                channels.add(line.channel());
                if (line.orderId() != null) {
                    assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo(line.orderId());
                }
                if (line.lineClass().name().equals("SETTLEMENT")) {
                    settled = settled.add(money(row.getCell(7)));
                }
            }
            assertThat(settled).isEqualByComparingTo(BigDecimal.valueOf(figures.settledAmount(), 2));
            assertThat(channels).as("the busiest day's lines come from both bills").containsExactly(Channel.values());
            assertThat(sheet.getRow(1).getCell(7).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.MONEY.numberFormat);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void aDaysOpenItemsSheetListsTheOverdueOnesAndTheMonthsListsThemAll() throws IOException {
        long listedOnSomeDay = 0;
        for (DayFigures figures : reports.days()) {
            try (XSSFWorkbook workbook = open(figures.day().toString())) {
                Sheet sheet = workbook.getSheet(ReportWorkbook.OPEN_ITEMS);
                String day = figures.day().toString();
                for (int r = 1; r <= dataRows(sheet); r++) {
                    Row row = sheet.getRow(r);
                    assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(0).getStringCellValue()).containsOnlyDigits();
                    assertThat(money(row.getCell(3))).isPositive();
                    assertThat(row.getCell(6).getStringCellValue()).as(day).isEqualTo("已逾期未结算");
                    LocalDate due = row.getCell(4).getLocalDateTimeCellValue().toLocalDate();
                    assertThat(due.plusDays(reports.config.graceDays())).as(day + " row " + r).isBefore(figures.day());
                }
                assertThat((long) dataRows(sheet)).as(day).isLessThanOrEqualTo(figures.openItems())
                        .isEqualTo((long) overdueCount(workbook.getSheet(ReportWorkbook.SUMMARY)));
                listedOnSomeDay += dataRows(sheet);
            }
        }
        assertThat(listedOnSomeDay).as("the store has settlements missing past their due day").isPositive();

        // the month's last day lists what the month's sheet, which holds every open item, marks overdue
        DayFigures lastDay = reports.days().stream()
                .filter(d -> YearMonth.from(d.day()).equals(YearMonth.of(2026, 11))).toList().getLast();
        try (XSSFWorkbook month = open("2026-11"); XSSFWorkbook day = open(lastDay.day().toString())) {
            Sheet all = month.getSheet(ReportWorkbook.OPEN_ITEMS);
            assertThat(dataRows(all)).isEqualTo(lastDay.openItems());
            List<String> overdue = new ArrayList<>();
            for (int r = 1; r <= dataRows(all); r++) {
                if (all.getRow(r).getCell(6).getStringCellValue().equals("已逾期未结算")) {
                    overdue.add(all.getRow(r).getCell(0).getStringCellValue());
                }
            }
            Sheet listed = day.getSheet(ReportWorkbook.OPEN_ITEMS);
            List<String> listedIds = new ArrayList<>();
            for (int r = 1; r <= dataRows(listed); r++) {
                listedIds.add(listed.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(listedIds).isEqualTo(overdue);
            assertThat((int) overdueCount(month.getSheet(ReportWorkbook.SUMMARY))).isEqualTo(overdue.size());
        }
    }

    /** The value of 汇总's row 其中已逾期. */
    private static double overdueCount(Sheet summary) {
        for (Row row : summary) {
            Cell label = row.getCell(0);
            if (label != null && label.getStringCellValue().startsWith("　其中已逾期")) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("汇总 has no row 其中已逾期");
    }

    @Test
    void feesSheetComparesTheChargedCommissionWithTheContract() throws IOException {
        String day = reports.busiestDay().day().toString();
        JsonNode json = reports.summary(day).get("days").get(0);
        try (XSSFWorkbook workbook = open(day)) {
            Sheet sheet = workbook.getSheet(ReportWorkbook.FEES);
            BigDecimal settled = BigDecimal.ZERO;
            BigDecimal charged = BigDecimal.ZERO;
            int r = 1;
            for (Row row = sheet.getRow(r); row != null && row.getCell(1) != null
                    && row.getCell(1).getCellType() == CellType.NUMERIC; row = sheet.getRow(++r)) {
                settled = settled.add(money(row.getCell(1)));
                charged = charged.add(money(row.getCell(5)));
                assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.RATE.numberFormat);
                assertThat(row.getCell(3).getStringCellValue()).as("the store's config has no byCategory key").isEqualTo("default");
            }
            // every settlement and commission line of the day belongs to one 类目 row
            assertThat(settled).isEqualByComparingTo(new BigDecimal(json.get("settledAmount").asText()));
            assertThat(charged).isEqualByComparingTo(new BigDecimal(json.get("commissionAmount").asText()));
        }
    }

    @Test
    void invoiceSheetListsEveryInvoiceOfTheMonthWithIdsAsTextThenTheOrdersStillToInvoice() throws IOException {
        // given the store's invoices issued in November
        List<Invoice> november = reports.result.records().invoices().stream()
                .filter(i -> YearMonth.from(Times.day(i.issuedAt())).equals(YearMonth.of(2026, 11))).toList();
        assertThat(november).as("the generated store sends a register").isNotEmpty();

        try (XSSFWorkbook workbook = open("2026-11")) {
            Sheet sheet = workbook.getSheet(ReportWorkbook.INVOICES);
            // then a row per invoice, in the order they were issued, the ids text, the amounts numbers
            for (int r = 1; r <= november.size(); r++) {
                Invoice invoice = november.get(r - 1);
                Row row = sheet.getRow(r);
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(invoice.invoiceId());
                if (invoice.hasOrder()) {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(invoice.orderId());
                }
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(invoice.red() ? "红字" : "蓝字");
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(invoice.status().label);
                assertThat(money(row.getCell(5))).isEqualByComparingTo(BigDecimal.valueOf(invoice.amountFen(), 2));
            }
            // and after a blank row, the orders still to invoice at the month's last day, each owed something
            Row title = sheet.getRow(november.size() + 2);
            assertThat(title.getCell(0).getStringCellValue()).startsWith("待开票订单（截至 ");
            int owed = 0;
            for (int r = november.size() + 3; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
                assertThat(money(row.getCell(5))).isPositive()
                        .isEqualByComparingTo(money(row.getCell(8)).subtract(money(row.getCell(9))));
                owed++;
            }
            assertThat(owed).as("orders asked for an invoice late in the month").isPositive();
        }
    }

    @Test
    void theMonthTakesItsDaysDeflatedLedgerRowsAndReadsAsIfItHadWrittenThemItself() throws IOException {
        // given the month's workbook as the store's reports were written (the month after its days), and the same
        // report's workbook written alone
        ReportSource source = new ReportSource(reports.store.tenant(), reports.store.store(), reports.result.fileDays(),
                reports.result.records(), reports.result.reconciliation(), reports.config);
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        ReportWorkbook.write(alone, source.report(Period.month(YearMonth.of(2026, 11))));
        byte[] written = Files.readAllBytes(reports.folder("2026-11").resolve(ReportFiles.XLSX));

        // when their parts are compared
        Map<String, byte[]> taken = parts(written);
        Map<String, byte[]> whole = parts(alone.toByteArray());

        // then every part says the same, byte for byte, and the ledger was deflated differently: taken from the days
        assertThat(taken.keySet()).containsExactlyElementsOf(whole.keySet());
        for (String name : whole.keySet()) {
            assertThat(taken.get(name)).as(name).isEqualTo(whole.get(name));
        }
        assertThat(compressedSize(written, "xl/worksheets/sheet5.xml"))
                .isNotEqualTo(compressedSize(alone.toByteArray(), "xl/worksheets/sheet5.xml"));
        try (XSSFWorkbook workbook = open("2026-11")) {
            assertThat(workbook.getSheetAt(4).getSheetName()).isEqualTo(ReportWorkbook.LEDGER);
        }
    }

    private static Map<String, byte[]> parts(byte[] workbook) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    private static long compressedSize(byte[] workbook, String part) throws IOException {
        Path file = Files.createTempFile("workbook", ".xlsx");
        try (ZipFile zip = new ZipFile(Files.write(file, workbook).toFile())) {
            return zip.getEntry(part).getCompressedSize();
        } finally {
            Files.delete(file);
        }
    }

    static void assertSummaryMatches(Map<String, Cell> cells, JsonNode json, String day) {
        for (String field : COUNT_FIELDS) {
            assertThat(cells.get(field).getCellType()).as(day + " " + field).isEqualTo(CellType.NUMERIC);
            assertThat((long) cells.get(field).getNumericCellValue()).as(day + " " + field).isEqualTo(json.get(field).asLong());
        }
        for (String field : MONEY_FIELDS) {
            if (json.get(field).isNull()) {
                assertThat(cells.get(field).getStringCellValue()).as(day + " " + field).isEqualTo("—");
            } else {
                assertThat(cells.get(field).getCellType()).as(day + " " + field).isEqualTo(CellType.NUMERIC);
                assertThat(money(cells.get(field))).as(day + " " + field)
                        .isEqualByComparingTo(new BigDecimal(json.get(field).asText()));
                assertThat(cells.get(field).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.MONEY.numberFormat);
            }
        }
        long anomalies = 0;
        for (JsonNode count : json.get("anomalies")) {
            anomalies += count.asLong();
        }
        assertThat((long) cells.get("anomalies").getNumericCellValue()).as(day + " anomalies").isEqualTo(anomalies);
    }

    /** The 汇总 sheet's value cells (B) by the summary.json field named beside them (C). */
    static Map<String, Cell> summaryByField(Sheet sheet) {
        Map<String, Cell> cells = new HashMap<>();
        for (Row row : sheet) {
            Cell field = row.getCell(2);
            if (field != null && field.getCellType() == CellType.STRING && field.getStringCellValue().matches("[a-zA-Z]+(\\.[A-Z_]+)?")) {
                cells.putIfAbsent(field.getStringCellValue(), row.getCell(1));
            }
        }
        return cells;
    }

    private XSSFWorkbook open(String key) throws IOException {
        try (InputStream in = Files.newInputStream(reports.folder(key).resolve(ReportFiles.XLSX))) {
            return new XSSFWorkbook(in);
        }
    }

    private static int dataRows(Sheet sheet) {
        return sheet.getLastRowNum();
    }

    private static BigDecimal money(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }
}
