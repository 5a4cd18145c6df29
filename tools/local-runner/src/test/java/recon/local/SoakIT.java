package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.alert.AlertDispatch;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.DayFigures;
import recon.functions.aws.AwsClients;
import recon.functions.match.MatchHandler;
import recon.functions.parse.ParseHandler;
import recon.functions.report.ReportHandler;
import recon.port.AlertLog;
import recon.port.Blobs;
import recon.port.DayResult;
import recon.port.FileEntry;
import recon.port.FileManifest;
import recon.port.RecordChunk;
import recon.port.RecordStore;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.port.StoreRegistry;
import recon.reconcile.Reconciliation;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import recon.storage.DayResultJson;
import recon.testdata.InMemory;
import recon.usecase.ParseUpload;
import recon.usecase.ReconcileFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A bounded load test, run on its own ({@code ./mvnw -B verify -Psoak -pl cli -am -Dit.test=SoakIT}):
 * 200 uploads of five tenants' generated stores, put in parallel (every file at least once, many again
 * under the same key or another one) while several local runners drive the real functions side by side,
 * as Lambda's concurrent pollers would. It must drain within ten minutes and lose and double nothing:
 * every upload done, every day's result that of the offline run, every anomaly alerted once, and the
 * record items exactly those a clean parse of each uploaded object writes. Prints its throughput.
 */
@ExtendWith(EmulatorExtension.class)
class SoakIT {
    private static final int UPLOADS = 200;
    private static final int RUNNERS = 3;
    private static final Duration TIME_LIMIT = Duration.ofMinutes(10);
    /** Longer than any batch takes, so that a runner never receives what another one is still handling. */
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(60);
    /** Orders per generated set of three stores (about half go to the first). */
    private static final int ORDERS = 900;
    /**
     * A short period: every new file changes the file list of all the store's days, so each match
     * rewrites the reports of every day, and the emulator's S3 is what limits the run.
     */
    private static final int DAYS = 8;
    /** A handler call in progress when the time is up may finish that long after it. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    /** Five tenants, one or two stores each. */
    private static final List<StoreRef> STORES = List.of(
            new StoreRef("soak-a", "s1"), new StoreRef("soak-a", "s2"),
            new StoreRef("soak-b", "s1"), new StoreRef("soak-b", "s2"),
            new StoreRef("soak-c", "s1"),
            new StoreRef("soak-d", "s1"), new StoreRef("soak-d", "s2"),
            new StoreRef("soak-e", "s1"));

    /** A generated store's files, uploaded as one of the tenants' stores. */
    private record Store(StoreRef ref, StoreSample sample) {
        Path file(String name) {
            return sample.dir().resolve(name);
        }

        List<String> allFiles() {
            List<String> files = new ArrayList<>(sample.files());
            files.addAll(sample.rejectedFiles());
            return files;
        }
    }

    /** One put of a store's file under a key of its inbox. */
    private record Upload(Store store, String file, String key) {}

