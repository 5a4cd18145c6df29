package recon.local;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.local.FaultInjector.calls;
import static recon.local.FaultInjector.everyCall;
import static recon.local.FaultInjector.fraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.port.StoreDays;
import recon.port.StoreRef;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The real functions on the emulator with faults injected into their SDK calls: whatever AWS or
 * Lambda does to a call, after the retries and redeliveries the table, the bucket and the alerts
 * are those of an undisturbed run of the same uploads — nothing lost, nothing doubled — and what
 * can never succeed ends in a dead-letter queue.
 */
@ExtendWith(EmulatorExtension.class)
class FaultInjectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Attributes that say when or by which run, not what: they differ from run to run. */
    private static final Set<String> RUN_SPECIFIC = Set.of("expiresAt", "updatedAt", "processedAt", "firstSeenAt", "rejectedAt", "claim");
    private static final String REJECTED_SUBJECT = "【文件被拒收】";
    private static final Pattern ANOMALY_COUNT = Pattern.compile("anomalyCount=(\\d+)");
    /** Runners side by side: longer than any batch takes, so that no message is handled by two at once. */
    private static final Duration SIDE_BY_SIDE_VISIBILITY = Duration.ofSeconds(30);

    private static StoreSample sample;
    private static StoreRef store;
    /** What an undisturbed run of every upload leaves. */
    private static Outcome clean;

    @BeforeAll
    static void runUndisturbed(@TempDir Path dir, AwsClients clients) throws IOException {
        sample = new SampleGenerator(new SampleGenerator.Options(300, 31, 11, LocalDate.of(2026, 11, 1)))
                .generate(dir).stores().get(1);
        store = new StoreRef(sample.tenant(), sample.store());
        RealPipeline pipeline = new RealPipeline(clients);
        uploadAll(pipeline);
        pipeline.drain();
        clean = Outcome.of(pipeline);
        assertThat(clean.items.keySet()).anyMatch(k -> k.contains("R#")).anyMatch(k -> k.contains("RESULT"))
                .anyMatch(k -> k.contains("ALERTED#"));
        assertThat(clean.objects.keySet()).anyMatch(k -> k.contains("/reports/")).anyMatch(k -> k.contains("/rejected/"));
        assertThat(clean.alerts).anyMatch(a -> a.startsWith(REJECTED_SUBJECT)).anyMatch(a -> !a.startsWith(REJECTED_SUBJECT));
    }

    /**
     * Everything a run leaves, in a form to compare: table items by key ("pk | sk"), objects by key,
     * alerts (subject, text, attributes) in order of text; without what is run-specific.
     */
    record Outcome(Map<String, String> items, Map<String, String> objects, List<String> alerts) {
        static Outcome of(RealPipeline pipeline) {
            Map<String, String> items = new TreeMap<>();
            pipeline.clients.dynamo().scanPaginator(b -> b.tableName(pipeline.stack.table()).consistentRead(true)).items()
                    .forEach(item -> {
                        Map<String, String> rest = new TreeMap<>();
                        item.forEach((name, value) -> {
                            if (!name.equals("pk") && !name.equals("sk") && !RUN_SPECIFIC.contains(name)) {
                                rest.put(name, comparable(value));
                            }
                        });
                        items.put(item.get("pk").s() + " | " + item.get("sk").s(), rest.toString());
                    });
            Map<String, String> objects = new TreeMap<>();
            for (String key : pipeline.keys("")) {
                byte[] content = pipeline.clients.s3().getObjectAsBytes(b -> b.bucket(pipeline.stack.bucket()).key(key)).asByteArray();
                objects.put(key, comparable(key, content));
            }
            List<String> alerts = pipeline.alerts().stream()
                    .map(a -> a.subject() + "\n" + a.message() + "\n" + new TreeMap<>(a.attributes()))
                    .sorted().toList();
            return new Outcome(items, objects, alerts);
        }

        private static String comparable(AttributeValue value) {
            return value.b() != null ? HexFormat.of().formatHex(value.b().asByteArray()) : value.toString();
        }

        /** JSON without its timestamps; a workbook as its parts but the one with the time it was written; text as is. */
        private static String comparable(String key, byte[] content) {
            try {
                if (key.endsWith(".json")) {
                    JsonNode json = JSON.readTree(content);
                    if (json instanceof ObjectNode object) {
                        object.remove(RUN_SPECIFIC);
                    }
                    return json.toString();
                }
                if (key.endsWith(".xlsx")) {
                    // its entries have data descriptors: ZipFile reads them, ZipInputStream does not
                    Path copy = Files.createTempFile("recon-faults-", ".xlsx");
                    StringBuilder parts = new StringBuilder();
                    try (ZipFile zip = new ZipFile(Files.write(copy, content).toFile())) {
                        for (ZipEntry entry : Collections.list(zip.entries())) {
                            if (!entry.getName().equals("docProps/core.xml")) {
                                try (InputStream in = zip.getInputStream(entry)) {
                                    parts.append(entry.getName()).append('\n')
                                            .append(HexFormat.of().formatHex(in.readAllBytes())).append('\n');
                                }
                            }
                        }
                    } finally {
                        Files.delete(copy);
                    }
                    return parts.toString();
                }
                return new String(content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(key, e);
            }
        }
    }

    private static List<String> allFiles() {
        List<String> files = new ArrayList<>(sample.files());
        files.addAll(sample.rejectedFiles());
        return files;
    }

    private static String inboxKey(String file) {
        return store.prefix() + "inbox/2026-11/" + file;
    }

    private static void uploadAll(RealPipeline pipeline) {
        pipeline.upload(store.configKey(), sample.dir().resolve("config.json"));
        allFiles().forEach(f -> pipeline.upload(inboxKey(f), sample.dir().resolve(f)));
    }

    /** The functions' clients with the injector, the rest plain. */
    private static RealPipeline disturbed(AwsClients clients, URI endpoint, FaultInjector faults) {
        return new RealPipeline(clients, AwsClients.forEndpoint(endpoint, faults));
    }

    /**
     * Records, results and reports are those of the undisturbed run. When a fault delays a file, the
     * others may be matched without it first, and an anomaly of that half-received state (a
     * settlement whose order report is not in yet) is alerted too — it was true when it was found.
     * So: every anomaly of the undisturbed run is alerted, each alerted anomaly is in exactly one
     * alert (the anomalyCount attributes add up to the ALERTED items), each rejected file once.
     */
    private static void assertSameAsUndisturbed(RealPipeline pipeline) {
        Outcome outcome = Outcome.of(pipeline);
        assertThat(withoutAlertMarks(outcome.items)).as("table items").containsExactlyEntriesOf(withoutAlertMarks(clean.items));
        assertThat(outcome.objects).as("bucket objects").containsExactlyEntriesOf(clean.objects);
        assertThat(rejections(outcome.alerts)).as("rejection alerts").containsExactlyElementsOf(rejections(clean.alerts));
        assertThat(alertMarks(outcome.items)).as("anomalies alerted").containsAll(alertMarks(clean.items));
        assertThat(anomaliesAlerted(outcome.alerts)).as("anomalies alerted, summed over the alerts")
                .isEqualTo((int) alertMarks(outcome.items).stream().filter(k -> k.contains("| ALERTED#")).count());
    }

    /** A GetObject of one of the uploads (not of config.json). */
    private static Predicate<SdkRequest> readOf(String file) {
        return request -> request instanceof GetObjectRequest get && get.key().equals(inboxKey(file));
    }

    private static boolean anomalyAlert(SdkRequest request) {
        return request instanceof PublishRequest publish && !publish.subject().startsWith(REJECTED_SUBJECT);
    }

    private static boolean rejectionAlert(SdkRequest request) {
        return request instanceof PublishRequest publish && publish.subject().startsWith(REJECTED_SUBJECT);
    }

    @Test
    void throttlingAndServerErrorsOnAFractionOfDynamoDbCallsAreRetriedToTheUndisturbedOutcome(AwsClients clients, URI endpoint) {
        // given a tenth of the DynamoDB calls throttled and a tenth answered 500, before they are done
        FaultInjector faults = new FaultInjector();
        List<FaultInjector.Rule> throttled = new ArrayList<>();
        List<FaultInjector.Rule> failed = new ArrayList<>();
        long seed = 1;
        for (String operation : List.of("BatchWriteItem", "PutItem", "GetItem", "Query")) {
            throttled.add(faults.add(operation, fraction(0.1, seed++), FaultInjector.throttling()));
            failed.add(faults.add(operation, fraction(0.1, seed++), FaultInjector.serverError()));
        }
        RealPipeline pipeline = disturbed(clients, endpoint, faults);
        uploadAll(pipeline);

        // when
        pipeline.drain();

        // then the SDK's retries absorbed them
        assertThat(throttled.stream().mapToInt(FaultInjector.Rule::hits).sum()).as("%s", throttled).isGreaterThan(5);
        assertThat(failed.stream().mapToInt(FaultInjector.Rule::hits).sum()).as("%s", failed).isGreaterThan(5);
        assertSameAsUndisturbed(pipeline);
    }

    @Test
    void lostAnswersToDoneWritesAndUnprocessedBatchItemsAreWrittenAgainToTheUndisturbedOutcome(AwsClients clients, URI endpoint) {
        // given DynamoDB doing a fifth of the writes but answering 500, and taking half of every batch write only
        FaultInjector faults = new FaultInjector();
        FaultInjector.Rule lostPuts = faults.add("PutItem", fraction(0.2, 7), new FaultInjector.LostAnswer());
        FaultInjector.Rule lostBatches = faults.add("BatchWriteItem", fraction(0.2, 8), new FaultInjector.LostAnswer());
        FaultInjector.Rule halved = faults.add("BatchWriteItem", everyCall(), new FaultInjector.HalfUnprocessed());
        RealPipeline pipeline = disturbed(clients, endpoint, faults);
        uploadAll(pipeline);

        // when
        pipeline.drain();

        // then
        assertThat(List.of(lostPuts, lostBatches, halved)).allSatisfy(rule -> assertThat(rule.hits()).as("%s", rule).isPositive());
        assertSameAsUndisturbed(pipeline);
    }

    @Test
    void callsRefusedOnceAndUploadsBreakingOffInEitherPassAreRedeliveredToTheUndisturbedOutcome(AwsClients clients, URI endpoint) {
        // given calls refused in a way no SDK retry cures: a record batch, a manifest put, a record query, a match request
        FaultInjector faults = new FaultInjector();
        List<FaultInjector.Rule> rules = new ArrayList<>(List.of(
                faults.add("BatchWriteItem", calls(2), FaultInjector.refusal()),
                faults.add("PutItem", calls(3), FaultInjector.refusal()),
                faults.add("Query", calls(5), FaultInjector.refusal()),
                faults.add("SendMessage", calls(1), FaultInjector.refusal())));
        // and the reading of one upload breaking off in pass 1 (validation), of another in pass 2 (records)
        rules.add(faults.add("GetObject", readOf(sample.files().get(0)), calls(1), new FaultInjector.BrokenStream(1000)));
        rules.add(faults.add("GetObject", readOf(sample.files().get(1)), calls(2), new FaultInjector.BrokenStream(1000)));
        RealPipeline pipeline = disturbed(clients, endpoint, faults);
        uploadAll(pipeline);

        // when
        pipeline.drain();

        // then no upload was taken for a broken one, nothing is missing
        assertThat(rules).allSatisfy(rule -> assertThat(rule.hits()).as("%s", rule).isOne());
        assertSameAsUndisturbed(pipeline);
    }

    @Test
    void functionsDyingMidFileAndBeforeTheReportRequestAreRedeliveredToTheUndisturbedOutcome(AwsClients clients, URI endpoint) {
        // given the parse function dying after two record batches of a file have been written,
        FaultInjector faults = new FaultInjector();
        FaultInjector.Rule midFile = faults.add("BatchWriteItem", calls(3), new FaultInjector.Dies());
        // and the match function dying as it asks for the reports, after it saved the day results
        FaultInjector.Rule beforeReports = faults.add("SendMessage",
                request -> request instanceof SendMessageRequest send && send.queueUrl().contains("-report"),
                calls(1), new FaultInjector.Dies());
        RealPipeline pipeline = disturbed(clients, endpoint, faults);
        uploadAll(pipeline);

        // when
        pipeline.drain();

        // then
        assertThat(List.of(midFile, beforeReports)).allSatisfy(rule -> assertThat(rule.hits()).as("%s", rule).isOne());
        assertThat(pipeline.runnerLog()).contains("the function died");
        assertSameAsUndisturbed(pipeline);
    }

    @Test
    void alertsWhosePublishFailedAreSentOnRedeliveryExactlyOnce(AwsClients clients, URI endpoint) {
        // given the topic refusing the first anomaly alert and the first rejection alert
        FaultInjector faults = new FaultInjector();
        FaultInjector.Rule anomalies = faults.add("Publish", FaultInjectionIT::anomalyAlert, calls(1), FaultInjector.refusal());
        FaultInjector.Rule rejections = faults.add("Publish", FaultInjectionIT::rejectionAlert, calls(1), FaultInjector.refusal());
        RealPipeline pipeline = disturbed(clients, endpoint, faults);
        uploadAll(pipeline);

        // when
        pipeline.drain();

        // then each alert came once, as in the undisturbed run
        assertThat(List.of(anomalies, rejections)).allSatisfy(rule -> assertThat(rule.hits()).as("%s", rule).isOne());
        assertSameAsUndisturbed(pipeline);
    }

    @Test
    void everyUploadDeliveredTwiceToThreeFunctionInstancesAtOnceStoresAndAlertsEverythingOnce(AwsClients clients)
            throws InterruptedException, ExecutionException {
        // given every upload event twice on the ingest queue
        RealPipeline pipeline = new RealPipeline(clients, clients, SIDE_BY_SIDE_VISIBILITY);
        uploadAll(pipeline);
        List<Message> events = receiveAll(clients, pipeline.stack.ingest());
        assertThat(events).hasSizeGreaterThanOrEqualTo(allFiles().size());
        for (Message event : events) {
            for (int copy = 0; copy < 2; copy++) {
                clients.sqs().sendMessage(b -> b.queueUrl(pipeline.stack.ingest().url()).messageBody(event.body()));
            }
            clients.sqs().deleteMessage(b -> b.queueUrl(pipeline.stack.ingest().url()).receiptHandle(event.receiptHandle()));
        }

        // when three instances of each function take them at the same time: parse, match and report
        pipeline.drainSideBySide(3);

        // then
        assertSameAsUndisturbed(pipeline);
    }

    @Test
    void aMatchRunThatReadTheRecordsBeforeAFileArrivedNeverSavesOverTheRunThatReadIt(AwsClients clients, URI endpoint)
            throws Exception {
        // given the store's files but one processed
        HeldMatchRun held = new HeldMatchRun();
        RealPipeline pipeline = new RealPipeline(clients, AwsClients.forEndpoint(endpoint, held), SIDE_BY_SIDE_VISIBILITY);
        pipeline.upload(store.configKey(), sample.dir().resolve("config.json"));
        String lastFile = sample.files().getLast();
        allFiles().stream().filter(f -> !f.equals(lastFile)).forEach(f -> pipeline.upload(inboxKey(f), sample.dir().resolve(f)));
        pipeline.drain();
        assertThat(Outcome.of(pipeline).items).as("results without the last file").isNotEqualTo(clean.items);

        // when a match of the store (as a replay asks; its margins cover the sample's month) holds after
        // reading the records, the last file arrives, and three instances of each function run side by side
        held.arm();
        new Adapters(clients, pipeline.stack.settings(), Clock.systemUTC()).matchRequests()
                .send(List.of(new StoreDays(store, new TreeSet<>(Set.of(LocalDate.of(2026, 11, 15))))));
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> draining = pool.submit(() -> {
                pipeline.drainSideBySide(3);
                return null;
            });
            assertThat(held.reached.await(60, TimeUnit.SECONDS)).as("the match run held; runner log:%n%s", pipeline.runnerLog()).isTrue();
            pipeline.upload(inboxKey(lastFile), sample.dir().resolve(lastFile));
            draining.get();
        }

        // then the results are those of all the files: the held run, which never saw the last one, did
        // not save its view after the run that saw it (a store's match requests wait for each other)
        assertSameAsUndisturbed(pipeline);
    }

    /**
     * Holds the first match run after arming, once it has read the records and looks at a stored day
     * result, until another run saved a day result or {@link #HOLD} passed: the moment two match runs
     * of one store side by side would overtake each other.
     */
    private static final class HeldMatchRun implements ExecutionInterceptor {
        private static final Duration HOLD = Duration.ofSeconds(15);
        final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch otherSaved = new CountDownLatch(1);
        private final AtomicBoolean armed = new AtomicBoolean();
        private volatile Thread holding;

        void arm() {
            armed.set(true);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof GetItemRequest get && isResult(get.key()) && armed.compareAndSet(true, false)) {
                holding = Thread.currentThread();
                reached.countDown();
                try {
                    otherSaved.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (context.request() instanceof PutItemRequest put && isResult(put.item())
                    && holding != null && holding != Thread.currentThread()) {
                otherSaved.countDown();
            }
        }

        private static boolean isResult(Map<String, AttributeValue> key) {
            return key.containsKey("sk") && "RESULT".equals(key.get("sk").s());
        }
    }

    /** The ALERTED items of anomalies (not of rejected files): one per anomaly ever alerted. */
    /**
     * The items a disturbed run may hold more of than an undisturbed one: the claims of anomalies alerted
     * on the way, and the ids of anomalies some day result held on the way (every id ever seen is kept,
     * so that a resolutions file naming it is not refused).
     */
    private static Set<String> alertMarks(Map<String, String> items) {
        return items.keySet().stream()
                .filter(k -> (k.contains("| ALERTED#") && !k.contains("| ALERTED#FILE#")) || k.contains("| ANOMALY#"))
                .collect(Collectors.toSet());
    }

    private static Map<String, String> withoutAlertMarks(Map<String, String> items) {
        Map<String, String> rest = new TreeMap<>(items);
        rest.keySet().removeAll(alertMarks(items));
        return rest;
    }

    private static List<String> rejections(List<String> alerts) {
        return alerts.stream().filter(a -> a.startsWith(REJECTED_SUBJECT)).toList();
    }

    /** The anomalyCount attributes of the anomaly alerts, added up: every anomaly is in exactly one alert. */
    private static int anomaliesAlerted(List<String> alerts) {
        int total = 0;
        for (String alert : alerts) {
            Matcher count = ANOMALY_COUNT.matcher(alert);
            if (!alert.startsWith(REJECTED_SUBJECT) && count.find()) {
                total += Integer.parseInt(count.group(1));
            }
        }
        return total;
    }

    @Test
    void uploadsWhoseRecordsCanNeverBeWrittenEndInTheDeadLetterQueue(AwsClients clients, URI endpoint) {
        // given DynamoDB refusing every record batch
        FaultInjector faults = new FaultInjector();
        faults.add("BatchWriteItem", everyCall(), FaultInjector.refusal());
        RealPipeline pipeline = disturbed(clients, endpoint, faults);
        uploadAll(pipeline);

        // when
        pipeline.drainKeepingDeadLetters();

        // then each upload with records was received maxReceiveCount times and moved to the dead-letter queue,
        // where the template's alarm on its depth fires
        assertThat(pipeline.deadLetters(pipeline.stack.ingest())).isEqualTo(sample.files().size());
        assertThat(pipeline.items("R#")).isEmpty();
        assertThat(pipeline.items("RESULT")).isEmpty();
    }

    /** Receives and returns every message of the queue, leaving them in flight. */
    private static List<Message> receiveAll(AwsClients clients, EmulatedStack.Queue queue) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = clients.sqs().receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10)
                    .visibilityTimeout(60).waitTimeSeconds(1)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }
}
