package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.DayFigures;
import recon.domain.Period;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.port.DayResult;
import recon.port.StoreRef;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import recon.usecase.ReconcileFiles;

/**
 * The real parse, match and report functions on the emulator, driven by S3 uploads through the
 * bucket notification, as deployed: results, idempotency, order independence and rejections.
 */
@ExtendWith(EmulatorExtension.class)
class PipelineIT {
    private static final List<String> REPORT_FILES = List.of("summary.json", "report.csv", "report.xlsx", "report.html");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REJECTED_SUBJECT = "【文件被拒收】";

    /** t1/s2 of small generated samples: a ZIP bundle, a CSV and two files to reject. */
    private static StoreSample sample;
    private static StoreRef store;

    @BeforeAll
    static void generateSamples(@TempDir Path dir) throws IOException {
        sample = new SampleGenerator(new SampleGenerator.Options(300, 31, 5, LocalDate.of(2026, 11, 1)))
                .generate(dir).stores().get(1);
        store = new StoreRef(sample.tenant(), sample.store());
    }

    private static List<String> allFiles() {
        List<String> files = new ArrayList<>(sample.files());
        files.addAll(sample.rejectedFiles());
        return files;
    }

    private static String inboxKey(String file) {
        return store.prefix() + "inbox/2026-11/" + file;
    }

    private static void uploadConfig(RealPipeline pipeline) {
        pipeline.upload(store.configKey(), sample.dir().resolve("config.json"));
    }

    private static List<AlertCollector.Alert> anomalyAlerts(List<AlertCollector.Alert> alerts) {
        return alerts.stream().filter(a -> !a.subject().startsWith(REJECTED_SUBJECT)).toList();
    }

    private static List<AlertCollector.Alert> rejectionAlerts(List<AlertCollector.Alert> alerts) {
        return alerts.stream().filter(a -> a.subject().startsWith(REJECTED_SUBJECT)).toList();
    }

    @Test
    void uploadedExportsGiveTheOfflineDayResultsReportsAndOneAlertPerFinding(AwsClients clients) throws IOException {
        // given the store's config and all its exports uploaded
        RealPipeline pipeline = new RealPipeline(clients);
        uploadConfig(pipeline);
        allFiles().forEach(f -> pipeline.upload(inboxKey(f), sample.dir().resolve(f)));

        // when
        pipeline.drain();

        // then every day has the result of the offline run, and its four report files
        ReconcileFiles.Result offline = offline(allFiles());
        Map<LocalDate, List<Anomaly>> anomaliesByDay = new HashMap<>();
        offline.reconciliation().anomalies().forEach(a -> anomaliesByDay.computeIfAbsent(a.day(), d -> new ArrayList<>()).add(a));
        Adapters adapters = new Adapters(clients, pipeline.stack.settings(), Clock.systemUTC());
        assertThat(offline.reconciliation().days()).hasSizeGreaterThan(20);
        for (DayFigures day : offline.reconciliation().days()) {
            DayResult stored = adapters.resultStore().result(store, day.day()).orElseThrow();
            assertThat(stored.figures()).isEqualTo(day);
            assertThat(stored.anomalies()).isEqualTo(anomaliesByDay.getOrDefault(day.day(), List.of()));
            JsonNode summary = JSON.readTree(pipeline.read(store.reportPrefix(day.day()) + "summary.json"));
            assertThat(summary.path("days")).hasSize(1);
            assertThat(summary.path("days").get(0).path("day").asText()).isEqualTo(day.day().toString());
            assertThat(summary.path("anomalies")).hasSize(anomaliesByDay.getOrDefault(day.day(), List.of()).size());
            assertThat(pipeline.keys(store.reportPrefix(day.day()))).containsExactlyInAnyOrder(
                    REPORT_FILES.stream().map(f -> store.reportPrefix(day.day()) + f).toArray(String[]::new));
        }
        // and so does every month
        for (YearMonth month : offline.reconciliation().days().stream().map(d -> YearMonth.from(d.day())).distinct().toList()) {
            assertThat(pipeline.keys(store.reportPrefix(Period.month(month)))).containsExactlyInAnyOrder(
                    REPORT_FILES.stream().map(f -> store.reportPrefix(Period.month(month)) + f).toArray(String[]::new));
        }
        assertThat(adapters.storeRegistry().stores()).containsExactly(store);
        // and each rejected file has its error object and its alert; the anomalies come in one alert
        assertThat(pipeline.keys(store.rejectedPrefix())).hasSize(sample.rejectedFiles().size());
        List<AlertCollector.Alert> alerts = pipeline.alerts();
        assertThat(rejectionAlerts(alerts)).hasSize(sample.rejectedFiles().size());
        assertThat(offline.reconciliation().anomalies()).isNotEmpty();
        assertThat(anomalyAlerts(alerts)).singleElement().satisfies(alert -> assertThat(alert.attributes())
                .containsEntry("tenantId", store.tenant()).containsEntry("storeId", store.store())
                .containsEntry("anomalyCount", Long.toString(offline.reconciliation().anomalies().stream()
                        .filter(a -> a.status() == AnomalyStatus.OPEN).count())));
    }

