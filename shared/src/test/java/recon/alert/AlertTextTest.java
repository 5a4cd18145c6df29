package recon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.IncompleteData;
import recon.domain.Severity;
import recon.domain.Waiting;
import recon.port.Alert;
import recon.port.ReportLinks;
import recon.port.StoreRef;

class AlertTextTest {
    private static final StoreRef STORE = new StoreRef("t1", "s1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final IncompleteData COMPLETE = IncompleteData.of(List.of(), List.of());
    private static final FileOutcome REJECTED_ORDERS =
            FileOutcome.rejected("订单.csv", FileKind.TMALL_ORDERS, 3, "订单状态 \"已发货吧\" 无法识别");
    private static final Waiting MISSING_ORDERS =
            new Waiting(FileKind.TMALL_ORDERS, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));

    @Test
    void countsByTypeLargestAmountsFirstAndWhereTheReportsAre() {
        List<Anomaly> found = List.of(
                anomaly(AnomalyType.UNMATCHED_SETTLEMENT, DAY, 0, 1_000),
                anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900),
                anomaly(AnomalyType.AMOUNT_MISMATCH, DAY.plusDays(1), 50_000, 10_000));

        Alert alert = AlertText.anomalies(STORE, found, COMPLETE, ReportLinks.NONE);

        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.anomalyCount()).isEqualTo(3);
        assertThat(alert.text())
                .contains("结算金额不符（AMOUNT_MISMATCH）：2 个", "结算找不到订单（UNMATCHED_SETTLEMENT）：1 个")
                .contains("tenants/t1/stores/s1/reports/2026-11-02/", "tenants/t1/stores/s1/reports/2026-11-03/");
        assertThat(alert.text().indexOf("差额 -400.00")).isLessThan(alert.text().indexOf("差额 -10.00"));
        assertThat(alert.text().indexOf("差额 -10.00")).isLessThan(alert.text().indexOf("差额 10.00"));
        assertThat(alert.text()).doesNotContain("3553498017448001");
        assertThat(alert.sms()).contains("-400.00");
    }

    @Test
    void severityIsTheHighestAmongTheAnomalies() {
        Alert alert = AlertText.anomalies(STORE, List.of(
                anomaly(AnomalyType.UNMATCHED_SETTLEMENT, DAY, 0, 1),
                anomaly(AnomalyType.DUPLICATE_SETTLEMENT, DAY, 0, 2)), COMPLETE, ReportLinks.NONE);

        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void subjectAndSmsStayWithinTheirLimitsForTheLongestIds() {
        StoreRef longest = new StoreRef("t".repeat(64), "s".repeat(64));

        Alert anomalies = AlertText.anomalies(longest, List.of(anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 1, 2)), COMPLETE, ReportLinks.NONE);
        Alert rejected = AlertText.rejectedFiles(longest,
                List.of(FileOutcome.rejected("坏.csv", FileKind.UNKNOWN, 1, "无法识别的文件表头")));
        Alert config = AlertText.invalidConfig(longest, "graceDays: must be a whole number");

        for (Alert alert : List.of(anomalies, rejected, config)) {
            assertThat(alert.subject().codePointCount(0, alert.subject().length())).isLessThanOrEqualTo(100);
            assertThat(alert.sms().codePointCount(0, alert.sms().length())).isLessThanOrEqualTo(70);
            assertThat(alert.sms()).endsWith("…");
        }
    }

    @Test
    void smsOfAnOrdinaryStoreIsWhole() {
        Alert alert = AlertText.anomalies(STORE, List.of(anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900)), COMPLETE, ReportLinks.NONE);

        assertThat(alert.sms()).doesNotContain("…").contains("t1/s1", "1个", "-10.00");
        assertThat(alert.subject()).isEqualTo("【对账异常】t1/s1：1 个新异常，最高 HIGH");
    }

    @Test
    void rejectedFilesAlertNamesEachFileAndItsReason() {
        Alert alert = AlertText.rejectedFiles(STORE, List.of(
                FileOutcome.rejected("账务明细.csv", FileKind.ALIPAY_LEDGER, 812, "期末余额与明细不符")));

        assertThat(alert.text()).contains("账务明细.csv：第 812 行：期末余额与明细不符", "tenants/t1/stores/s1/rejected/");
        assertThat(alert.anomalyCount()).isZero();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void anAlertOnIncompleteDataSaysSoAfterItsFirstLineAndInTheSms() {
        IncompleteData incomplete = IncompleteData.of(
                List.of(FileOutcome.accepted("账务明细.csv", FileKind.ALIPAY_LEDGER, 10), REJECTED_ORDERS), List.of(MISSING_ORDERS));

        Alert alert = AlertText.anomalies(STORE, List.of(anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900)), incomplete, ReportLinks.NONE);

        assertThat(alert.text()).startsWith("""
                店铺 t1/s1 对账发现 1 个新异常，最高严重程度 HIGH（高）。

                数据不完整：1 个文件被拒收（订单.csv：第 3 行：订单状态 "已发货吧" 无法识别）；请重新下载该导出文件后上传，\
                不要用 Excel 另存。缺少 天猫订单报表 2026-10-01 至 2026-10-31，请补充上传。对账结果可能不完整。

                按类型：
                """);
        assertThat(alert.sms()).isEqualTo("对账：t1/s1 新异常1个（最高高），最大差额-10.00元；数据不完整：1个文件被拒收、缺1份导出，详见报告");
        assertThat(alert.sms().codePointCount(0, alert.sms().length())).isLessThanOrEqualTo(70);
    }

    @Test
    void anAlertSaysWhichOfTheTwoTheDataLacks() {
        Alert rejectedOnly = AlertText.anomalies(STORE, List.of(anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900)),
                IncompleteData.of(List.of(REJECTED_ORDERS), List.of()), ReportLinks.NONE);
        Alert missingOnly = AlertText.anomalies(STORE, List.of(anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900)),
                IncompleteData.of(List.of(), List.of(MISSING_ORDERS)), ReportLinks.NONE);

        assertThat(rejectedOnly.text()).contains("\n\n数据不完整：1 个文件被拒收（订单.csv：第 3 行：订单状态 \"已发货吧\" 无法识别）；"
                + "请重新下载该导出文件后上传，不要用 Excel 另存。对账结果可能不完整。\n\n按类型：");
        assertThat(rejectedOnly.sms()).isEqualTo("对账：t1/s1 新异常1个（最高高），最大差额-10.00元；数据不完整：1个文件被拒收，详见报告");
        assertThat(missingOnly.text()).contains("\n\n数据不完整：缺少 天猫订单报表 2026-10-01 至 2026-10-31，请补充上传。对账结果可能不完整。\n\n");
        assertThat(missingOnly.sms()).isEqualTo("对账：t1/s1 新异常1个（最高高），最大差额-10.00元；数据不完整：缺1份导出，详见报告");
    }

    @Test
    void anAlertOnCompleteDataSaysNothingOfIt() {
        Alert alert = AlertText.anomalies(STORE, List.of(anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900)),
                IncompleteData.of(List.of(FileOutcome.accepted("订单.csv", FileKind.TMALL_ORDERS, 3)), List.of()), ReportLinks.NONE);

        assertThat(alert.text()).doesNotContain("数据不完整");
        assertThat(alert.sms()).isEqualTo("对账：t1/s1 新异常1个（最高高），最大差额-10.00元，详见报告");
    }

    /** Links as a deployment with a distribution gives them: here the key after a fake host, valid 30 days. */
    private static final Instant NOW = Instant.parse("2026-12-01T16:30:00Z");
    private static final ReportLinks LINKS = key -> Optional.of(
            new ReportLinks.Link("https://reports.example/" + key + "?sig", NOW.plus(Duration.ofDays(30))));

    @Test
    void withLinksTheAlertLinksEachDaysPageAndTheMonthsAndSaysUntilWhen() {
        Alert alert = AlertText.anomalies(STORE, List.of(
                anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900),
                anomaly(AnomalyType.AMOUNT_MISMATCH, DAY.plusDays(1), 19_900, 18_900)), COMPLETE, LINKS);

        // 16:30 UTC is 00:30 the next day in Shanghai: the date the accountant reads is Shanghai's
        assertThat(alert.text()).endsWith("""

                报告（点击打开，链接有效至 2027-01-01）：
                  2026-11-02：https://reports.example/tenants/t1/stores/s1/reports/2026-11-02/report.html?sig
                  2026-11-03：https://reports.example/tenants/t1/stores/s1/reports/2026-11-03/report.html?sig
                  2026-11 月报：https://reports.example/tenants/t1/stores/s1/reports/2026-11/report.html?sig
                """);
        assertThat(alert.text()).doesNotContain("报告位置");
        // the SMS stays short: a signed link alone is longer than 70 characters
        assertThat(alert.sms()).isEqualTo("对账：t1/s1 新异常2个（最高高），最大差额-10.00元，详见报告");
    }

    @Test
    void withLinksBeyondTenDaysTheMonthsPagesReachTheRest() {
        List<Anomaly> found = DAY.datesUntil(DAY.plusDays(12))
                .map(day -> anomaly(AnomalyType.AMOUNT_MISMATCH, day, 19_900, 18_900)).toList();

        Alert alert = AlertText.anomalies(STORE, found, COMPLETE, LINKS);

        assertThat(alert.text()).contains("  2026-11-11：https://").doesNotContain("2026-11-12：")
                .contains("  2026-11 月报：https://reports.example/tenants/t1/stores/s1/reports/2026-11/report.html?sig\n"
                        + "  …共 12 天，其余各天见月报\n");
    }

    @Test
    void aClosedMonthLinksTheMonthsPageOrNamesItsFolder() {
        YearMonth november = YearMonth.of(2026, 11);

        assertThat(AlertText.monthClosed(STORE, november, LINKS).text()).endsWith(
                "月度报告（链接有效至 2027-01-01）：https://reports.example/tenants/t1/stores/s1/reports/2026-11/report.html?sig\n");
        assertThat(AlertText.monthClosed(STORE, november, ReportLinks.NONE).text())
                .endsWith("月度报告：tenants/t1/stores/s1/reports/2026-11/\n");
    }

    @Test
    void withoutLinksTheAlertNamesTheReportFolders() {
        Alert alert = AlertText.anomalies(STORE, List.of(anomaly(AnomalyType.AMOUNT_MISMATCH, DAY, 19_900, 18_900)),
                COMPLETE, ReportLinks.NONE);

        assertThat(alert.text()).endsWith("\n报告位置：\n  tenants/t1/stores/s1/reports/2026-11-02/\n");
    }

    private static Anomaly anomaly(AnomalyType type, LocalDate day, long expected, long actual) {
        return new Anomaly(type, type.severity, day, "3553498017448001", null, expected, actual, "说明");
    }
}
