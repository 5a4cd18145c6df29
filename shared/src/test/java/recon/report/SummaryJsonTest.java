package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Resolution;
import recon.domain.Severity;
import recon.domain.Times;
import recon.domain.Waiting;

class SummaryJsonTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void writesTheContractShapeWithAmountsAsYuanStrings() throws IOException {
        DayFigures day = new DayFigures(DAY, 40, 35, 412000,
                Map.of(Channel.ALIPAY, 300000L, Channel.TAOTIAN_WECHAT, 112000L), 12000, 8240, 2100, 300000, 10000L, 101660L, 33, 5,
                59700, 3, 19900, Map.of(AnomalyType.AMOUNT_MISMATCH, 1));
        Anomaly anomaly = new Anomaly(AnomalyType.AMOUNT_MISMATCH, Severity.HIGH, DAY, "3553498017448001",
                "20261102000123", 19900, 18900, "结算金额与应收不符").withId("0123456789abcdef");
        List<FileOutcome> files = List.of(
                FileOutcome.accepted("orders.csv", FileKind.TMALL_ORDERS, 1200),
                FileOutcome.rejected("bad.csv", FileKind.UNKNOWN, 1, "无法识别的文件表头"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(out, "t1", "s1", files, List.of(day), List.of(anomaly));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());

        assertThat(json.get("tenant").asText()).isEqualTo("t1");
        assertThat(json.get("store").asText()).isEqualTo("s1");
        assertThat(json.at("/files/0").toString())
                .isEqualTo("{\"name\":\"orders.csv\",\"kind\":\"TMALL_ORDERS\",\"status\":\"ACCEPTED\",\"rows\":1200}");
        assertThat(json.at("/files/1/status").asText()).isEqualTo("REJECTED");
        assertThat(json.at("/files/1/error").asText()).isEqualTo("第 1 行：无法识别的文件表头");
        assertThat(json.at("/days/0").toString()).isEqualTo("{\"day\":\"2026-11-02\",\"ordersPaid\":40,"
                + "\"settledCount\":35,\"settledAmount\":\"4120.00\","
                + "\"settledByChannel\":{\"ALIPAY\":\"3000.00\",\"TAOTIAN_WECHAT\":\"1120.00\"},\"refundAmount\":\"120.00\","
                + "\"commissionAmount\":\"82.40\",\"otherFeeAmount\":\"21.00\",\"transferAmount\":\"3000.00\","
                + "\"openingBalance\":\"100.00\",\"closingBalance\":\"1016.60\",\"matchedOrders\":33,\"openItems\":5,"
                + "\"invoicedAmount\":\"597.00\",\"invoiceCount\":3,\"uninvoicedAmount\":\"199.00\","
                + "\"anomalies\":{\"AMOUNT_MISMATCH\":1}}");
        assertThat(json.at("/anomalies/0").toString()).isEqualTo("{\"id\":\"0123456789abcdef\",\"type\":\"AMOUNT_MISMATCH\","
                + "\"severity\":\"HIGH\",\"day\":\"2026-11-02\",\"orderId\":\"3553498017448001\",\"lineId\":\"20261102000123\","
                + "\"expected\":\"199.00\",\"actual\":\"189.00\",\"message\":\"结算金额与应收不符\",\"status\":\"OPEN\"}");
        assertThat(json.get("statusCounts").toString())
                .isEqualTo("{\"PENDING\":0,\"OPEN\":1,\"DISPUTED\":0,\"RESOLVED\":0,\"FORCED\":0}");
        assertThat(json.get("closed").asBoolean()).isFalse();
        assertThat(json.get("missingExports").isEmpty()).isTrue();
    }

