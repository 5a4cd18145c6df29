package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import recon.functions.aws.AwsClients;
import recon.functions.match.MatchHandler;
import recon.functions.parse.ParseHandler;
import recon.functions.report.ReportHandler;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The real parse, match and report functions on a fresh emulated stack, run by the local runner as
 * {@code ./recon demo} runs them, with what the tests look at: objects, table items, alerts. The
 * functions may get clients of their own (that inject faults); the stack, the runner's polling and
 * the tests' looks always go through the plain ones.
 */
final class RealPipeline {
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);

    final AwsClients clients;
    final EmulatedStack stack;
    /** The bodies of every message the parse function received, in order. */
    final List<String> ingestBodies = Collections.synchronizedList(new ArrayList<>());
    private final AwsClients functionClients;
    private final LocalRunner runner;
    private final List<AlertCollector.Alert> alerts = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    RealPipeline(AwsClients clients) {
        this(clients, clients);
    }

    /** @param functionClients the clients the functions use */
    RealPipeline(AwsClients clients, AwsClients functionClients) {
        this(clients, functionClients, VISIBILITY_TIMEOUT);
    }

    /**
     * @param functionClients the clients the functions use
     * @param visibilityTimeout how long a received message stays with its runner: side by side, longer than any batch takes
     */
    RealPipeline(AwsClients clients, AwsClients functionClients, Duration visibilityTimeout) {
        this.clients = clients;
        this.functionClients = functionClients;
        this.stack = EmulatedStack.create(clients, "it-" + UUID.randomUUID().toString().substring(0, 8), visibilityTimeout);
        this.runner = newRunner();
    }

    /** A runner with function instances of its own, as another Lambda execution environment would have. */
    private LocalRunner newRunner() {
        ParseHandler parse = new ParseHandler(functionClients, stack.settings());
        RequestHandler<SQSEvent, SQSBatchResponse> recordingParse = (event, context) -> {
            event.getRecords().forEach(m -> ingestBodies.add(m.getBody()));
            return parse.handleRequest(event, context);
        };
        return new LocalRunner(clients.sqs(), List.of(
                new LocalRunner.Subscription("parse", stack.ingest(), dying(recordingParse)),
                new LocalRunner.Subscription("match", stack.match(), dying(new MatchHandler(functionClients, stack.settings()))),
                new LocalRunner.Subscription("report", stack.report(), dying(new ReportHandler(functionClients, stack.settings())))),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /**
     * The handler, where a {@link FaultInjector.Crash} ends the invocation as Lambda ends one whose
     * function died: the whole batch comes back. The runner learns it as a thrown exception.
     */
    private static RequestHandler<SQSEvent, SQSBatchResponse> dying(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        return (event, context) -> {
            try {
                return handler.handleRequest(event, context);
            } catch (FaultInjector.Crash crash) {
                throw new IllegalStateException("the function died: " + crash.getMessage(), crash);
            }
        };
    }

    void upload(String key, Path file) {
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromFile(file));
    }

    void upload(String key, String text) {
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    /** Runs the functions until every queue is empty; fails the test when that takes too long or a message ended in a dead-letter queue. */
    LocalRunner.Result drain() {
        LocalRunner.Result result = drainKeepingDeadLetters();
        for (EmulatedStack.Queue queue : List.of(stack.ingest(), stack.match(), stack.report())) {
            assertThat(deadLetters(queue)).as("dead letters of %s; runner log:%n%s", queue.name(), runnerLog()).isZero();
        }
        return result;
    }

    /** Runs the functions until every queue is empty, whatever went to the dead-letter queues; fails the test when that takes too long. */
    LocalRunner.Result drainKeepingDeadLetters() {
        LocalRunner.Result result = runner.runUntilDrained(DRAIN_TIMEOUT);
        assertThat(result.drained()).as("drained within %s; runner log:%n%s", DRAIN_TIMEOUT, runnerLog()).isTrue();
        return result;
    }

    /**
     * Runs more runners beside this one, each with parse, match and report function instances of its
     * own, as Lambda runs several execution environments at once, until every queue is empty; fails the
     * test when one takes too long or a message ended in a dead-letter queue.
     */
    void drainSideBySide(int runners) throws InterruptedException, ExecutionException {
        List<LocalRunner> all = new ArrayList<>(List.of(runner));
        while (all.size() < runners) {
            all.add(newRunner());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(runners)) {
            List<Future<LocalRunner.Result>> results = new ArrayList<>();
            all.forEach(r -> results.add(pool.submit(() -> r.runUntilDrained(DRAIN_TIMEOUT))));
            for (Future<LocalRunner.Result> result : results) {
                assertThat(result.get().drained()).as("drained; runner log:%n%s", runnerLog()).isTrue();
            }
        }
        for (EmulatedStack.Queue queue : List.of(stack.ingest(), stack.match(), stack.report())) {
            assertThat(deadLetters(queue)).as("dead letters of %s; runner log:%n%s", queue.name(), runnerLog()).isZero();
        }
    }

    String runnerLog() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Every alert published so far. */
    List<AlertCollector.Alert> alerts() {
        alerts.addAll(AlertCollector.drain(clients.sqs(), stack.alerts()));
        return List.copyOf(alerts);
    }

    /** The keys of the objects under a prefix, sorted. */
    List<String> keys(String prefix) {
        return clients.s3().listObjectsV2Paginator(b -> b.bucket(stack.bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    String read(String key) {
        return clients.s3().getObjectAsBytes(b -> b.bucket(stack.bucket()).key(key)).asUtf8String();
    }

    /** Every item of the table whose sort key starts with the prefix, as "pk | sk" → its other attributes in a comparable form. */
    Map<String, String> items(String sortKeyPrefix) {
        Map<String, String> items = new TreeMap<>();
        clients.dynamo().scanPaginator(b -> b.tableName(stack.table())).items().forEach(item -> {
            String sk = item.get("sk").s();
            if (sk.startsWith(sortKeyPrefix)) {
                Map<String, String> rest = new TreeMap<>();
                item.forEach((name, value) -> {
                    if (!name.equals("pk") && !name.equals("sk") && !name.equals("expiresAt")) {
                        rest.put(name, comparable(value));
                    }
                });
                items.put(item.get("pk").s() + " | " + sk, rest.toString());
            }
        });
        return items;
    }

    /** Binary as hex, the rest as the SDK prints it. */
    private static String comparable(AttributeValue value) {
        return value.b() != null ? HexFormat.of().formatHex(value.b().asByteArray()) : value.toString();
    }

    int deadLetters(EmulatedStack.Queue queue) {
        return Integer.parseInt(clients.sqs().getQueueAttributes(b -> b.queueUrl(queue.deadLetterUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
