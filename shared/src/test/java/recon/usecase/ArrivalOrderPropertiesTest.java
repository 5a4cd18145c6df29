package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import recon.alert.AlertDispatch;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.DayFigures;
import recon.domain.StoreConfig;
import recon.port.Alert;
import recon.port.DayResult;
import recon.port.FileEntry;
import recon.port.StoreRef;
import recon.port.UploadKey;
import recon.reconcile.Reconciliation;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import recon.testdata.InMemory;
import recon.testing.Gen;
import recon.testing.Property;

/**
 * Nothing lost, nothing doubled, whatever the arrival: the files of generated stores uploaded in any
 * order, each one to three times (the same event again, or the same bytes under another key), parsed
 * in batches of any size with the match run between batches or not. Every day's stored result is then
 * the offline reconciliation of the files, and the alerts name exactly the anomalies that are OPEN in
 * it, each once: what was PENDING on the way (a settlement whose order report had not arrived yet) or
 * explained by a later file was never alerted.
 */
class ArrivalOrderPropertiesTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    /** "退款金额不符（REFUND_MISMATCH）：3 个": one line of an alert's counts by type. */
    private static final Pattern COUNT_BY_TYPE = Pattern.compile("（([A-Z_]+)）：(\\d+) 个");
    /** The pipeline logs every match; hundreds of runs would bury a failure's report. */
    private static final Logger PIPELINE_LOG = Logger.getLogger("recon.pipeline");

    private static Path samples;
    private static Level pipelineLogLevel;
    /** Stores by (seed, orders): shrinking asks again for the same ones. */
    private static final Map<String, Generated> generated = new HashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        samples = Files.createTempDirectory("recon-arrivals");
        pipelineLogLevel = PIPELINE_LOG.getLevel();
        PIPELINE_LOG.setLevel(Level.WARNING);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        PIPELINE_LOG.setLevel(pipelineLogLevel);
        try (var walk = Files.walk(samples)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void anyArrivalGivesTheOfflineResultsAndAlertsEveryAnomalyOnce() {
        Property.tries(16).forAll(arrivals(), ArrivalOrderPropertiesTest::givesTheOfflineResultsAndAlertsEveryAnomalyOnce);
    }

    private static void givesTheOfflineResultsAndAlertsEveryAnomalyOnce(Arrival arrival) {
        // given the stores' config in the bucket
        Pipeline pipeline = new Pipeline();
        for (Generated.Store store : arrival.stores.stores) {
            pipeline.blobs.objects.put(store.ref.configKey(), read(store.sample.dir().resolve("config.json")));
        }

        // when the uploads arrive in batches, matched in between or not
        List<ParseUpload.Upload> sent = new ArrayList<>();
        int next = 0;
        for (int batch = 0; next < arrival.uploads.size(); batch++) {
            int size = arrival.batchSizes.get(batch % arrival.batchSizes.size());
            List<ParseUpload.Upload> uploads = new ArrayList<>();
            for (Copy copy : arrival.uploads.subList(next, Math.min(next + size, arrival.uploads.size()))) {
                uploads.add(pipeline.put(copy.key(), read(copy.store.sample.dir().resolve(copy.file))));
            }
            next += size;
            sent.addAll(uploads);
            assertThat(pipeline.parse.parseAll(uploads)).as("failed uploads").isEmpty();
            if (arrival.matchAfter.get(batch % arrival.matchAfter.size())) {
                matchAll(pipeline);
            }
        }
        matchAll(pipeline);

        // then every upload is done, and every store's days and alerts are those of the offline run
        for (ParseUpload.Upload upload : sent) {
            StoreRef store = UploadKey.parse(upload.key()).orElseThrow().store();
            assertThat(pipeline.manifest.file(store, ParseUpload.fileId(upload.key(), upload.eTag())))
                    .as("manifest entry of %s", upload.key())
                    .hasValueSatisfying(entry -> assertThat(entry.status()).isEqualTo(FileEntry.Status.DONE));
        }
        for (Generated.Store store : arrival.stores.stores) {
            assertSameDays(pipeline, store);
            assertAlertedOnce(pipeline, store);
        }
    }

    private static Gen<Arrival> arrivals() {
        return c -> {
            Generated generated = generate(Gen.longs(1, 1_000_000).generate(c), Gen.ints(120, 300).generate(c));
            List<Copy> uploads = copies(generated).flatMap(Gen::shuffle).generate(c);
            return new Arrival(generated, uploads, Gen.ints(1, 6).list(1, 8).generate(c),
                    Gen.of(true, false).list(1, 8).generate(c));
        };
    }

    /** Every file of every store (accepted or not) one to three times, each time under its own key or another one. */
    private static Gen<List<Copy>> copies(Generated generated) {
        List<Copy> files = new ArrayList<>();
        for (Generated.Store store : generated.stores) {
            for (String file : allFiles(store.sample)) {
                files.add(new Copy(store, file, 0));
            }
        }
        return Gen.ints(0, 2).list(1, 3).list(files.size())
                .map(folders -> {
                    List<Copy> copies = new ArrayList<>();
                    for (int i = 0; i < files.size(); i++) {
                        for (int folder : folders.get(i)) {
                            copies.add(new Copy(files.get(i).store, files.get(i).file, folder));
                        }
                    }
                    return copies;
                });
    }

    /** Runs the match requests sent so far, as the match queue would. */
    private static void matchAll(Pipeline pipeline) {
        while (!pipeline.matchQueue.isEmpty()) {
            pipeline.match.match(pipeline.matchQueue.poll());
        }
    }

    private static void assertSameDays(Pipeline pipeline, Generated.Store store) {
        Reconciliation offline = store.offline;
        assertThat(pipeline.results.results.getOrDefault(store.ref, Map.of()).keySet()).as("days of %s", store.ref)
                .containsExactlyElementsOf(offline.days().stream().map(DayFigures::day).toList());
        Map<LocalDate, List<Anomaly>> offlineAnomalies = offline.anomalies().stream()
                .collect(Collectors.groupingBy(Anomaly::day));
        for (DayFigures day : offline.days()) {
            DayResult stored = pipeline.results.result(store.ref, day.day()).orElseThrow();
            assertThat(stored.figures()).as("figures of %s %s", store.ref, day.day()).isEqualTo(day);
            assertThat(stored.anomalies()).as("anomalies of %s %s", store.ref, day.day())
                    .isEqualTo(offlineAnomalies.getOrDefault(day.day(), List.of()));
        }
    }

    /**
     * The alerts name exactly the anomalies that are OPEN once every file is in, each once: nothing
     * PENDING, and nothing that more files explained later (docs/contracts.md, "Alert (SNS)").
     */
    private static void assertAlertedOnce(Pipeline pipeline, Generated.Store store) {
        Set<String> openKeys = store.offline.anomalies().stream()
                .filter(a -> a.status() == AnomalyStatus.OPEN)
                .map(a -> alertKey(store.ref, a))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(store.offline.anomalies().stream().map(Anomaly::id).distinct())
                .as("offline anomalies of %s have distinct ids", store.ref).hasSize(store.offline.anomalies().size());
        // the log also holds the claims of rejected files' alerts: FILE#{fileId}
        Set<String> logged = pipeline.alertLog.seen.stream()
                .filter(k -> k.startsWith(store.ref + "#") && !k.startsWith(store.ref + "#" + AlertDispatch.rejectionKey("")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(logged).as("alerted anomalies of %s", store.ref).isEqualTo(openKeys);

        Map<AnomalyType, Integer> alertedByType = new EnumMap<>(AnomalyType.class);
        for (Alert alert : pipeline.alerts) {
            if (alert.store().equals(store.ref) && alert.anomalyCount() > 0) {
                Matcher count = COUNT_BY_TYPE.matcher(alert.text());
                while (count.find()) {
                    alertedByType.merge(AnomalyType.valueOf(count.group(1)), Integer.parseInt(count.group(2)), Integer::sum);
                }
            }
        }
        Map<AnomalyType, Integer> openByType = new EnumMap<>(AnomalyType.class);
        store.offline.anomalies().stream().filter(a -> a.status() == AnomalyStatus.OPEN)
                .forEach(a -> openByType.merge(a.type(), 1, Integer::sum));
        assertThat(alertedByType).as("alerts of %s by type", store.ref).isEqualTo(openByType);
    }

    /** The key {@link InMemory.MemoryAlertLog} records an anomaly of the store under. */
    private static String alertKey(StoreRef store, Anomaly a) {
        return store + "#" + AlertDispatch.key(a);
    }

    private static synchronized Generated generate(long seed, int orders) {
        return generated.computeIfAbsent(seed + "-" + orders, name -> {
            try {
                Manifest manifest = new SampleGenerator(new SampleGenerator.Options(orders, 31, seed, FIRST_DAY))
                        .generate(samples.resolve(name));
                List<Generated.Store> stores = new ArrayList<>();
                for (StoreSample sample : manifest.stores()) {
                    stores.add(new Generated.Store(new StoreRef(sample.tenant(), sample.store()), sample,
                            offline(sample, allFiles(sample))));
                }
                return new Generated(seed, orders, stores);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The offline run on the given files of the store, each once. */
    private static Reconciliation offline(StoreSample sample, List<String> files) {
        List<ReconcileFiles.Input> inputs = files.stream()
                .map(f -> new ReconcileFiles.Input(f, () -> Files.newInputStream(sample.dir().resolve(f))))
                .toList();
        StoreConfig config;
        try (InputStream in = Files.newInputStream(sample.dir().resolve("config.json"))) {
            config = StoreConfigJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ReconcileFiles.run(sample.tenant(), sample.store(), inputs, config, outcome -> {}).reconciliation();
    }

    private static List<String> allFiles(StoreSample sample) {
        List<String> files = new ArrayList<>(sample.files());
        files.addAll(sample.rejectedFiles());
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }



    /** Generated stores with their offline reconciliation. */
    private record Generated(long seed, int orders, List<Store> stores) {
        record Store(StoreRef ref, StoreSample sample, Reconciliation offline) {}
    }

    /**
     * One upload of a store's file: folder 0 is the file's own key, 1 and 2 put the same bytes under
     * another key. The same key twice is the same event delivered again.
     */
    private record Copy(Generated.Store store, String file, int folder) {
        String key() {
            return store.ref.prefix() + "inbox/" + (folder == 0 ? "" : "again-" + folder + "/") + file;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** The uploads in arrival order, cut into parse batches of the sizes given in turn, each followed by a match or not. */
    private record Arrival(Generated stores, List<Copy> uploads, List<Integer> batchSizes, List<Boolean> matchAfter) {
        @Override
        public String toString() {
            return "seed " + stores.seed + ", " + stores.orders + " orders; batches " + batchSizes
                    + ", match after " + matchAfter + "; uploads " + uploads;
        }
    }
}
