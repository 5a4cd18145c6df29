package recon.functions.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the messages of one SQS batch and tells Lambda which to keep for a retry (the function's event
 * source reports batch item failures): the one place where the three handlers decide what a failure
 * costs. A body that cannot be read is logged and dropped, since no retry could make it readable; a
 * message whose work failed is retried; the others are deleted.
 */
public final class PartialBatch {
    private static final System.Logger LOG = System.getLogger(PartialBatch.class.getName());
    /** The attribute Lambda gives every message of a FIFO queue. */
    static final String GROUP = "MessageGroupId";

    private PartialBatch() {}

    /** Reads a message's body; throws {@link IllegalArgumentException} for a body of the wrong shape. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(String body);
    }

    /**
     * A standard queue, work done once for the whole batch: each message gives its items, all items
     * are handled together, and a message is retried when any of its items comes back failed — or all
     * of them when the handling throws.
     *
     * @param handleAll the items that failed
     */
    public static <T> SQSBatchResponse together(SQSEvent event, Decoder<List<T>> decode,
            Function<List<T>, Collection<T>> handleAll) {
        Map<String, List<T>> byMessage = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            read(message, decode).ifPresent(items -> byMessage.put(message.getMessageId(), items));
        }
        List<T> items = new ArrayList<>();
        byMessage.values().forEach(items::addAll);
        Set<T> failed;
        try (var context = LogContext.messages(List.copyOf(byMessage.keySet()))) {
            failed = new HashSet<>(handleAll.apply(items));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the batch failed: every message is retried", e);
            return response(byMessage.keySet());
        }
        List<String> retried = new ArrayList<>();
        byMessage.forEach((id, messageItems) -> {
            if (messageItems.stream().anyMatch(failed::contains)) {
                retried.add(id);
            }
        });
        return response(retried);
    }

    /**
     * A FIFO queue, a message group at a time: the readable messages of each group, in their order, are
     * handled together; when that throws, every message of the group is retried, and the other groups go on.
     */
    public static <T> SQSBatchResponse byGroup(SQSEvent event, Decoder<T> decode, Consumer<List<T>> handleGroup) {
        List<String> retried = new ArrayList<>();
        groups(event).forEach((group, messages) -> {
            List<T> bodies = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (SQSEvent.SQSMessage message : messages) {
                read(message, decode).ifPresent(body -> {
                    bodies.add(body);
                    ids.add(message.getMessageId());
                });
            }
            if (bodies.isEmpty()) {
                return;
            }
            try (var context = LogContext.messages(ids)) {
                handleGroup.accept(bodies);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "message group {0} failed: its {1} messages are retried", group, ids.size(), e);
                retried.addAll(ids);
            }
        });
        return response(retried);
    }

    /**
     * A FIFO queue, one message at a time in order: once a message of a group fails, the group's later
     * messages are retried without being handled (short-circuit), so that they still run after it; the
     * other groups go on.
     */
    public static <T> SQSBatchResponse inOrder(SQSEvent event, Decoder<T> decode, Consumer<T> handle) {
        List<String> retried = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String group = group(message);
            if (failedGroups.contains(group)) {
                retried.add(message.getMessageId());
                continue;
            }
            var body = read(message, decode);
            if (body.isEmpty()) {
                continue;
            }
            try (var context = LogContext.messages(List.of(message.getMessageId()))) {
                handle.accept(body.get());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "message {0} failed: it and the later messages of its group are retried",
                        message.getMessageId(), e);
                retried.add(message.getMessageId());
                failedGroups.add(group);
            }
        }
        return response(retried);
    }

    /** The messages by group, in the order of their first message; a message without a group is a group alone. */
    private static Map<String, List<SQSEvent.SQSMessage>> groups(SQSEvent event) {
        Map<String, List<SQSEvent.SQSMessage>> groups = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            groups.computeIfAbsent(group(message), g -> new ArrayList<>()).add(message);
        }
        return groups;
    }

    private static String group(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String group = attributes == null ? null : attributes.get(GROUP);
        return group != null ? group : "message " + message.getMessageId();
    }

    private static <T> Optional<T> read(SQSEvent.SQSMessage message, Decoder<T> decode) {
        try {
            return Optional.of(decode.decode(message.getBody()));
        } catch (IllegalArgumentException e) {
            try (var context = LogContext.messages(List.of(message.getMessageId()))) {
                LOG.log(System.Logger.Level.WARNING, "dropped an unreadable message: {0}", e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static SQSBatchResponse response(Collection<String> retried) {
        return new SQSBatchResponse(retried.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    }
}
