package recon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/**
 * The acceptance check of the pipeline: {@code ./recon demo} with the real functions on one store's
 * exports reports every day as {@code ./recon reconcile} does on the same files, and alerts once
 * for the anomalies and once per rejected file.
 */
class DemoAcceptanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int recon(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void demoOfOneStoresExportsReportsEveryDayAsReconcileDoes() throws IOException {
        // given one generated store (t1/s2: a ZIP bundle, CSVs and two files to reject) and its config
        StoreSample store = new SampleGenerator(new SampleGenerator.Options(300, 31, 7, LocalDate.of(2026, 11, 1)))
                .generate(work.resolve("samples")).stores().get(1);
        assertThat(store.tenant() + "/" + store.store()).isEqualTo("t1/s2");
        List<String> files = new ArrayList<>();
        Stream.concat(store.files().stream(), store.rejectedFiles().stream()).forEach(f -> files.add(store.dir().resolve(f).toString()));
        String config = store.dir().resolve("config.json").toString();
        Path demoOut = work.resolve("demo");
        Path reconcileOut = work.resolve("reconcile");

        // when both commands run on the same files
        List<String> demo = new ArrayList<>(List.of("demo", "--tenant", "t1", "--store", "s2", "--config", config, "--out", demoOut.toString()));
        demo.addAll(files);
        int demoExit = recon(demo.toArray(String[]::new));
        List<String> reconcile = new ArrayList<>(List.of("reconcile", "--tenant", "t1", "--store", "s2", "--config", config,
                "--out", reconcileOut.toString()));
        reconcile.addAll(files);
        int reconcileExit = recon(reconcile.toArray(String[]::new));

        // then the demo processed every file, and reconcile accepted all but the rejected ones
        assertThat(demoExit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.OK);
        assertThat(reconcileExit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.REJECTED_FILES);
        // and each day's summary.json has the days and anomalies reconcile wrote for that day
        Path demoReports = demoOut.resolve("tenants/t1/stores/s2/reports");
        List<String> days = dayFolders(reconcileOut.resolve("reports"));
        assertThat(days).hasSizeGreaterThan(20);
        assertThat(dayFolders(demoReports)).isEqualTo(days);
        for (String day : days) {
            JsonNode expected = JSON.readTree(reconcileOut.resolve("reports").resolve(day).resolve("summary.json").toFile());
            JsonNode actual = JSON.readTree(demoReports.resolve(day).resolve("summary.json").toFile());
            assertThat(actual.path("days")).as(day).isEqualTo(expected.path("days"));
            assertThat(actual.path("anomalies")).as(day).isEqualTo(expected.path("anomalies"));
        }
        // and one alert for the store's anomalies, one per rejected file
        JsonNode alerts = JSON.readTree(demoOut.resolve("alerts.json").toFile());
        List<JsonNode> anomalyAlerts = new ArrayList<>();
        List<JsonNode> rejectionAlerts = new ArrayList<>();
        alerts.forEach(alert -> (alert.path("attributes").path("anomalyCount").asInt() > 0 ? anomalyAlerts : rejectionAlerts).add(alert));
        assertThat(anomalyAlerts).singleElement().satisfies(alert -> {
            assertThat(alert.path("attributes").path("tenantId").asText()).isEqualTo("t1");
            assertThat(alert.path("attributes").path("storeId").asText()).isEqualTo("s2");
        });
        assertThat(rejectionAlerts).hasSize(store.rejectedFiles().size())
                .allSatisfy(alert -> assertThat(alert.path("subject").asText()).contains("t1/s2", "拒收"));
    }

    /** The names of the folders of single days (yyyy-MM-dd) that hold a summary.json, sorted. */
    private static List<String> dayFolders(Path reports) throws IOException {
        try (Stream<Path> folders = Files.list(reports)) {
            return folders.filter(f -> f.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"))
                    .filter(f -> Files.isRegularFile(f.resolve("summary.json")))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