    @Test
    void tellsWhatIsPendingOnWhichExportAndWhoResolvedWhat() throws IOException {
        Anomaly unmatched = new Anomaly(AnomalyType.UNMATCHED_SETTLEMENT, Severity.LOW, DAY, "3553498017448001",
                "20261102000123", null, null, 0, 19900, "结算款找不到对应订单",
                new Waiting(FileKind.TMALL_ORDERS, LocalDate.of(2026, 9, 18), LocalDate.of(2026, 10, 31))).withId("aaaaaaaaaaaaaaaa");
        Anomaly earlier = new Anomaly(AnomalyType.UNMATCHED_SETTLEMENT, Severity.LOW, DAY, "3553498017448002",
                "20261102000124", null, null, 0, 5000, "结算款找不到对应订单",
                new Waiting(FileKind.TMALL_ORDERS, LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 30))).withId("bbbbbbbbbbbbbbbb");
        Anomaly resolved = new Anomaly(AnomalyType.AMOUNT_MISMATCH, Severity.HIGH, DAY, "3553498017448003",
                "20261102000125", 19900, 19898, "结算金额与应收不符").withId("cccccccccccccccc")
                .settledBy(new Resolution("cccccccccccccccc", Resolution.Action.RESOLVED, "平台已补款", "王会计",
                        Times.of(java.time.LocalDateTime.of(2026, 11, 20, 10, 2)), "", "处理结果.csv", "0000000000000000", 2));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(out, "t1", "s1", List.of(), List.of(), List.of(unmatched, earlier, resolved));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());

        assertThat(json.get("statusCounts").toString())
                .isEqualTo("{\"PENDING\":2,\"OPEN\":0,\"DISPUTED\":0,\"RESOLVED\":1,\"FORCED\":0}");
        assertThat(json.get("closed").asBoolean()).isFalse();
        assertThat(json.get("missingExports").toString()).isEqualTo(
                "[{\"kind\":\"TMALL_ORDERS\",\"from\":\"2026-09-10\",\"to\":\"2026-10-31\",\"pending\":2}]");
        assertThat(json.at("/anomalies/0/waitingFor").toString())
                .isEqualTo("{\"kind\":\"TMALL_ORDERS\",\"from\":\"2026-09-18\",\"to\":\"2026-10-31\"}");
        assertThat(json.at("/anomalies/2/status").asText()).isEqualTo("RESOLVED");
        assertThat(json.at("/anomalies/2/resolution").toString()).isEqualTo("{\"status\":\"RESOLVED\",\"note\":\"平台已补款\","
                + "\"by\":\"王会计\",\"at\":\"2026-11-20T10:02:00+08:00\",\"source\":\"处理结果.csv\"}");
    }

    @Test
    void aPeriodWithNothingPendingOpenOrDisputedIsClosed() throws IOException {
        Anomaly forced = new Anomaly(AnomalyType.FEE_MISMATCH, Severity.HIGH, DAY, "3553498017448003", null, 398, 400,
                "佣金与合同费率不符").withId("dddddddddddddddd").settledBy(new Resolution("dddddddddddddddd",
                Resolution.Action.FORCED, "2 分差额不追", "王会计", Times.NONE, "", "处理结果.csv", "0000000000000000", 3));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(out, "t1", "s1", List.of(), List.of(), List.of(forced));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());

        assertThat(json.get("closed").asBoolean()).isTrue();
        assertThat(json.at("/anomalies/0/resolution").has("at")).isFalse();
    }

    @Test
    void omitsIdsThatDoNotApplyAndWritesNullBalancesForDaysWithoutLines() throws IOException {
        DayFigures quietDay = new DayFigures(DAY, 3, 0, 0, Map.of(), 0, 0, 0, 0, null, null, 0, 3, 0, 0, 0, Map.of());
        Anomaly dayLevel = new Anomaly(AnomalyType.REFUND_RATE_HIGH, Severity.MEDIUM, DAY, null, null, 3000, 5000, "当日退款率过高");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(out, "t1", "s1", List.of(), List.of(quietDay), List.of(dayLevel));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());

        assertThat(json.at("/days/0/openingBalance").isNull()).isTrue();
        assertThat(json.at("/days/0/closingBalance").isNull()).isTrue();
        assertThat(json.at("/anomalies/0").has("orderId")).isFalse();
        assertThat(json.at("/anomalies/0").has("lineId")).isFalse();
    }
}
