package recon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.functions.aws.AwsClients;
import recon.functions.aws.Settings;
import recon.functions.match.MatchHandler;
import recon.functions.parse.ParseHandler;
import recon.functions.report.ReportHandler;
import recon.local.EmulatedStack;
import recon.local.EmulatorExtension;
import recon.local.LambdaSqsEvent;
import recon.local.LocalRunner;
import recon.port.StoreRef;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./recon replay --local} on the emulator with the real functions: a store processed, then a
 * day's result and reports lost and a match request stranded in the dead-letter queue; the replay
 * brings everything back as it was.
 */
@ExtendWith(EmulatorExtension.class)
class ReplayCommandIT {
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(1);
    private static final LocalDate LOST_DAY = LocalDate.of(2026, 11, 15);

    @TempDir
    Path samples;

    /** The message group and body ("{group} {body}") of each message the match function handled without failing it. */
    private final List<String> matched = new ArrayList<>();

    @Test
    void replayOfADayMovesTheDeadLettersBackAndRestoresItsLostResultAndReports(URI endpoint, AwsClients clients) throws Exception {
        // given a store's exports processed by the pipeline
        StoreSample sample = new SampleGenerator(new SampleGenerator.Options(300, 31, 11, LocalDate.of(2026, 11, 1)))
                .generate(samples).stores().getFirst();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        EmulatedStack stack = EmulatedStack.create(clients, "replay-" + UUID.randomUUID().toString().substring(0, 8), VISIBILITY_TIMEOUT);
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(store.configKey()), RequestBody.fromFile(sample.dir().resolve("config.json")));
        Stream.concat(sample.files().stream(), sample.rejectedFiles().stream()).forEach(name -> clients.s3().putObject(
                b -> b.bucket(stack.bucket()).key(store.prefix() + "inbox/" + name), RequestBody.fromFile(sample.dir().resolve(name))));
        LocalRunner.Result processed = new LocalRunner(clients.sqs(), List.of(
                new LocalRunner.Subscription("parse", stack.ingest(), new ParseHandler(clients, stack.settings())),
                new LocalRunner.Subscription("match", stack.match(), new MatchHandler(clients, stack.settings())),
                new LocalRunner.Subscription("report", stack.report(), new ReportHandler(clients, stack.settings()))),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).runUntilDrained(Duration.ofSeconds(90));
        assertThat(processed.drained()).isTrue();
        Map<String, String> resultsBefore = results(clients, stack);
        Map<String, String> reportsBefore = objects(clients, stack, store.prefix() + "reports/");
        assertThat(resultsBefore).containsKey(store.tenant() + "#" + store.store() + "#" + LOST_DAY).hasSizeGreaterThan(20);
        assertThat(reportsBefore.keySet()).filteredOn(key -> key.startsWith(store.reportPrefix(LOST_DAY))).hasSize(4);

        // and the day's result and reports lost
        clients.dynamo().deleteItem(b -> b.tableName(stack.table()).key(Map.of(
                "pk", AttributeValue.fromS(store.tenant() + "#" + store.store() + "#" + LOST_DAY), "sk", AttributeValue.fromS("RESULT"))));
        for (String key : objects(clients, stack, store.reportPrefix(LOST_DAY)).keySet()) {
            clients.s3().deleteObject(b -> b.bucket(stack.bucket()).key(key));
        }
        assertThat(results(clients, stack)).hasSize(resultsBefore.size() - 1);
        assertThat(objects(clients, stack, store.reportPrefix(LOST_DAY))).isEmpty();
        // and a match request of another day waiting in the match dead-letter queue
        String deadLetter = "{\"tenant\":\"" + store.tenant() + "\",\"store\":\"" + store.store() + "\",\"days\":[\"2026-11-20\"]}";
        String group = store.tenant() + "#" + store.store();
        clients.sqs().sendMessage(b -> b.queueUrl(stack.match().deadLetterUrl()).messageBody(deadLetter)
                .messageGroupId(group).messageDeduplicationId("dead-letter-1"));

