package recon.functions.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import recon.port.Alert;
import recon.port.Alerts;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes alerts to the topic as a JSON message structure ({"default": full text, "sms": short
 * text}) with the attributes subscriptions filter on: tenantId, storeId, severity, anomalyCount.
 */
final class SnsAlerts implements Alerts {
    private final SnsClient sns;
    private final String topicArn;

    SnsAlerts(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(Alert alert) {
        String message;
        try {
            message = JSON.std.composeString().startObject()
                    .put("default", alert.text())
                    .put("sms", alert.sms())
                    .end().finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to a string: does not happen
        }
        sns.publish(b -> b.topicArn(topicArn)
                .subject(alert.subject())
                .messageStructure("json")
                .message(message)
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
