package recon.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source, in-process: polls each function's queue for batches of up to ten
 * messages, invokes the handler with the event Lambda would deliver, deletes the messages that did
 * not fail and leaves the others to come back after the visibility timeout (and, after the
 * queue's maxReceiveCount, to be moved to its dead-letter queue by the emulator). One thread, one
 * batch at a time: the order differs from Lambda's concurrent pollers, the outcome must not. Several
 * runners may poll the same queues side by side, as Lambda's pollers do; on a FIFO queue a message
 * group stays with one of them until its batch is done.
 */
public final class LocalRunner {
    /** The most messages SQS gives one receive, and Lambda one batch unless its BatchSize says fewer. */
    public static final int MAX_BATCH_SIZE = 10;
    /** The functions' timeout in the template; handlers see the time left through their Context. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PAUSE_WHEN_IDLE = Duration.ofMillis(250);
    /** Idle polls in a row, with every queue reporting no message at all, that count as drained. */
    private static final int QUIET_ROUNDS = 3;

    /** A function and the queue that triggers it, with batches of up to {@code batchSize} messages (the template's BatchSize). */
    public record Subscription(String functionName, EmulatedStack.Queue queue, RequestHandler<SQSEvent, SQSBatchResponse> handler,
            int batchSize) {
        public Subscription {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batch size must be 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
            }
        }

        public Subscription(String functionName, EmulatedStack.Queue queue, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
            this(functionName, queue, handler, MAX_BATCH_SIZE);
        }
    }

    /** What one function did: invocations, messages handled, messages it reported failed (each receive counts). */
    public record Counts(int invocations, int messages, int failed) {}

    /** @param drained false when the timeout came first */
    public record Result(boolean drained, Map<String, Counts> byFunction, Duration took) {}

    /**
     * One receive at a time per queue, across the runners of this process. moto holds a FIFO group's
     * messages back while one of them is in flight, but it looks at the groups in flight when a
     * receive starts and marks its own at the end: two receives at once can take messages of one
     * group, which Lambda never delivers. Receives are short; the handlers still run side by side.
     */
    private static final Map<String, Object> RECEIVING = new ConcurrentHashMap<>();

    private final SqsClient sqs;
    private final List<Subscription> subscriptions;
    private final PrintStream log;
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    public LocalRunner(SqsClient sqs, List<Subscription> subscriptions, PrintStream log) {
        this.sqs = sqs;
        this.subscriptions = List.copyOf(subscriptions);
        this.log = log;
        subscriptions.forEach(s -> counts.put(s.functionName(), new int[3]));
    }

    /**
     * Polls until every queue stays empty (no visible, in-flight or delayed message) for a few polls
     * in a row, or the timeout passes.
     */
    public Result runUntilDrained(Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int quietRounds = 0;
        boolean drained = false;
        while (System.nanoTime() < deadline) {
            int received = 0;
            for (Subscription subscription : subscriptions) {
                received += pollOnce(subscription);
            }
            if (received > 0) {
                quietRounds = 0;
                continue;
            }
            quietRounds = allQueuesEmpty() ? quietRounds + 1 : 0;
            if (quietRounds >= QUIET_ROUNDS) {
                drained = true;
                break;
            }
            pause();
        }
        Map<String, Counts> byFunction = new LinkedHashMap<>();
        counts.forEach((name, c) -> byFunction.put(name, new Counts(c[0], c[1], c[2])));
        return new Result(drained, byFunction, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Receives one batch from the subscription's queue and hands it to the function; returns how many messages came. */
    int pollOnce(Subscription subscription) {
        EmulatedStack.Queue queue = subscription.queue();
        List<Message> messages;
        synchronized (RECEIVING.computeIfAbsent(queue.url(), url -> new Object())) {
            messages = sqs.receiveMessage(b -> b.queueUrl(queue.url())
                    .maxNumberOfMessages(subscription.batchSize())
                    .waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
        }
        if (messages.isEmpty()) {
            return 0;
        }
        SQSEvent event = LambdaSqsEvent.of(messages, queue.arn());
        Set<String> failed = invoke(subscription, event);
        int[] c = counts.get(subscription.functionName());
        c[0]++;
        c[1] += messages.size();
        c[2] += failed.size();
        deleteAllBut(queue, messages, failed);
        return messages.size();
    }

    /** Runs the handler; a thrown exception fails the whole batch, as in Lambda. */
    private Set<String> invoke(Subscription subscription, SQSEvent event) {
        String name = subscription.functionName();
        try {
            SQSBatchResponse response = subscription.handler().handleRequest(event, new LocalContext(name, FUNCTION_TIMEOUT, log));
            Set<String> failed = LambdaSqsEvent.failedMessageIds(event, response);
            if (!failed.isEmpty()) {
                log.printf("%s: %d of %d messages failed; they come back after the visibility timeout%n",
                        name, failed.size(), event.getRecords().size());
            }
            return failed;
        } catch (RuntimeException e) {
            log.printf("%s: the handler threw %s; the whole batch of %d comes back%n", name, e, event.getRecords().size());
            return event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).collect(Collectors.toSet());
        }
    }

    private void deleteAllBut(EmulatedStack.Queue queue, List<Message> messages, Set<String> failed) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(entries));
        if (response.hasFailed() && !response.failed().isEmpty()) {
            throw new IllegalStateException("cannot delete handled messages from " + queue.name() + ": " + response.failed());
        }
    }

    private boolean allQueuesEmpty() {
        for (Subscription subscription : subscriptions) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(subscription.queue().url())
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            for (String count : attributes.values()) {
                if (!"0".equals(count)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_WHEN_IDLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for messages", e);
        }
    }
}