        // when the operator replays the day locally
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ReplayCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment(stack, endpoint), recordingPipeline())
                .run(List.of("--tenant", store.tenant(), "--store", store.store(), "--day", LOST_DAY.toString(), "--local"));

        // then the dead letter went back into its store's message group and was matched, and no dead-letter queue holds anything
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("stdout:%n%s%nstderr:%n%s", output, err).isEqualTo(Main.OK);
        assertThat(output).contains("match  1 moved back", "ingest 0 moved back", "report 0 moved back");
        assertThat(matched).contains(group + " " + deadLetter);
        for (EmulatedStack.Queue queue : List.of(stack.ingest(), stack.match(), stack.report())) {
            assertThat(waiting(clients, queue.deadLetterUrl())).as(queue.name()).isZero();
        }
        // and the day's result and its reports are back, every other result and report as it was
        assertThat(results(clients, stack)).isEqualTo(resultsBefore);
        assertThat(objects(clients, stack, store.prefix() + "reports/")).isEqualTo(reportsBefore);
    }

    /** What the functions of the stack see, plus the dead-letter queues and the emulator, as an operator exports them. */
    private static Map<String, String> environment(EmulatedStack stack, URI endpoint) {
        Map<String, String> environment = new HashMap<>(stack.settings().values());
        environment.put(ReplayCommand.INGEST_QUEUE_URL, stack.ingest().url());
        environment.put(ReplayCommand.INGEST_DLQ_URL, stack.ingest().deadLetterUrl());
        environment.put(ReplayCommand.MATCH_DLQ_URL, stack.match().deadLetterUrl());
        environment.put(ReplayCommand.REPORT_DLQ_URL, stack.report().deadLetterUrl());
        environment.put(ReplayCommand.ENDPOINT_URL, endpoint.toString());
        return environment;
    }

    /** The real functions; the match function's successes are recorded. */
    private DemoCommand.Pipeline recordingPipeline() {
        return new DemoCommand.Pipeline(ParseHandler::new, (clients, settings) -> recordingMatch(clients, settings), ReportHandler::new);
    }

    private RequestHandler<SQSEvent, SQSBatchResponse> recordingMatch(AwsClients clients, Settings settings) {
        MatchHandler match = new MatchHandler(clients, settings);
        return (event, context) -> {
            SQSBatchResponse response = match.handleRequest(event, context);
            var failed = LambdaSqsEvent.failedMessageIds(event, response);
            event.getRecords().stream().filter(m -> !failed.contains(m.getMessageId()))
                    .forEach(m -> matched.add(m.getAttributes().get("MessageGroupId") + " " + m.getBody()));
            return response;
        };
    }

    /** Each day result's pk → its content (its hash and the gzipped summary JSON; not when it was written). */
    private static Map<String, String> results(AwsClients clients, EmulatedStack stack) {
        Map<String, String> results = new TreeMap<>();
        clients.dynamo().scanPaginator(b -> b.tableName(stack.table())).items().stream()
                .filter(item -> item.get("sk").s().equals("RESULT"))
                .forEach(item -> results.put(item.get("pk").s(), item.get("hash").s() + " "
                        + HexFormat.of().formatHex(item.get("data").b().asByteArray())));
        return results;
    }

    /** Each object's key → the SHA-256 of its content (of a workbook: its parts but the creation time). */
    private static Map<String, String> objects(AwsClients clients, EmulatedStack stack, String prefix) throws IOException {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object object : clients.s3().listObjectsV2Paginator(b -> b.bucket(stack.bucket()).prefix(prefix)).contents()) {
            byte[] bytes = clients.s3().getObjectAsBytes(b -> b.bucket(stack.bucket()).key(object.key())).asByteArray();
            objects.put(object.key(), HexFormat.of().formatHex(sha256(object.key().endsWith(".xlsx") ? workbookContent(bytes) : bytes)));
        }
        return objects;
    }

    /** The workbook's parts, names and bytes, without docProps/core.xml: it holds the time the file was written. */
    private static byte[] workbookContent(byte[] xlsx) throws IOException {
        // ZipFile, not ZipInputStream: the writer streams its entries with sizes after the data
        Path file = Files.createTempFile("replay-", ".xlsx");
        try {
            Files.write(file, xlsx);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                    if (!entry.getName().equals("docProps/core.xml")) {
                        content.write(entry.getName().getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = zip.getInputStream(entry)) {
                            in.transferTo(content);
                        }
                    }
                }
            }
            return content.toByteArray();
        } finally {
            Files.delete(file);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int waiting(AwsClients clients, String queueUrl) {
        return Integer.parseInt(clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
