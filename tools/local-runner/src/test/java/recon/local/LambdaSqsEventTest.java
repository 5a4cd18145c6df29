package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class LambdaSqsEventTest {
    private static final String QUEUE_ARN = "arn:aws:sqs:cn-north-1:123456789012:recon-ingest-dev";

    private static Message message(String id, String body) {
        return Message.builder()
                .messageId(id)
                .receiptHandle("handle-" + id)
                .body(body)
                .md5OfBody("md5-" + id)
                .attributes(Map.of(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2",
                        MessageSystemAttributeName.SENT_TIMESTAMP, "1794449707000"))
                .build();
    }

    @Test
    void mapsEachMessageToTheRecordLambdaDelivers() {
        // given two received messages
        List<Message> received = List.of(message("m1", "{\"Records\":[]}"), message("m2", "{\"recentDays\":7}"));

        // when
        SQSEvent event = LambdaSqsEvent.of(received, QUEUE_ARN);

        // then
        assertThat(event.getRecords()).hasSize(2);
        SQSEvent.SQSMessage first = event.getRecords().get(0);
        assertThat(first.getMessageId()).isEqualTo("m1");
        assertThat(first.getReceiptHandle()).isEqualTo("handle-m1");
        assertThat(first.getBody()).isEqualTo("{\"Records\":[]}");
        assertThat(first.getMd5OfBody()).isEqualTo("md5-m1");
        assertThat(first.getAttributes())
                .containsEntry("ApproximateReceiveCount", "2")
                .containsEntry("SentTimestamp", "1794449707000");
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getEventSourceArn()).isEqualTo(QUEUE_ARN);
        assertThat(first.getAwsRegion()).isEqualTo("cn-north-1");
        assertThat(event.getRecords().get(1).getBody()).isEqualTo("{\"recentDays\":7}");
    }

    @Test
    void carriesMessageAttributesWithTheirTypes() {
        // given a message with a string, a number and a binary attribute
        Message received = message("m1", "x").toBuilder()
                .md5OfMessageAttributes("md5-attributes")
                .messageAttributes(Map.of(
                        "tenantId", MessageAttributeValue.builder().dataType("String").stringValue("t1").build(),
                        "anomalyCount", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                        "digest", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromString("abc", StandardCharsets.UTF_8)).build()))
                .build();

        // when
        SQSEvent.SQSMessage record = LambdaSqsEvent.of(List.of(received), QUEUE_ARN).getRecords().get(0);

        // then
        assertThat(record.getMd5OfMessageAttributes()).isEqualTo("md5-attributes");
        assertThat(record.getMessageAttributes().get("tenantId").getStringValue()).isEqualTo("t1");
        assertThat(record.getMessageAttributes().get("anomalyCount").getDataType()).isEqualTo("Number");
        assertThat(record.getMessageAttributes().get("anomalyCount").getStringValue()).isEqualTo("3");
        assertThat(StandardCharsets.UTF_8.decode(record.getMessageAttributes().get("digest").getBinaryValue()).toString())
                .isEqualTo("abc");
    }

    private static SQSEvent batchOf(String... ids) {
        return LambdaSqsEvent.of(Arrays.stream(ids).map(id -> message(id, "b")).toList(), QUEUE_ARN);
    }

    private static SQSBatchResponse failing(String... ids) {
        return new SQSBatchResponse(Arrays.stream(ids).map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    @Test
    void noResponseOrNoFailuresMeansEveryMessageSucceeded() {
        assertThat(LambdaSqsEvent.failedMessageIds(batchOf("m1", "m2"), null)).isEmpty();
        assertThat(LambdaSqsEvent.failedMessageIds(batchOf("m1", "m2"), new SQSBatchResponse())).isEmpty();
        assertThat(LambdaSqsEvent.failedMessageIds(batchOf("m1", "m2"), failing())).isEmpty();
    }

    @Test
    void listedFailuresStayOnTheQueue() {
        assertThat(LambdaSqsEvent.failedMessageIds(batchOf("m1", "m2", "m3"), failing("m2"))).containsExactly("m2");
    }

    @Test
    void failureNamingNoMessageOfTheBatchFailsTheWholeBatch() {
        assertThat(LambdaSqsEvent.failedMessageIds(batchOf("m1", "m2"), failing("m9")))
                .containsExactlyInAnyOrder("m1", "m2");
        assertThat(LambdaSqsEvent.failedMessageIds(batchOf("m1", "m2"), failing((String) null)))
                .containsExactlyInAnyOrder("m1", "m2");
    }
}
