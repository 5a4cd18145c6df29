package recon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.testdata.Lines.commission;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Stores.aStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.domain.FileDays;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Period;
import recon.domain.StoreConfig;
import recon.reconcile.Reconciler;
import recon.reconcile.StoreRecords;
import recon.testdata.Ledger;

/** What makes a report's figures doubtful is said before them, on the 汇总 sheet and at the top of the page. */
class ReportNoticesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 5);
    private static final String UNMATCHED_WARNING =
            "合同费率 byCategory.\"男装\" 没有匹配到任何订单的类目（本店类目如：女装/女士精品、女装饰品），请核对 config.json";

    private static final StoreRecords STORE = store(false);
    /** The same store with a settlement of an order in no report: PENDING on the order reports of 2026-09-21 … 09-30. */
    private static final StoreRecords WITHOUT_ORDER_REPORTS = store(true);

    private static StoreRecords store(boolean settlementOfAnOrderInNoReport) {
        Ledger ledger = Ledger.openingAt("1000.00").add(
                settlement("1001").amount("200.00").at("2026-11-05 10:00:00"),
                commission("1001").amount("10.00").at("2026-11-05 10:00:01"),
                settlement("1002").amount("100.00").at("2026-11-05 11:00:00"),
                commission("1002").amount("2.00").at("2026-11-05 11:00:01"));
        if (settlementOfAnOrderInNoReport) {
            ledger.add(settlement("1009").amount("50.00").at("2026-11-05 12:00:00"));
        }
        return aStore()
                .orders(anOrder("1001").paid("200.00").at("2026-11-02 10:00:00").category("女装/女士精品").build(),
                        anOrder("1002").paid("100.00").at("2026-11-02 11:00:00").category("女装饰品").build())
                .lines(ledger.lines())
                .covering("2026-11-01", "2026-11-30")
                .ordersCovering("2026-10-01", "2026-11-30")
                .refundsCovering("2026-10-01", "2026-11-30")
                .build();
    }

    private static final List<FileOutcome> ACCEPTED = List.of(FileOutcome.accepted("订单.csv", FileKind.TMALL_ORDERS, 2),
            FileOutcome.accepted("账务明细.csv", FileKind.ALIPAY_LEDGER, 4));

    private static StoreConfig byCategory(Map<String, String> rates) {
        Map<String, BigDecimal> decimals = new java.util.HashMap<>();
        rates.forEach((key, rate) -> decimals.put(key, new BigDecimal(rate)));
        return new StoreConfig(new BigDecimal("0.02"), decimals, 1, 3, 20, new BigDecimal("0.30"), new BigDecimal("1.5"));
    }

    private static PeriodReport report(StoreConfig config, List<FileOutcome> files) {
        return report(STORE, config, files);
    }

    private static PeriodReport report(StoreRecords store, StoreConfig config, List<FileOutcome> files) {
        return new ReportSource("t1", "s1", files.stream().map(FileDays::ofNoDay).toList(), store, new Reconciler(config).closeBooks("t1", "s1", store), config)
                .report(Period.day(DAY));
    }

    private static XSSFWorkbook workbook(PeriodReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.write(out, report);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** Column A of the 汇总 sheet's rows, from row 2 (below the title) to the first heading. */
    private static List<String> aboveTheFigures(XSSFWorkbook workbook) {
        Sheet sheet = workbook.getSheet(ReportWorkbook.SUMMARY);
        List<String> lines = new ArrayList<>();
        for (int r = 2; !"期间数字".equals(text(sheet.getRow(r))); r++) {
            lines.add(text(sheet.getRow(r)));
        }
        return lines;
    }

    private static String text(Row row) {
        return row == null || row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
    }

    @Test
    void aKeyThatMatchesNoOrderIsALineAboveTheFiguresOfTheSummarySheet() throws IOException {
        PeriodReport report = report(byCategory(Map.of("女装", "0.05", "男装", "0.04")), ACCEPTED);

        try (XSSFWorkbook workbook = workbook(report)) {
            assertThat(aboveTheFigures(workbook)).containsExactly(UNMATCHED_WARNING, "");
            assertThat(workbook.getSheet(ReportWorkbook.SUMMARY).getRow(2).getCell(0).getCellStyle().getFont().getBold())
                    .isTrue();
        }
    }

    @Test
    void aKeyThatMatchesNoOrderIsSaidAtTheTopOfThePage() {
        String html = ReportPage.render(report(byCategory(Map.of("女装", "0.05", "男装", "0.04")), ACCEPTED));

        String warning = "<section class=\"warn\" id=\"config-warnings\">\n<p>" + Html.escape(UNMATCHED_WARNING) + "</p>\n</section>";
        assertThat(html).contains(warning);
        assertThat(html.indexOf(warning)).isLessThan(html.indexOf("<section class=\"cards\">"));
    }

    @Test
    void theFeesSheetSaysWhichKeyEachCategorysRateCameFrom() throws IOException {
        PeriodReport report = report(byCategory(Map.of("女装", "0.05")), ACCEPTED);

        try (XSSFWorkbook workbook = workbook(report)) {
            Sheet fees = workbook.getSheet(ReportWorkbook.FEES);
            assertThat(fees.getRow(0).getCell(3).getStringCellValue()).isEqualTo("费率来源");
            assertThat(List.of(fees.getRow(1), fees.getRow(2)))
                    .extracting(row -> row.getCell(0).getStringCellValue(), row -> row.getCell(2).getNumericCellValue(),
                            row -> row.getCell(3).getStringCellValue(), row -> row.getCell(4).getNumericCellValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("女装/女士精品", 0.05, "byCategory.\"女装\"", 10.0),
                            org.assertj.core.groups.Tuple.tuple("女装饰品", 0.02, "default", 2.0));
        }
    }

    @Test
    void aRefusedFileIsABannerAboveEverythingOnThePageAndTheFirstLineOfTheSummarySheet() throws IOException {
        List<FileOutcome> files = new ArrayList<>(ACCEPTED);
        files.add(FileOutcome.rejected("订单2.csv", FileKind.TMALL_ORDERS, 3, "订单状态 \"已发货吧\" 无法识别"));
        PeriodReport report = report(byCategory(Map.of("女装", "0.05", "男装", "0.04")), files);
        String banner = "数据不完整：1 个文件被拒收（订单2.csv：第 3 行：订单状态 \"已发货吧\" 无法识别）；"
                + "请重新下载该导出文件后上传，不要用 Excel 另存。对账结果可能不完整。";

        try (XSSFWorkbook workbook = workbook(report)) {
            assertThat(aboveTheFigures(workbook)).containsExactly(banner, UNMATCHED_WARNING, "");
            assertThat(workbook.getSheet(ReportWorkbook.SUMMARY).getRow(2).getCell(0).getCellStyle().getFont())
                    .satisfies(font -> assertThat(font.getBold()).isTrue())
                    .satisfies(font -> assertThat(font.getXSSFColor().getARGBHex()).isEqualTo("FFC62828"));
        }
        String html = ReportPage.render(report);
        assertThat(html).contains("<main>\n<section class=\"incomplete\" id=\"incomplete\" role=\"alert\"><p>"
                + Html.escape(banner) + "</p></section>\n<h1>");
    }

    @Test
    void aMissingExportIsABannerAboveEverythingOnThePageAndTheFirstLineOfTheSummarySheet() throws IOException {
        PeriodReport report = report(WITHOUT_ORDER_REPORTS, byCategory(Map.of("女装", "0.05")), ACCEPTED);
        String banner = "数据不完整：缺少 天猫订单报表 2026-09-21 至 2026-09-30，请补充上传。对账结果可能不完整。";

        try (XSSFWorkbook workbook = workbook(report)) {
            assertThat(aboveTheFigures(workbook)).containsExactly(banner, "");
        }
        assertThat(ReportPage.render(report)).contains("<main>\n<section class=\"incomplete\" id=\"incomplete\" role=\"alert\"><p>"
                + banner + "</p></section>\n<h1>");
    }

    @Test
    void aCompleteStoreWhoseKeysAllMatchHasNoNotice() throws IOException {
        PeriodReport report = report(byCategory(Map.of("女装", "0.05")), ACCEPTED);

        try (XSSFWorkbook workbook = workbook(report)) {
            assertThat(aboveTheFigures(workbook)).isEmpty();
        }
        assertThat(ReportPage.render(report)).doesNotContain("class=\"warn\"", "没有匹配到", "class=\"incomplete\"", "数据不完整");
    }
}
