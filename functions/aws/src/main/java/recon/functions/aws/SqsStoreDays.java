package recon.functions.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import recon.port.StoreDays;
import recon.port.StoreRef;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends {@link StoreDaysMessage} bodies to one FIFO queue (match or report), up to ten a call, each in
 * its store's message group: one store's runs go one at a time and in order, so a run that read fewer
 * records can never save after one that read more; different stores still run side by side.
 */
final class SqsStoreDays {
    private static final int BATCH_SIZE = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    SqsStoreDays(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The message group of a store's requests: {@code {tenant}#{store}}. */
    static String messageGroup(StoreRef store) {
        return store.tenant() + "#" + store.store();
    }

    /**
     * A new deduplication id for every request. FIFO drops a message whose id it saw in the last five
     * minutes: with ids made from the content, "match s1, these days" sent again because another file
     * arrived while the first run was reading would be dropped, and that file never matched. A fresh
     * id drops nothing; the SDK's own retries resend the same built request, so the same id. A request
     * sent twice (a function retried after sending) runs twice, and every stage is idempotent.
     */
    private static String deduplicationId() {
        return UUID.randomUUID().toString();
    }

    void send(List<StoreDays> requests) {
        for (int from = 0; from < requests.size(); from += BATCH_SIZE) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<StoreDays> batch = requests.subList(from, Math.min(requests.size(), from + BATCH_SIZE));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(StoreDaysMessage.encode(batch.get(i)))
                        .messageGroupId(messageGroup(batch.get(i).store()))
                        .messageDeduplicationId(deduplicationId())
                        .build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " messages: "
                        + response.failed().get(0).code() + " " + response.failed().get(0).message());
            }
        }
    }

    void send(StoreDays request) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(StoreDaysMessage.encode(request))
                .messageGroupId(messageGroup(request.store()))
                .messageDeduplicationId(deduplicationId()));
    }
}
