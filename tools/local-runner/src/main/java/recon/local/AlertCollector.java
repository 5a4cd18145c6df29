package recon.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads the alerts the topic delivered to the collecting queue, out of their SNS envelopes. */
public final class AlertCollector {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One SNS message as a subscriber sees it.
     *
     * @param message the text for this protocol (the "default" key of a JSON message structure)
     * @param attributes message attribute values by name (numbers as their text)
     * @param timestamp when SNS accepted it, ISO-8601
     */
    public record Alert(String subject, String message, Map<String, String> attributes, String timestamp) {}

    private AlertCollector() {}

    /** Receives and deletes every alert waiting in the queue, oldest first as far as SQS tells. */
    public static List<Alert> drain(SqsClient sqs, EmulatedStack.Queue queue) {
        List<Alert> alerts = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return alerts;
            }
            for (Message message : messages) {
                alerts.add(fromEnvelope(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** The alert in an SNS notification envelope (raw message delivery off). */
    static Alert fromEnvelope(String body) {
        try {
            JsonNode envelope = JSON.readTree(body);
            Map<String, String> attributes = new LinkedHashMap<>();
            envelope.path("MessageAttributes").properties()
                    .forEach(e -> attributes.put(e.getKey(), e.getValue().path("Value").asText()));
            return new Alert(
                    envelope.path("Subject").asText(null),
                    envelope.path("Message").asText(),
                    attributes,
                    envelope.path("Timestamp").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("not an SNS envelope: " + body, e);
        }
    }
}
