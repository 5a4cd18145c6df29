package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Times;
import recon.ingest.Collected.Coverage;

/** The WeChat Pay bill of the 聚合结算账户 (淘天微信账单), as sellers download it from 千牛 and as tools rewrite it. */
class WeChatBillTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "账单项目,支付流水号,淘宝订单编号,入账时间,收入金额（元）,支出金额（元）,入账类型,业务描述,备注";

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static long at(String local) {
        return Times.of(LocalDateTime.parse(local));
    }

    private static LedgerLine wechat(String id, String orderId, String time, long income, long expense,
            LineClass lineClass, String type) {
        return new LedgerLine(Channel.TAOTIAN_WECHAT, id, orderId, at(time), income, expense, LedgerLine.NO_BALANCE,
                lineClass, type);
    }

    @Test
    void readsAGbkBillWithItsPeriodTrailerAndTheUsualSpreadsheetTraps() {
        // given: ="…" and tab-padded ids, a thousands separator, full-width parentheses in the header
        String file = csv("#淘天微信账单明细", "#账户：聚合结算账户",
                "#起始日期：[2026年11月01日 00:00:00]   终止日期：[2026年12月01日 00:00:00]",
                HEADER,
                "交易收款,=\"4200000123202611020001\",\t3553498017448001\t,2026-11-02 10:11:12,\"1,234.50\",0.00,交易,微信支付订单收款,",
                "技术服务费,4200000123202611020002,3553498017448001,2026-11-02 10:11:13,,-24.69,服务费,天猫技术服务费,",
                "交易退款,4200000123202611030001,3553498017448002,2026-11-03 08:00:00,,50.00,退款,售后退款,",
                "积分,4200000123202611030002,,2026-11-03 08:00:01,,1.20,服务费,天猫积分,订单3553498017448003",
                "提现,4200000123202611040001,,2026-11-04 09:00:00,,1000.00,提现,提现到银行卡,",
                "淘宝客佣金,4200000123202611040002,3553498017448001,2026-11-04 09:00:01,,3.00,服务费,淘宝客推广费,",
                "营销补贴,4200000123202611050001,-,2026-11-05 12:00:00,5.00,,其他,活动补贴,",
                "#收入合计：2笔，共1,239.50元",
                "#支出合计：5笔，共1,078.89元");

        // when
        Collected got = Collected.ingest("淘天微信账单.csv", file, GBK);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TAOTIAN_WECHAT);
        assertThat(got.lines).containsExactly(
                wechat("4200000123202611020001", "3553498017448001", "2026-11-02T10:11:12", 123450, 0,
                        LineClass.SETTLEMENT, "交易收款/交易"),
                wechat("4200000123202611020002", "3553498017448001", "2026-11-02T10:11:13", 0, 2469,
                        LineClass.COMMISSION, "技术服务费/服务费"),
                wechat("4200000123202611030001", "3553498017448002", "2026-11-03T08:00:00", 0, 5000,
                        LineClass.REFUND, "交易退款/退款"),
                wechat("4200000123202611030002", "3553498017448003", "2026-11-03T08:00:01", 0, 120,
                        LineClass.POINTS, "积分/服务费"),
                wechat("4200000123202611040001", null, "2026-11-04T09:00:00", 0, 100000,
                        LineClass.WITHDRAWAL, "提现"),
                wechat("4200000123202611040002", "3553498017448001", "2026-11-04T09:00:01", 0, 300,
                        LineClass.AFFILIATE_FEE, "淘宝客佣金/服务费"),
                wechat("4200000123202611050001", null, "2026-11-05T12:00:00", 500, 0,
                        LineClass.OTHER, "营销补贴/其他"));
        assertThat(got.lines).allSatisfy(line -> assertThat(line.hasBalance()).isFalse());
        assertThat(got.coverage).containsExactly(new Coverage(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
    }

    @Test
    void aTrailerThatDoesNotMatchTheLinesRejectsTheWholeBillOnItsLine() {
        String file = csv(HEADER,
                "交易收款,4200000123202611020001,3553498017448001,2026-11-02 10:11:12,100.00,,交易,,",
                "#收入合计：1笔，共99.00元");

        Collected got = Collected.ingest("淘天微信账单.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 3 行：文件末尾合计与明细不符：收入合计 1 笔 99.00 元，明细为 1 笔 100.00 元");
    }

    @Test
    void readsWeChatPaysBacktickedValuesAndChecksItsSummaryRows() {
        // given: WeChat Pay's own habit, a ` before each value, and the two summary rows it ends with
        String file = csv("账单项目,支付流水号,淘宝订单编号,入账时间,收入金额,支出金额,入账类型,业务描述,备注",
                "`交易收款,`4200000123202611020001,`3553498017448001,`2026-11-02 10:11:12,`199.00,`0.00,`交易,`,`",
                "`技术服务费,`4200000123202611020002,`3553498017448001,`2026-11-02 10:11:13,`0.00,`3.98,`服务费,`,`",
                "资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额",
                "`2.0,`1.0,`199.00,`1.0,`3.98");

        Collected got = Collected.ingest("bill.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().rows()).as("the summary rows are no lines").isEqualTo(2);
        assertThat(got.lines).extracting(LedgerLine::lineId, LedgerLine::orderId, LedgerLine::incomeFen,
                        LedgerLine::expenseFen, LedgerLine::lineClass)
                .containsExactly(
                        tuple("4200000123202611020001", "3553498017448001", 19900L, 0L,
                                LineClass.SETTLEMENT),
                        tuple("4200000123202611020002", "3553498017448001", 0L, 398L,
                                LineClass.COMMISSION));
    }

    @Test
    void summaryRowsThatDisagreeWithTheLinesRejectTheBill() {
        String file = csv("账单项目,支付流水号,淘宝订单编号,入账时间,收入金额,支出金额",
                "交易收款,4200000123202611020001,3553498017448001,2026-11-02 10:11:12,199.00,0.00",
                "资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额",
                "2,2,398.00,0,0.00");

        Collected got = Collected.ingest("bill.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).startsWith("第 4 行：文件末尾合计与明细不符：收入合计 2 笔 398.00 元");
    }

    @Test
    void aPeriodWrittenWithoutBracketsCoversItsFullDays() {
        String file = csv("#起始日期：2026-11-01 00:00:00   终止日期：2026-11-15 23:59:59", HEADER,
                "交易收款,4200000123202611020001,3553498017448001,2026-11-02 10:11:12,100.00,,交易,,");

        Collected got = Collected.ingest("bill.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.coverage).containsExactly(new Coverage(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
    }

    @Test
    void anUnreadablePeriodIsRefusedRatherThanGuessed() {
        String file = csv("#起始日期：上月初   终止日期：月底", HEADER);

        Collected got = Collected.ingest("bill.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 1 行：文件开头的起始日期无法识别");
    }

    @Test
    void aPoiWrittenWorkbookWithoutPreambleIsCoveredByTheDaysOfItsLines() throws IOException {
        // given: the bill re-saved by a spreadsheet: real dates, numbers, an order number stored as text
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("账单明细");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            String[] header = {"账单项目", "支付流水号", "淘宝订单编号", "入账时间", "收入金额", "支出金额", "入账类型", "业务描述", "备注"};
            XSSFRow top = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                top.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = {
                {"交易收款", "4200000123202611020001", "3553498017448001", LocalDateTime.of(2026, 11, 2, 10, 0), 88.8, 0.0},
                {"交易收款", "4200000123202611030001", "3553498017448002", LocalDateTime.of(2026, 11, 3, 11, 0), 10.0, 0.0},
                {"软件服务费", "4200000123202611050001", "3553498017448002", LocalDateTime.of(2026, 11, 5, 9, 30), 0.0, 0.2},
            };
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((String) rows[r][1]);
                row.createCell(2).setCellValue((String) rows[r][2]);
                row.createCell(3).setCellValue((LocalDateTime) rows[r][3]);
                row.getCell(3).setCellStyle(dateStyle);
                row.createCell(4).setCellValue((Double) rows[r][4]);
                row.createCell(5).setCellValue((Double) rows[r][5]);
            }
            workbook.write(out);
            file = out.toByteArray();
        }

        // when
        Collected got = Collected.ingest("微信账单.xlsx", file);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TAOTIAN_WECHAT);
        assertThat(got.lines).containsExactly(
                wechat("4200000123202611020001", "3553498017448001", "2026-11-02T10:00:00", 8880, 0,
                        LineClass.SETTLEMENT, "交易收款"),
                wechat("4200000123202611030001", "3553498017448002", "2026-11-03T11:00:00", 1000, 0,
                        LineClass.SETTLEMENT, "交易收款"),
                wechat("4200000123202611050001", "3553498017448002", "2026-11-05T09:30:00", 0, 20,
                        LineClass.COMMISSION, "软件服务费"));
        assertThat(got.coverage).containsExactly(
                new Coverage(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3)),
                new Coverage(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5)));
    }

    @Test
    void aBillInsideAZipBesideTheAlipayLogIsReadAsItsOwnKind() {
        String alipay = csv("账务流水号,发生时间,收入金额（+元）,支出金额（-元）,账户余额（元）,业务类型,商户订单号",
                "2026110200001,2026-11-02 09:00:00,100.00,,100.00,交易付款,T200P3553498017448001");
        String wechat = csv(HEADER,
                "交易收款,4200000123202611020001,3553498017448002,2026-11-02 10:11:12,50.00,,交易,,");
        byte[] zip = Fixtures.zip(GBK, "支付宝.csv", alipay.getBytes(GBK), "微信.csv", wechat.getBytes(GBK));

        Collected got = Collected.ingest("账单.zip", zip);

        assertThat(got.outcomes).extracting(o -> o.kind()).containsExactly(FileKind.ALIPAY_LEDGER, FileKind.TAOTIAN_WECHAT);
        assertThat(got.lines).extracting(LedgerLine::channel).containsExactly(Channel.ALIPAY, Channel.TAOTIAN_WECHAT);
    }

    @Test
    void anOrderNumberExcelTurnedIntoScientificNotationRejectsTheBillOnItsLine() {
        String file = csv(HEADER,
                "交易收款,4200000123202611020001,3.5535E+15,2026-11-02 10:11:12,100.00,,交易,,");

        Collected got = Collected.ingest("bill.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 2 行：淘宝订单编号 \"3.5535E+15\" 已被 Excel 改成科学计数法，无法还原");
    }

    @Test
    void aHeaderMissingTheLineIdIsNamedAsAWeChatBillMissingThatColumn() {
        String file = csv("账单项目,淘宝订单编号,入账时间,收入金额,支出金额,入账类型",
                "交易收款,3553498017448001,2026-11-02 10:11:12,100.00,,交易");

        Collected got = Collected.ingest("bill.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 1 行：表头像是淘天微信账单，但缺少必需的列：支付流水号");
    }

    @Test
    void aLineWithBothIncomeAndExpenseIsRefused() {
        String file = csv(HEADER,
                "交易收款,4200000123202611020001,3553498017448001,2026-11-02 10:11:12,100.00,1.00,交易,,");

        Collected got = Collected.ingest("bill.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 2 行：同一行的收入金额和支出金额都不为零");
    }
}