    @Test
    void twoHundredUploadsOfFiveTenantsInParallelLoseNothingAndDoubleNothing(AwsClients clients, @TempDir Path dir)
            throws Exception {
        // given generated stores for five tenants, and 200 uploads of their files
        List<Store> stores = generate(dir);
        List<Upload> uploads = plan(stores);
        EmulatedStack stack = EmulatedStack.create(clients, "soak-" + UUID.randomUUID().toString().substring(0, 8), VISIBILITY_TIMEOUT);
        for (Store store : stores) {
            clients.s3().putObject(b -> b.bucket(stack.bucket()).key(store.ref.configKey()), RequestBody.fromFile(store.file("config.json")));
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<LocalRunner> runners = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            runners.add(runner(clients, stack, new PrintStream(log, true, StandardCharsets.UTF_8)));
        }

        // when every tenant uploads in parallel while the runners work, until every queue is drained
        long started = System.nanoTime();
        long deadline = started + TIME_LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(5 + RUNNERS);
        List<LocalRunner.Result> lastRound = List.of();
        try {
            List<Future<?>> uploading = new ArrayList<>();
            uploads.stream().collect(Collectors.groupingBy(u -> u.store.ref.tenant(), TreeMap::new, Collectors.toList()))
                    .forEach((tenant, own) -> uploading.add(pool.submit(() -> put(clients, stack, own, new Random(tenant.hashCode())))));
            boolean uploaded;
            do {
                // a runner stops once the queues are quiet; run them again until that happens after the last upload
                uploaded = uploading.stream().allMatch(Future::isDone);
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                List<Future<LocalRunner.Result>> rounds = new ArrayList<>();
                for (LocalRunner runner : runners) {
                    rounds.add(pool.submit(() -> runner.runUntilDrained(left)));
                }
                List<LocalRunner.Result> results = new ArrayList<>();
                for (Future<LocalRunner.Result> round : rounds) {
                    results.add(until(round, deadline + GRACE.toNanos(), log));
                }
                lastRound = results;
                assertThat(results).as("drained within %s; runner log:%n%s", TIME_LIMIT, log.toString(StandardCharsets.UTF_8))
                        .allSatisfy(r -> assertThat(r.drained()).isTrue());
            } while (!uploaded);
            for (Future<?> upload : uploading) {
                upload.get(); // an upload that failed fails the test
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then nothing is lost and nothing doubled
        for (EmulatedStack.Queue queue : List.of(stack.ingest(), stack.match(), stack.report())) {
            assertThat(deadLetters(clients, queue)).as("dead letters of %s; runner log:%n%s", queue.name(),
                    log.toString(StandardCharsets.UTF_8)).isZero();
        }
        Table table = Table.scan(clients, stack);
        assertEveryUploadDone(clients, stack, table, uploads);
        for (Store store : stores) {
            assertDaysOfTheOfflineRun(table, store);
        }
        int interimAlerts = assertEveryAnomalyAlertedOnce(table, stores, AlertCollector.drain(clients.sqs(), stack.alerts()));
        long records = assertRecordItemsOfACleanParse(table, uploads);

        double seconds = took.toMillis() / 1000.0;
        System.out.printf("soak: %d uploads (%d distinct keys) of %d stores of 5 tenants, %d runners: %d records in %.1f s"
                        + " = %.2f files/s, %.0f records/s; %d anomalies alerted besides the final ones (shown by a store"
                        + " not yet complete); runners %s%n",
                uploads.size(), uploads.stream().map(Upload::key).distinct().count(), stores.size(), RUNNERS, records,
                seconds, uploads.size() / seconds, records / seconds, interimAlerts,
                lastRound.stream().map(LocalRunner.Result::byFunction).toList());
        assertThat(took).isLessThanOrEqualTo(TIME_LIMIT);
    }

    /** The runner's result, or a failure when it is still busy at the deadline (a runner checks the time only between polls). */
    private static LocalRunner.Result until(Future<LocalRunner.Result> runner, long deadline, ByteArrayOutputStream log)
            throws InterruptedException, ExecutionException {
        try {
            return runner.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not drained within " + TIME_LIMIT + "; runner log:\n" + log.toString(StandardCharsets.UTF_8), e);
        }
    }

    /** Three sets of generated stores; the first eight become the tenants' stores. */
    private static List<Store> generate(Path dir) throws IOException {
        List<StoreSample> samples = new ArrayList<>();
        for (long seed = 1; samples.size() < STORES.size(); seed++) {
            samples.addAll(new SampleGenerator(new SampleGenerator.Options(ORDERS, DAYS, seed, FIRST_DAY))
                    .generate(dir.resolve("set-" + seed)).stores());
        }
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < STORES.size(); i++) {
            stores.add(new Store(STORES.get(i), samples.get(i)));
        }
        return stores;
    }

    /**
     * Every file of every store once, then again in turn until there are {@link #UPLOADS}: an odd round
     * puts the same bytes under the same key (the same object again), an even one under another key.
     */
    private static List<Upload> plan(List<Store> stores) {
        List<Upload> firsts = new ArrayList<>();
        for (Store store : stores) {
            for (String file : store.allFiles()) {
                firsts.add(new Upload(store, file, store.ref.prefix() + "inbox/" + file));
            }
        }
        List<Upload> uploads = new ArrayList<>(firsts);
        for (int n = firsts.size(); n < UPLOADS; n++) {
            Upload first = firsts.get(n % firsts.size());
            int round = n / firsts.size();
            String key = round % 2 == 1 ? first.key : first.store.ref.prefix() + "inbox/copy-" + round + "/" + first.file;
            uploads.add(new Upload(first.store, first.file, key));
        }
        return uploads;
    }

    /** One tenant's uploads, in an order of its own. */
    private static void put(AwsClients clients, EmulatedStack stack, List<Upload> uploads, Random random) {
        List<Upload> shuffled = new ArrayList<>(uploads);
        Collections.shuffle(shuffled, random);
        for (Upload upload : shuffled) {
            clients.s3().putObject(b -> b.bucket(stack.bucket()).key(upload.key), RequestBody.fromFile(upload.store.file(upload.file)));
        }
    }

    /** A local runner with functions of its own, as one more concurrent Lambda poller. */
    private static LocalRunner runner(AwsClients clients, EmulatedStack stack, PrintStream log) {
        return new LocalRunner(clients.sqs(), List.of(
                new LocalRunner.Subscription("parse", stack.ingest(), new ParseHandler(clients, stack.settings())),
                new LocalRunner.Subscription("match", stack.match(), new MatchHandler(clients, stack.settings())),
                new LocalRunner.Subscription("report", stack.report(), new ReportHandler(clients, stack.settings()))),
                log);
    }

    private static void assertEveryUploadDone(AwsClients clients, EmulatedStack stack, Table table, List<Upload> uploads) {
        for (Upload upload : uploads) {
            assertThat(table.statusByKey.get(upload.key)).as("manifest status of %s", upload.key).isEqualTo("DONE");
            if (upload.store.sample.rejectedFiles().contains(upload.file)) {
                String error = upload.store.ref.rejectedPrefix() + upload.file + ".error.json";
                assertThat(clients.s3().listObjectsV2(b -> b.bucket(stack.bucket()).prefix(error)).keyCount())
                        .as("error file of %s", upload.key).isEqualTo(1);
            }
        }
    }

    private static void assertDaysOfTheOfflineRun(Table table, Store store) throws IOException {
        Reconciliation offline = offline(store);
        Map<LocalDate, DayResult> stored = new TreeMap<>();
        table.results.forEach((pk, json) -> {
            if (pk.startsWith(storeKey(store.ref) + "#")) {
                DayResult result = DayResultJson.fromJson(json);
                stored.put(result.day(), result);
            }
        });
        assertThat(stored.keySet()).as("days of %s", store.ref)
                .containsExactlyElementsOf(offline.days().stream().map(DayFigures::day).toList());
        Map<LocalDate, List<Anomaly>> anomalies = offline.anomalies().stream().collect(Collectors.groupingBy(Anomaly::day));
        for (DayFigures day : offline.days()) {
            assertThat(stored.get(day.day()).figures()).as("figures of %s %s", store.ref, day.day()).isEqualTo(day);
            assertThat(stored.get(day.day()).anomalies()).as("anomalies of %s %s", store.ref, day.day())
                    .isEqualTo(anomalies.getOrDefault(day.day(), List.of()));
        }
    }

    /**
     * Every anomaly of the offline run was alerted, and every alerted anomaly counted in exactly one
     * alert. Returns how many alerted anomalies the final results do not hold: those a store showed
     * while some of its files had not arrived yet (see the arrival-order property of the pipeline).
     */
    private static int assertEveryAnomalyAlertedOnce(Table table, List<Store> stores, List<AlertCollector.Alert> alerts)
            throws IOException {
        int interim = 0;
        for (Store store : stores) {
            Set<String> logged = table.alerted.getOrDefault(storeKey(store.ref), Set.of());
            Set<String> offline = offline(store).anomalies().stream()
                    .map(a -> "ALERTED#" + a.type() + "#" + a.day() + "#" + Objects.toString(a.orderId(), "")
                            + "#" + Objects.toString(a.lineId(), ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(logged).as("alerted anomalies of %s", store.ref).containsAll(offline);
            int counted = alerts.stream()
                    .filter(a -> store.ref.tenant().equals(a.attributes().get("tenantId"))
                            && store.ref.store().equals(a.attributes().get("storeId")))
                    .mapToInt(a -> Integer.parseInt(a.attributes().getOrDefault("anomalyCount", "0")))
                    .sum();
            assertThat(counted).as("anomalies counted by the alerts of %s", store.ref).isEqualTo(logged.size());
            interim += logged.size() - offline.size();
        }
        return interim;
    }

    /**
     * The record items are exactly those a clean parse of each uploaded object writes, once: no item
     * left by an upload that failed half-way, none written twice under another part number. Returns the records they hold.
     */
    private static long assertRecordItemsOfACleanParse(Table table, List<Upload> uploads) throws IOException {
        Map<String, Upload> byKey = new LinkedHashMap<>();
        uploads.forEach(u -> byKey.putIfAbsent(u.key, u));
        Map<String, String> expected = new TreeMap<>();
        for (Upload upload : byKey.values()) {
            for (RecordChunk chunk : CleanParse.chunks(upload.store.ref, upload.key, Files.readAllBytes(upload.store.file(upload.file)))) {
                expected.put(itemName(storeKey(upload.store.ref) + "#" + chunk.day(), upload.key, chunk.part()),
                        chunk.count() + " " + sha256(chunk.data()));
            }
        }
        Map<String, String> actual = new TreeMap<>();
        long records = 0;
        for (Map.Entry<String, Map<String, AttributeValue>> item : table.recordItems.entrySet()) {
            String[] pkSk = item.getKey().split(" \\| ");
            String[] sk = pkSk[1].split("#");
            String key = table.keyByFileId.getOrDefault(sk[1], "unknown file " + sk[1]);
            int count = Integer.parseInt(item.getValue().get("count").n());
            records += count;
            actual.put(itemName(pkSk[0], key, Integer.parseInt(sk[2])),
                    count + " " + sha256(item.getValue().get("data").b().asByteArray()));
        }
        assertThat(actual).as("record items").isEqualTo(expected);
        assertThat(records).isPositive();
        return records;
    }

    private static String itemName(String pk, String key, int part) {
        return pk + " | " + key + " #" + part;
    }

    private static String storeKey(StoreRef store) {
        return store.tenant() + "#" + store.store();
    }

    /** The offline run on the store's files, each once. */
    private static Reconciliation offline(Store store) throws IOException {
        List<ReconcileFiles.Input> inputs = store.allFiles().stream()
                .map(f -> new ReconcileFiles.Input(f, () -> Files.newInputStream(store.file(f))))
                .toList();
        try (InputStream config = Files.newInputStream(store.file("config.json"))) {
            return ReconcileFiles.run(store.ref().tenant(), store.ref().store(), inputs, StoreConfigJson.read(config), outcome -> {}).reconciliation();
        }
    }

    private static int deadLetters(AwsClients clients, EmulatedStack.Queue queue) {
        return Integer.parseInt(clients.sqs().getQueueAttributes(b -> b.queueUrl(queue.deadLetterUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the table holds after the run, read in one scan. */
    private record Table(
            Map<String, String> statusByKey,
            Map<String, String> keyByFileId,
            Map<String, String> results,
            Map<String, Set<String>> alerted,
            Map<String, Map<String, AttributeValue>> recordItems) {

        static Table scan(AwsClients clients, EmulatedStack stack) {
            Table table = new Table(new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(), new TreeMap<>());
            clients.dynamo().scanPaginator(b -> b.tableName(stack.table())).items().forEach(item -> {
                String pk = item.get("pk").s();
                String sk = item.get("sk").s();
                if (sk.startsWith("FILE#")) {
                    table.statusByKey.put(item.get("key").s(), item.get("status").s());
                    table.keyByFileId.put(sk.substring("FILE#".length()), item.get("key").s());
                } else if (sk.equals("RESULT")) {
                    table.results.put(pk, item.get("json").s());
                } else if (sk.startsWith("ALERTED#") && !sk.startsWith("ALERTED#FILE#")) { // anomalies, not rejections
                    table.alerted.computeIfAbsent(pk, k -> new TreeSet<>()).add(sk);
                } else if (sk.startsWith("R#")) {
                    table.recordItems.put(pk + " | " + sk, item);
                }
            });
            return table;
        }
    }

    /** The parse stage alone on one object, in memory: the record chunks a clean run writes for it. */
    private static final class CleanParse {
        static List<RecordChunk> chunks(StoreRef store, String key, byte[] content) {
            List<RecordChunk> chunks = new ArrayList<>();
            Map<String, FileEntry> entries = new HashMap<>();
            Blobs blobs = new Blobs() {
                @Override
                public Optional<InputStream> open(String k) {
                    return Optional.of(new ByteArrayInputStream(content));
                }

                @Override
                public void write(String k, byte[] bytes, String contentType) {}

                @Override
                public void write(String k, Path file, String contentType, String fingerprint) {}

                @Override
                public Optional<String> fingerprint(String k) {
                    return Optional.empty();
                }
            };
            FileManifest manifest = new FileManifest() {
                @Override
                public Optional<FileEntry> file(StoreRef s, String fileId) {
                    return Optional.ofNullable(entries.get(fileId));
                }

                @Override
                public List<FileEntry> files(StoreRef s) {
                    return List.copyOf(entries.values());
                }

                @Override
                public void save(FileEntry entry) {
                    entries.put(entry.fileId(), entry);
                }
            };
            RecordStore records = new RecordStore() {
                @Override
                public void save(StoreRef s, List<RecordChunk> batch) {
                    chunks.addAll(batch);
                }

                @Override
                public void load(StoreRef s, java.util.Collection<LocalDate> days, java.util.function.Consumer<RecordChunk> each) {
                    throw new UnsupportedOperationException("parse only writes records");
                }
            };
            StoreRegistry registry = new StoreRegistry() {
                @Override
                public void register(StoreRef s) {}

                @Override
                public List<StoreRef> stores() {
                    return List.of(store);
                }
            };
            AlertLog claims = new AlertLog() {
                @Override
                public boolean claim(StoreRef s, String claimKey) {
                    return true;
                }

                @Override
                public void release(StoreRef s, String claimKey) {}
            };
            ParseUpload parse = new ParseUpload(new StoreFiles(blobs, manifest, records, new InMemory.MemoryResolutions()),
                    new InMemory.MemoryResults(), registry, requests -> {}, new AlertDispatch(alert -> {}, claims), Clock.systemUTC());
            assertThat(parse.parseAll(List.of(new ParseUpload.Upload(key, "clean")))).as("clean parse of %s", key).isEmpty();
            return chunks;
        }
    }
}