    @Test
    void sameFilesUploadedAgainAndEventsDeliveredAgainLeaveTheSameRecordsAndSendNoNewAlert(AwsClients clients) {
        // given the store's exports processed once
        RealPipeline pipeline = new RealPipeline(clients);
        uploadConfig(pipeline);
        allFiles().forEach(f -> pipeline.upload(inboxKey(f), sample.dir().resolve(f)));
        pipeline.drain();
        Map<String, String> records = pipeline.items("R#");
        Map<String, String> results = pipeline.items("RESULT");
        List<AlertCollector.Alert> firstAlerts = pipeline.alerts();
        List<String> firstEvents = List.copyOf(pipeline.ingestBodies);

        // when the same files are uploaded again and every upload event is delivered once more
        allFiles().forEach(f -> pipeline.upload(inboxKey(f), sample.dir().resolve(f)));
        firstEvents.forEach(body -> clients.sqs().sendMessage(b -> b.queueUrl(pipeline.stack.ingest().url()).messageBody(body)));
        pipeline.drain();

        // then the table holds the very same record items and results, and no alert was sent again
        assertThat(records).hasSizeGreaterThan(sample.files().size());
        assertThat(pipeline.items("R#")).isEqualTo(records);
        assertThat(pipeline.items("RESULT")).isEqualTo(results);
        assertThat(pipeline.alerts()).isEqualTo(firstAlerts);
        assertThat(anomalyAlerts(firstAlerts)).hasSize(1);
    }

    @Test
    void dailyRematchGoesBackToTheQueueAsOneRequestPerStoreAndChangesNothingSettled(AwsClients clients) {
        // given the store's exports processed
        RealPipeline pipeline = new RealPipeline(clients);
        uploadConfig(pipeline);
        allFiles().forEach(f -> pipeline.upload(inboxKey(f), sample.dir().resolve(f)));
        int matchedBefore = pipeline.drain().byFunction().get("match").messages();
        Map<String, String> results = pipeline.items("RESULT");

        // when the daily schedule puts its message on the match queue, in a group of its own as EventBridge does
        clients.sqs().sendMessage(b -> b.queueUrl(pipeline.stack.match().url()).messageBody("{\"recentDays\": 7}")
                .messageGroupId("daily-rematch"));
        int matched = pipeline.drain().byFunction().get("match").messages() - matchedBefore;

        // then the match function took it and then the store's own request (in the store's group:
        // a FIFO queue refuses a message without one), and the settled results stay as they were
        assertThat(matched).isEqualTo(2);
        assertThat(pipeline.items("RESULT")).isEqualTo(results);
    }

