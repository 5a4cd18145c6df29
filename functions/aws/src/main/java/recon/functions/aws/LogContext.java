package recon.functions.aws;

import java.util.List;

/**
 * The SQS messages the current thread is working on, for the log lines written meanwhile
 * ({@link JsonLog}'s messageId). Opened around a message's work, closed after it.
 */
public final class LogContext implements AutoCloseable {
    private static final ThreadLocal<List<String>> MESSAGES = ThreadLocal.withInitial(List::of);

    private final List<String> previous;

    private LogContext(List<String> messages) {
        previous = MESSAGES.get();
        MESSAGES.set(List.copyOf(messages));
    }

    /** From now until {@link #close()}, this thread's log lines name these messages. */
    public static LogContext messages(List<String> messageIds) {
        return new LogContext(messageIds);
    }

    static List<String> current() {
        return MESSAGES.get();
    }

    @Override
    public void close() {
        MESSAGES.set(previous);
    }
}
