package recon.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What Lambda's SQS event source does with a received batch: the messages become one {@link SQSEvent}
 * (the same fields Lambda fills), and the handler's {@link SQSBatchResponse} says which to keep.
 */
public final class LambdaSqsEvent {
    private LambdaSqsEvent() {}

    /** The event Lambda would deliver for these messages, received from the queue with this ARN. */
    public static SQSEvent of(List<Message> messages, String queueArn) {
        String region = queueArn.split(":")[3];
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
            record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
            record.setMessageAttributes(attributes(message.messageAttributes()));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(region);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /**
     * The ids of the messages that failed and stay on the queue, as Lambda reads a response with
     * ReportBatchItemFailures: none listed (or no response) means all succeeded; an id that is empty
     * or not in the batch makes Lambda treat the whole batch as failed.
     */
    public static Set<String> failedMessageIds(SQSEvent event, SQSBatchResponse response) {
        Set<String> inBatch = new HashSet<>();
        event.getRecords().forEach(r -> inBatch.add(r.getMessageId()));
        if (response == null || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || !inBatch.contains(id)) {
                return inBatch;
            }
            failed.add(id);
        }
        return failed;
    }

    private static Map<String, SQSEvent.MessageAttribute> attributes(Map<String, MessageAttributeValue> values) {
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        values.forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            if (value.binaryValue() != null) {
                attribute.setBinaryValue(value.binaryValue().asByteBuffer());
            }
            attribute.setStringListValues(value.hasStringListValues() ? value.stringListValues() : List.of());
            attribute.setBinaryListValues(value.hasBinaryListValues()
                    ? value.binaryListValues().stream().map(SdkBytes::asByteBuffer).toList()
                    : List.of());
            attributes.put(name, attribute);
        });
        return attributes;
    }
}
