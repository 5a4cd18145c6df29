package recon.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import recon.config.StoreConfigJson;
import recon.domain.DayFigures;
import recon.domain.StoreConfig;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import recon.usecase.ReconcileFiles;

/**
 * The reports of a realistic generated store (400 orders over 31 days from 2026-11-01, with the
 * generator's planted anomalies), written once per test run the way {@code ./recon reconcile} writes
 * them, and shared by the report tests.
 */
final class GeneratedReports {
    private static GeneratedReports instance;

    final Path dir;
    /** t1/s2: a store a quarter of whose orders are paid with WeChat Pay, so the reports show both accounts. */
    final StoreSample store;
    final StoreConfig config;
    final ReconcileFiles.Result result;

    private GeneratedReports(Path root) throws IOException {
        Manifest manifest = new SampleGenerator(new SampleGenerator.Options(400, 31, 7, LocalDate.of(2026, 11, 1)))
                .generate(root.resolve("samples"));
        store = manifest.stores().stream().filter(s -> s.store().equals("s2")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(store.dir().resolve("config.json"))) {
            config = StoreConfigJson.read(in);
        }
        List<ReconcileFiles.Input> inputs = store.files().stream()
                .map(name -> new ReconcileFiles.Input(name, () -> Files.newInputStream(store.dir().resolve(name))))
                .toList();
        result = ReconcileFiles.run(store.tenant(), store.store(), inputs, config, outcome -> {});
        dir = root.resolve("out");
        ReportFiles.write(dir, store.tenant(), store.store(), config, result.fileDays(), result.records(),
                result.reconciliation(), EnumSet.allOf(ReportFiles.Format.class));
    }

    static synchronized GeneratedReports get() {
        if (instance == null) {
            try {
                Path root = Files.createTempDirectory("recon-reports");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                instance = new GeneratedReports(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    Path folder(String key) {
        return dir.resolve("reports").resolve(key);
    }

    JsonNode summary(String key) {
        try {
            return new ObjectMapper().readTree(folder(key).resolve(ReportFiles.SUMMARY_JSON).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<DayFigures> days() {
        return result.reconciliation().days();
    }

    /** The day with the most anomalies: the richest day report. */
    DayFigures busiestDay() {
        return days().stream()
                .max(Comparator.comparingInt((DayFigures d) -> d.anomalies().values().stream().mapToInt(Integer::intValue).sum())
                        .thenComparingLong(DayFigures::settledCount))
                .orElseThrow();
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
