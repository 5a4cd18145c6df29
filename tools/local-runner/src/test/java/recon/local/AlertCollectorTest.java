package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertCollectorTest {
    @Test
    void readsSubjectMessageAndAttributeValuesFromTheSnsEnvelope() {
        // given the envelope SNS puts on an SQS subscriber's queue
        String body = """
                {"Type": "Notification", "MessageId": "1", "TopicArn": "arn:aws:sns:us-east-1:1:alerts",
                 "Subject": "t1/s1 新异常 2", "Message": "AMOUNT_MISMATCH 2", "Timestamp": "2026-11-27T07:00:00.000Z",
                 "MessageAttributes": {"tenantId": {"Type": "String", "Value": "t1"},
                                       "anomalyCount": {"Type": "Number", "Value": "2"}}}""";

        // when
        AlertCollector.Alert alert = AlertCollector.fromEnvelope(body);

        // then
        assertThat(alert.subject()).isEqualTo("t1/s1 新异常 2");
        assertThat(alert.message()).isEqualTo("AMOUNT_MISMATCH 2");
        assertThat(alert.attributes()).containsExactly(
                Map.entry("tenantId", "t1"), Map.entry("anomalyCount", "2"));
        assertThat(alert.timestamp()).isEqualTo("2026-11-27T07:00:00.000Z");
    }

    @Test
    void envelopeWithoutSubjectOrAttributesGivesNullSubjectAndNoAttributes() {
        AlertCollector.Alert alert = AlertCollector.fromEnvelope("{\"Type\":\"Notification\",\"Message\":\"x\"}");

        assertThat(alert.subject()).isNull();
        assertThat(alert.attributes()).isEmpty();
        assertThat(alert.message()).isEqualTo("x");
    }
}
