package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.StoreConfig;
import recon.reconcile.Reconciliation;
import recon.sample.Manifest;
import recon.sample.PlantedAnomaly;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import recon.testing.Gen;
import recon.testing.Property;

/**
 * The result depends on what was received, never on the order files arrived in nor on a file
 * received twice; and exactly the planted anomalies are found — a clean order is never flagged.
 */
class ReconcileFilesPropertiesTest {
    private static Path samples;
    private static StoreSample store;
    private static Reconciliation inFileOrder;

    @BeforeAll
    static void generateOneStore() throws IOException {
        samples = Files.createTempDirectory("recon-props");
        Manifest manifest = new SampleGenerator(new SampleGenerator.Options(400, 31, 11, SampleGenerator.Options.defaults().firstDay()))
                .generate(samples);
        store = manifest.stores().get(0);
        inFileOrder = reconcile(store, store.files());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        delete(samples);
    }

    private static void delete(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void shufflingAndRepeatingFilesNeverChangesTheResult() {
        Property.tries(15).forAll(arrivals(), arrival -> {
            Reconciliation result = reconcile(store, arrival);

            assertThat(result.anomalies()).isEqualTo(inFileOrder.anomalies());
            assertThat(result.days()).isEqualTo(inFileOrder.days());
        });
    }

    private static Gen<List<String>> arrivals() {
        // every file at least once, some twice or three times, in any order
        return Gen.ints(1, 3).list(store.files().size())
                .map(times -> {
                    List<String> files = new ArrayList<>();
                    for (int i = 0; i < times.size(); i++) {
                        for (int n = 0; n < times.get(i); n++) {
                            files.add(store.files().get(i));
                        }
                    }
                    return files;
                })
                .flatMap(Gen::shuffle);
    }

    @Test
    void findsExactlyThePlantedAnomaliesForAnySeedAndSize() {
        Property.tries(8).forAll(Gen.longs(1, 1_000_000), Gen.ints(0, 3000), Gen.ints(1, 31),
                ReconcileFilesPropertiesTest::findsExactlyThePlantedAnomalies);
    }

    private static void findsExactlyThePlantedAnomalies(long seed, int orders, int days) throws IOException {
        Path dir = Files.createTempDirectory("recon-seed");
        try {
            Manifest manifest = new SampleGenerator(new SampleGenerator.Options(orders, days, seed, LocalDate.of(2026, 3, 1)))
                    .generate(dir);
            for (StoreSample sample : manifest.stores()) {
                Set<String> planted = sample.anomalies().stream().map(ReconcileFilesPropertiesTest::key).collect(Collectors.toSet());
                Reconciliation result = reconcile(sample, sample.files());
                Set<String> found = result.anomalies().stream().map(ReconcileFilesPropertiesTest::key).collect(Collectors.toSet());

                // nothing but the planted anomalies: no clean order is ever flagged, and no plant is missed
                assertThat(found).as("%s/%s (seed %d, %d orders, %d days)", sample.tenant(), sample.store(), seed, orders, days)
                        .isEqualTo(planted);
            }
        } finally {
            delete(dir);
        }
    }

    @Test
    void theRealStoreMixOfTheBenchGivesThePlantedAnomaliesToo() throws IOException {
        // given t1/s1 as the bench generates it: its first order report saved as XLSX, its first ledger zipped
        Path dir = Files.createTempDirectory("recon-mix");
        try {
            StoreSample sample = new SampleGenerator(new SampleGenerator.Options(1_500, 31, 11, LocalDate.of(2026, 11, 1))
                    .withRealStoreMix()).generate(dir).stores().getFirst();
            assertThat(sample.files()).anyMatch(name -> name.endsWith(".xlsx")).anyMatch(name -> name.endsWith(".zip"))
                    .anyMatch(name -> name.endsWith(".csv"));

            // when it is reconciled
            List<ReconcileFiles.Input> inputs = sample.files().stream()
                    .map(name -> new ReconcileFiles.Input(name, () -> Files.newInputStream(sample.dir().resolve(name))))
                    .toList();
            ReconcileFiles.Result result = ReconcileFiles.run(sample.tenant(), sample.store(), inputs, config(sample),
                    outcome -> {});

            // then every file is read and the anomalies are the planted ones
            assertThat(result.files()).allSatisfy(file -> assertThat(file.accepted()).as(file.toString()).isTrue());
            Set<String> planted = sample.anomalies().stream().map(ReconcileFilesPropertiesTest::key).collect(Collectors.toSet());
            assertThat(result.reconciliation().anomalies().stream().map(ReconcileFilesPropertiesTest::key)
                    .collect(Collectors.toSet())).isEqualTo(planted);
        } finally {
            delete(dir);
        }
    }

    private static String key(PlantedAnomaly a) {
        return a.type() + " " + a.day() + " " + a.orderId() + " " + a.lineId();
    }

    private static String key(Anomaly a) {
        return a.type() + " " + a.day() + " " + a.orderId() + " " + a.lineId();
    }

    private static StoreConfig config(StoreSample sample) {
        try (var in = Files.newInputStream(sample.dir().resolve("config.json"))) {
            return StoreConfigJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reconciles a store's files, given by their names within the store's folder, in the order given. */
    private static Reconciliation reconcile(StoreSample sample, List<String> fileNames) {
        List<ReconcileFiles.Input> inputs = fileNames.stream()
                .map(name -> new ReconcileFiles.Input(name, () -> Files.newInputStream(sample.dir().resolve(name))))
                .toList();
        return ReconcileFiles.run(sample.tenant(), sample.store(), inputs, config(sample), outcome -> {}).reconciliation();
    }
}
