package recon.functions.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQS events as Lambda delivers them, for the handlers' tests. */
public final class SqsEvents {
    private SqsEvents() {}

    /** A message of a batch; group null: a standard queue's message, without MessageGroupId. */
    public static SQSEvent.SQSMessage message(String id, String group, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        Map<String, String> attributes = new HashMap<>();
        if (group != null) {
            attributes.put(PartialBatch.GROUP, group);
        }
        message.setAttributes(attributes);
        return message;
    }

    public static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    /** The ids the response asks Lambda to keep for a retry. */
    public static List<String> retried(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
