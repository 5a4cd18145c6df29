package recon.functions.aws;

import java.util.ArrayList;
import java.util.List;
import recon.pipeline.StoreDays;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Sends {@link StoreDaysMessage} bodies to one queue, up to ten a call. */
final class SqsStoreDays {
    private static final int BATCH_SIZE = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    SqsStoreDays(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    void send(List<StoreDays> requests) {
        for (int from = 0; from < requests.size(); from += BATCH_SIZE) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<StoreDays> batch = requests.subList(from, Math.min(requests.size(), from + BATCH_SIZE));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).messageBody(StoreDaysMessage.encode(batch.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " messages: "
                        + response.failed().get(0).code() + " " + response.failed().get(0).message());
            }
        }
    }

    void send(StoreDays request) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(StoreDaysMessage.encode(request)));
    }
}
