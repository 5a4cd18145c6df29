package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Times;
import recon.ingest.Collected.Coverage;

class AlipayLedgerTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,"
            + "支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注";
    private static final String NEW_HEADER = HEADER + ",业务描述,业务基础订单号";

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String preamble(String start, String end) {
        return csv("#支付宝账务明细查询", "#账号：[20881234567890120156]",
                "#起始日期：[" + start + "]   终止日期：[" + end + "]",
                "#-----------------------------------------账务明细列表----------------------------------------");
    }

    private static String trailer(String expense, String income) {
        return csv("#-----------------------------------------账务明细列表结束------------------------------------",
                "#支出合计：" + expense, "#收入合计：" + income, "#导出时间：[2026年12月01日 09:00:00]");
    }

    private static String line(String id, String merchantOrder, String time, String income, String expense,
            String balance, String type, String memo) {
        return "=\"" + id + "\"\t,2026110222001\t,\t" + merchantOrder + "\t,宝贝,\t" + time + "\t,对方\t,"
                + income + "," + expense + "," + balance + ",支付宝," + type + "," + memo;
    }

    private static long at(String local) {
        return Times.of(LocalDateTime.parse(local));
    }

    @Test
    void readsGbkExportWithPreambleAndTrailer() {
        // given
        String file = preamble("2026年11月01日 00:00:00", "2026年12月01日 00:00:00")
                + csv(HEADER,
                        line("20261102001", "T200P3553498017448001", "2026-11-02 10:11:12", "\"1,234.50\"", "0.00",
                                "1234.50", "交易付款", ""),
                        line("20261102002", "", "2026-11-02 10:11:13", "", "-12.35", "1222.15", "其他",
                                "天猫佣金（类目：女装）3553498017448001"))
                + trailer("1笔，共12.35元", "1笔，共1,234.50元");

        // when
        Collected got = Collected.ingest("账务明细.csv", file, GBK);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.ALIPAY_LEDGER);
        assertThat(got.outcome().rows()).isEqualTo(2);
        assertThat(got.lines).containsExactly(
                new LedgerLine("20261102001", "3553498017448001", at("2026-11-02T10:11:12"), 123450, 0, 123450,
                        LineClass.SETTLEMENT, "交易付款"),
                new LedgerLine("20261102002", "3553498017448001", at("2026-11-02T10:11:13"), 0, 1235, 122215,
                        LineClass.COMMISSION, "其他"));
        assertThat(got.coverage).containsExactly(
                new Coverage(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
    }

    @Test
    void coverageKeepsOnlyFullDaysOfThePreambleWindow() {
        // given: starts mid-day, ends before the last second of a day
        String file = preamble("2026年11月01日 08:00:00", "2026年11月05日 23:00:00") + csv(HEADER);

        // when
        Collected got = Collected.ingest("a.csv", file, UTF_8);

        // then
        assertThat(got.coverage).containsExactly(new Coverage(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4)));
    }

    @Test
    void coverageIncludesEndDayWhenWindowEndsAtItsLastSecond() {
        String file = preamble("2026年11月01日 00:00:00", "2026年11月05日 23:59:59") + csv(HEADER);

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.coverage).containsExactly(new Coverage(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 5)));
    }

    @Test
    void noCoverageWhenWindowHoldsNoFullDay() {
        String file = preamble("2026年11月01日 08:00:00", "2026年11月01日 20:00:00") + csv(HEADER);

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.coverage).isEmpty();
    }

    @Test
    void withoutPreambleCoverageIsEachRunOfDaysWithLines() {
        // given: lines on Nov 2, 3 and 5, not in order
        String file = csv(HEADER,
                line("1", "", "2026-11-03 10:00:00", "1", "", "1", "其他", ""),
                line("2", "", "2026-11-02 10:00:00", "1", "", "2", "其他", ""),
                line("3", "", "2026-11-05 10:00:00", "1", "", "3", "其他", ""),
                line("4", "", "2026-11-02 23:00:00", "1", "", "4", "其他", ""));

        // when
        Collected got = Collected.ingest("a.csv", file, UTF_8);

        // then
        assertThat(got.coverage).containsExactly(
                new Coverage(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3)),
                new Coverage(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5)));
    }

    @Test
    void rejectsFileWhenTrailerTotalsDiffer() {
        // given: the trailer declares 2 income lines, the file holds 1
        String file = preamble("2026年11月01日 00:00:00", "2026年12月01日 00:00:00")
                + csv(HEADER, line("1", "T200P1", "2026-11-02 10:00:00", "2800.00", "", "2800", "交易付款", ""))
                + trailer("0笔，共0.00元", "2笔，共3000.00元");

        // when
        Collected got = Collected.ingest("a.csv", file, UTF_8);

        // then: the 收入合计 is on line 9
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error())
                .isEqualTo("第 9 行：文件末尾合计与明细不符：收入合计 2 笔 3000.00 元，明细为 1 笔 2800.00 元");
    }

    @Test
    void rejectsFileWhenTrailerExpenseCountDiffers() {
        String file = csv(HEADER, line("1", "", "2026-11-02 10:00:00", "", "5", "-5", "提现", ""))
                + trailer("2笔，共5.00元", "0笔，共0.00元");

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.outcome().error())
                .isEqualTo("第 4 行：文件末尾合计与明细不符：支出合计 2 笔 5.00 元，明细为 1 笔 5.00 元");
    }

    @Test
    void checksBothTotalsOfATrailerWhoseTwoLinesRanTogether() {
        String end = csv("#-----------------------------------------账务明细列表结束------------------------------------",
                "#支出合计：2笔，共5.00元收入合计：0笔，共0.00元");
        String file = csv(HEADER, line("1", "", "2026-11-02 10:00:00", "", "5", "-5", "提现", ""));

        Collected wrongExpense = Collected.ingest("a.csv", file + end, UTF_8);
        Collected right = Collected.ingest("b.csv", file + end.replace("2笔，共5.00元", "1笔，共5.00元"), UTF_8);

        assertThat(wrongExpense.outcome().error())
                .isEqualTo("第 4 行：文件末尾合计与明细不符：支出合计 2 笔 5.00 元，明细为 1 笔 5.00 元");
        assertThat(right.outcome().accepted()).isTrue();
    }

    @Test
    void acceptsLedgerWithoutTrailer() {
        String file = csv(HEADER, line("1", "", "2026-11-02 10:00:00", "", "5", "-5", "提现", ""));

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.outcome().rows()).isEqualTo(1);
    }

    @Test
    void classifiesLinesInTheDocumentedOrder() {
        // given
        String file = csv(NEW_HEADER,
                line("1", "", "2026-11-02 10:00:00", "", "1000", "0", "保证金", "提现到保证金") + ",,",
                line("2", "", "2026-11-02 10:00:01", "", "1", "0", "提现", "") + ",,",
                line("3", "", "2026-11-02 10:00:02", "", "1", "0", "转账", "直通车充值") + ",,",
                line("4", "", "2026-11-02 10:00:03", "", "1", "0", "万相台", "") + ",,",
                line("5", "", "2026-11-02 10:00:04", "", "1", "0", "其他", "") + ",技术服务费,",
                line("6", "", "2026-11-02 10:00:05", "", "1", "0", "其他", "淘宝客佣金") + ",,",
                line("7", "", "2026-11-02 10:00:06", "", "1", "0", "服务费", "花呗支付服务费") + ",,",
                line("8", "", "2026-11-02 10:00:07", "", "1", "0", "其他", "天猫积分") + ",,",
                line("9", "T200P42", "2026-11-02 10:00:08", "", "1", "0", "交易退款", "") + ",,",
                line("10", "T200P42", "2026-11-02 10:00:09", "5", "", "5", "在线支付", "") + ",,",
                line("11", "", "2026-11-02 10:00:10", "", "5", "0", "交易付款", "") + ",,",
                line("12", "", "2026-11-02 10:00:11", "3", "", "3", "转账", "阿里妈妈退回") + ",,");

        // when
        Collected got = Collected.ingest("a.csv", file, UTF_8);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.lines).extracting(LedgerLine::lineClass).containsExactly(
                LineClass.DEPOSIT, LineClass.WITHDRAWAL, LineClass.AD_TOPUP, LineClass.AD_TOPUP,
                LineClass.COMMISSION, LineClass.AFFILIATE_FEE, LineClass.PAYMENT_FEE, LineClass.POINTS,
                LineClass.REFUND, LineClass.SETTLEMENT, LineClass.OTHER, LineClass.OTHER);
    }

    @Test
    void findsOrderIdInMerchantOrderThenBaseOrderThenMemo() {
        String file = csv(NEW_HEADER,
                line("1", "T200P3553498017448001", "2026-11-02 10:00:00", "1", "", "1", "交易付款", "") + ",,111",
                line("2", "", "2026-11-02 10:00:00", "", "1", "0", "其他", "佣金 3553498017448099") + ",,=\"3553498017448002\"",
                line("3", "", "2026-11-02 10:00:00", "", "1", "0", "其他", "佣金3553498017448003扣款") + ",,",
                line("4", "P123", "2026-11-02 10:00:00", "", "1", "0", "其他", "编号12345678901234") + ",,");

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.lines).extracting(LedgerLine::orderId)
                .containsExactly("3553498017448001", "3553498017448002", "3553498017448003", null);
    }

    @Test
    void rejectsLineWithBothIncomeAndExpense() {
        String file = csv(HEADER, line("1", "", "2026-11-02 10:00:00", "1.00", "2.00", "1", "其他", ""));

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：同一行的收入金额和支出金额都不为零");
    }

    @Test
    void rejectsAmountThatIsNotANumberNamingColumn() {
        String file = csv(HEADER, line("1", "", "2026-11-02 10:00:00", "1e309", "", "1", "其他", ""));

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：收入金额 \"1e309\" 不是有效金额");
    }

    @Test
    void rejectsIdsAndKeptTextsTooLongForAnyExport() {
        // given lines whose ids or business type run far past anything an export holds (the stored
        // record packs must stay under DynamoDB's item limit)
        String longLineId = "1".repeat(RowParser.MAX_ID_LENGTH + 1);
        String longOrderId = "T200P" + "3".repeat(10_000);
        String longType = "交".repeat(RowParser.MAX_KEPT_TEXT_LENGTH + 1);
        String ok = line("20261102001", "", "2026-11-02 10:00:00", "1", "", "1", "其他", "");

        // when
        Collected lineId = Collected.ingest("a.csv", csv(HEADER, ok, line(longLineId, "", "2026-11-02 10:00:00", "1", "",
                "2", "其他", "")), UTF_8);
        Collected orderId = Collected.ingest("b.csv", csv(HEADER, line("20261102002", longOrderId, "2026-11-02 10:00:00",
                "1", "", "1", "交易付款", "")), UTF_8);
        Collected type = Collected.ingest("c.csv", csv(HEADER, ok, ok.replace("20261102001", "20261102003"),
                line("20261102004", "", "2026-11-02 10:00:00", "1", "", "4", longType, "")), UTF_8);

        // then each file is rejected at the line, naming the column; nothing is kept
        assertThat(lineId.outcome().error()).isEqualTo("第 3 行：账务流水号 \"" + "1".repeat(40) + "…\" 不是有效的编号");
        assertThat(orderId.outcome().error()).isEqualTo("第 2 行：商户订单号 \"" + "3".repeat(40) + "…\" 不是有效的编号");
        assertThat(type.outcome().error()).isEqualTo("第 4 行：业务类型过长（超过 200 个字符），不是导出文件应有的内容");
        assertThat(List.of(lineId, orderId, type)).allSatisfy(got -> assertThat(got.outcome().accepted()).isFalse());
    }

    @Test
    void rejectsLineWithoutLineId() {
        String file = csv(HEADER, line("", "", "2026-11-02 10:00:00", "1", "", "1", "其他", ""));

        Collected got = Collected.ingest("a.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：缺少账务流水号");
    }

    @Test
    void readsUtf8WithBomAndHalfWidthHeaderNames() {
        // given: BOM before the first # line, half-width parentheses, LF line ends
        String file = "\uFEFF#支付宝账务明细查询\n"
                + "账务流水号,发生时间,收入金额(+元),支出金额(-元),账户余额(元),业务类型\n"
                + "7,2026-11-02 10:00:00,1.5,,1.5,在线支付\n";

        // when
        Collected got = Collected.ingest("a.csv", file, UTF_8);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.lines).singleElement().satisfies(l -> {
            assertThat(l.lineId()).isEqualTo("7");
            assertThat(l.incomeFen()).isEqualTo(150);
            assertThat(l.lineClass()).isEqualTo(LineClass.SETTLEMENT);
        });
    }

    @Test
    void aLedgerWithoutItsBalanceColumnIsReadAndItsLinesStateNoBalance() {
        // given: a tool's export that dropped 账户余额
        String file = csv("#支付宝账务明细查询", "账务流水号,发生时间,收入金额（+元）,支出金额（-元）,业务类型,商户订单号",
                "20261102001,2026-11-02 10:00:00,199.00,,交易付款,T200P3553498017448001",
                "20261102002,2026-11-02 10:00:01,,3.98,交易佣金（天猫佣金）,T200P3553498017448001");

        // when
        Collected got = Collected.ingest("账务明细.csv", file, UTF_8);

        // then every yuan is read; only the balance check has nothing to check
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.ALIPAY_LEDGER);
        assertThat(got.lines).extracting(l -> l.incomeFen(), l -> l.expenseFen(), l -> l.hasBalance())
                .containsExactly(tuple(19_900L, 0L, false), tuple(0L, 398L, false));
    }

    @Test
    void rejectsSummaryUploadedAlone() {
        String file = csv("#支付宝账务汇总查询", "#账号：[2088]", "业务类型,收入笔数,收入金额,支出笔数,支出金额", "交易付款,1,1,0,0");

        Collected got = Collected.ingest("汇总.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 1 行：这是支付宝账务汇总，不是账务明细，请上传账务明细文件");
    }
}
