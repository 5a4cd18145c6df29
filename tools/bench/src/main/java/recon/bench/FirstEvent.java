package recon.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.crac.Resource;

/**
 * The entry point of a cold-start run ({@code ./recon bench --cold-start}): in a fresh JVM whose class
 * path is a function's Lambda jar and this one class, constructs the handler as Lambda does (by name,
 * no-argument constructor, configured from the environment) and hands it one SQS event made of the
 * given message bodies, without a Context (the handlers do not read it). Prints one line with the
 * times; nothing of the function is loaded before. Then it runs the handler's SnapStart priming.
 *
 * <p>It uses only the JDK and the Lambda interfaces the jar carries, and no nested class, so that
 * copying this one class file next to the jar is enough.
 */
public final class FirstEvent {
    static final String PREFIX = "first-event";

    private FirstEvent() {}

    /**
     * {@code FirstEvent HANDLER_CLASS BODY_FILE...}: prints {@link #PREFIX} and the times, exits 1 when a
     * message failed, then primes the handler (exits non-zero when that fails).
     */
    public static void main(String[] args) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            bodies.add(Files.readString(Path.of(args[i])));
        }
        String line = handle(args[0], bodies);
        System.out.println(line);
        if (!line.endsWith(" 0")) {
            System.exit(1);
        }
        prime(args[0]);
        System.exit(0);
    }

    /**
     * After the measured event, what SnapStart runs before its snapshot, on a new instance as it would:
     * the handler's priming, from the same jar. A class the priming needs and the jar lacks fails here.
     */
    static void prime(String handlerClass) throws Exception {
        var handler = (Resource) Class.forName(handlerClass).getConstructor().newInstance();
        handler.beforeCheckpoint(null);
    }

    /**
     * Constructs the handler and runs the event; the times are read after the handler returned, so
     * that reading them adds nothing to what is measured.
     *
     * @return "first-event JVM_START_MS CONSTRUCTED_MS HANDLED_MS CPU_MS FAILED_MESSAGES", times in epoch
     *     milliseconds, CPU time of the process until the handler returned
     */
    @SuppressWarnings("unchecked")
    static String handle(String handlerClass, List<String> bodies) throws ReflectiveOperationException {
        var handler = (RequestHandler<SQSEvent, SQSBatchResponse>) Class.forName(handlerClass)
                .getConstructor().newInstance();
        long constructed = System.currentTimeMillis();
        SQSBatchResponse response = handler.handleRequest(event(bodies), null);
        long handled = System.currentTimeMillis();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        int failed = response == null || response.getBatchItemFailures() == null ? 0 : response.getBatchItemFailures().size();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        return "%s %d %d %d %d %d".formatted(PREFIX, jvmStart, constructed, handled, cpu, failed);
    }

    /** The event Lambda's SQS source delivers, with the fields the handlers read. */
    private static SQSEvent event(List<String> bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("message-" + (records.size() + 1));
            message.setBody(body);
            message.setEventSource("aws:sqs");
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** Reads this class's own class file, to be put on the child's class path. */
    static byte[] classFile() throws IOException {
        try (var in = FirstEvent.class.getResourceAsStream("FirstEvent.class")) {
            return in.readAllBytes();
        }
    }
}
