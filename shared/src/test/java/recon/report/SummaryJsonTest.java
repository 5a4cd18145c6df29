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
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Severity;

class SummaryJsonTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void writesTheContractShapeWithAmountsAsYuanStrings() throws IOException {
        DayFigures day = new DayFigures(DAY, 40, 35, 412000, 12000, 8240, 2100, 300000, 10000L, 101660L, 33, 5,
                Map.of(AnomalyType.AMOUNT_MISMATCH, 1));
        Anomaly anomaly = new Anomaly(AnomalyType.AMOUNT_MISMATCH, Severity.HIGH, DAY, "3553498017448001",
                "20261102000123", 19900, 18900, "结算金额与应收不符");
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
                + "\"settledCount\":35,\"settledAmount\":\"4120.00\",\"refundAmount\":\"120.00\","
                + "\"commissionAmount\":\"82.40\",\"otherFeeAmount\":\"21.00\",\"transferAmount\":\"3000.00\","
                + "\"openingBalance\":\"100.00\",\"closingBalance\":\"1016.60\",\"matchedOrders\":33,\"openItems\":5,"
                + "\"anomalies\":{\"AMOUNT_MISMATCH\":1}}");
        assertThat(json.at("/anomalies/0").toString()).isEqualTo("{\"type\":\"AMOUNT_MISMATCH\",\"severity\":\"HIGH\","
                + "\"day\":\"2026-11-02\",\"orderId\":\"3553498017448001\",\"lineId\":\"20261102000123\","
                + "\"expected\":\"199.00\",\"actual\":\"189.00\",\"message\":\"结算金额与应收不符\"}");
    }

    @Test
    void omitsIdsThatDoNotApplyAndWritesNullBalancesForDaysWithoutLines() throws IOException {
        DayFigures quietDay = new DayFigures(DAY, 3, 0, 0, 0, 0, 0, 0, null, null, 0, 3, Map.of());
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
