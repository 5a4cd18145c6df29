package recon.functions.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import recon.pipeline.Alert;
import recon.pipeline.Alerts;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes alerts to the topic as a JSON message structure ({"default": full text, "sms": short
 * text}) with the attributes subscriptions filter on: tenantId, storeId, severity, anomalyCount.
 */
final class SnsAlerts implements Alerts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsClient sns;
    private final String topicArn;

    SnsAlerts(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(Alert alert) {
        ObjectNode message = JSON.createObjectNode();
        message.put("default", alert.text());
        message.put("sms", alert.sms());
        sns.publish(b -> b.topicArn(topicArn)
                .subject(alert.subject())
                .messageStructure("json")
                .message(message.toString())
                .messageAttributes(Map.of(
                        "tenantId", text(alert.store().tenant()),
                        "storeId", text(alert.store().store()),
                        "severity", text(alert.severity().name()),
                        "anomalyCount", MessageAttributeValue.builder()
                                .dataType("Number").stringValue(Integer.toString(alert.anomalyCount())).build())));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