    @Test
    void filesProcessedOneByOneInReverseOrderGiveTheSameReports(AwsClients clients) throws IOException {
        // given the exports processed one at a time, in one order and in the reverse
        List<String> files = allFiles();
        Map<String, JsonNode> forward = summariesAfterProcessingOneByOne(clients, files);
        Map<String, JsonNode> reverse = summariesAfterProcessingOneByOne(clients, files.reversed());

        // then every day and month has the same summary.json either way: files, figures and anomalies
        assertThat(forward).hasSizeGreaterThan(20);
        assertThat(reverse.keySet()).isEqualTo(forward.keySet());
        forward.forEach((folder, summary) -> assertThat(reverse.get(folder)).as(folder).isEqualTo(summary));
    }

    /** Report folder → its summary.json, after uploading the files one by one and letting the pipeline finish each. */
    private static Map<String, JsonNode> summariesAfterProcessingOneByOne(AwsClients clients, List<String> files) throws IOException {
        RealPipeline pipeline = new RealPipeline(clients);
        uploadConfig(pipeline);
        for (String file : files) {
            pipeline.upload(inboxKey(file), sample.dir().resolve(file));
            pipeline.drain();
        }
        Map<String, JsonNode> summaries = new TreeMap<>();
        for (String key : pipeline.keys(store.prefix() + "reports/")) {
            if (key.endsWith("/summary.json")) {
                summaries.put(key.substring(store.prefix().length()), JSON.readTree(pipeline.read(key)));
            }
        }
        return summaries;
    }

    @Test
    void malformedFilesAreRejectedWithAnErrorObjectAndAnAlertEachAndStoreNoRecord(AwsClients clients) throws IOException {
        // given files that must be rejected: the samples' (their records copy accepted ones) and one of no known format
        RealPipeline pipeline = new RealPipeline(clients);
        List<String> names = new ArrayList<>(sample.rejectedFiles());
        names.forEach(f -> pipeline.upload(inboxKey(f), sample.dir().resolve(f)));
        String unknown = "订单 损坏.csv";
        pipeline.upload(inboxKey(unknown), "不是,导出文件\n1,2\n");
        names.add(unknown);

        // when
        pipeline.drain();

        // then each has rejected/{name}.error.json telling what and where
        assertThat(pipeline.keys(store.rejectedPrefix())).containsExactlyInAnyOrderElementsOf(
                names.stream().map(n -> store.rejectedPrefix() + n + ".error.json").toList());
        for (String name : names) {
            JsonNode error = JSON.readTree(pipeline.read(store.rejectedPrefix() + name + ".error.json"));
            assertThat(error.path("file").asText()).isEqualTo(name);
            assertThat(error.path("key").asText()).isEqualTo(inboxKey(name));
            assertThat(error.path("kind").asText()).isNotBlank();
            assertThat(error.has("line")).isTrue();
            assertThat(error.path("error").asText()).isNotBlank();
            assertThat(error.path("rejectedAt").asText()).isNotBlank();
        }
        // and an alert each, but no record, no result and no report
        assertThat(rejectionAlerts(pipeline.alerts())).hasSize(names.size());
        assertThat(anomalyAlerts(pipeline.alerts())).isEmpty();
        assertThat(pipeline.items("R#")).isEmpty();
        assertThat(pipeline.items("RESULT")).isEmpty();
        assertThat(pipeline.keys(store.prefix() + "reports/")).isEmpty();
    }

    private static ReconcileFiles.Result offline(List<String> files) throws IOException {
        try (InputStream config = Files.newInputStream(sample.dir().resolve("config.json"))) {
            return ReconcileFiles.run(sample.tenant(), sample.store(), files.stream()
                    .map(f -> new ReconcileFiles.Input(f, () -> Files.newInputStream(sample.dir().resolve(f)))).toList(),
                    StoreConfigJson.read(config), outcome -> {});
        }
    }
}
