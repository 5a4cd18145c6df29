package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.DayFigures;
import recon.domain.FileDays;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Period;
import recon.domain.StoreConfig;
import recon.port.Alert;
import recon.port.DayResult;
import recon.port.FileEntry;
import recon.port.StoreDays;
import recon.port.StoreRef;
import recon.report.ReportFiles;
import recon.report.SummaryJson;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/**
 * Generated exports through parse, match and report on in-memory ports: every day's figures and
 * anomalies are those of the offline run on the same files, whatever the order or repetition of uploads.
 */
class ParseMatchReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path samples;

    static Manifest manifest;

    @BeforeAll
    static void generate() throws IOException {
        manifest = new SampleGenerator(new SampleGenerator.Options(300, 31, 5, LocalDate.of(2026, 11, 1)))
                .generate(samples);
    }

    @Test
    void everyDayHasTheResultsAndEveryDayAndMonthTheReportFilesOfTheOfflineRun() throws IOException {
        Pipeline pipeline = new Pipeline();
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        for (StoreSample sample : manifest.stores()) {
            uploads.addAll(upload(pipeline, sample, allFiles(sample)));
        }

        List<ParseUpload.Upload> failed = pipeline.run(uploads);

        assertThat(failed).isEmpty();
        for (StoreSample sample : manifest.stores()) {
            StoreRef store = new StoreRef(sample.tenant(), sample.store());
            ReconcileFiles.Result offline = offline(sample, allFiles(sample));
            assertSameResults(pipeline, store, offline);
            assertSameReportFiles(pipeline, store, offline, config(sample));
        }
    }

    @Test
    void aDaysSummaryIsItsStoredResultWithTheFilesOfThatDayByName() throws IOException {
        // given a store through parse, match and report
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();
        pipeline.run(upload(pipeline, sample, allFiles(sample)));
        List<FileEntry> uploads = pipeline.manifest.files(store);

        // then every day's summary.json is its stored result written with the files of that day: a refused or
        // skipped one, a resolutions file, one of no day, or an export whose upload has records of the day or covers it
        assertThat(pipeline.results.results.get(store)).isNotEmpty();
        Set<Integer> listedCounts = new TreeSet<>();
        for (LocalDate day : pipeline.results.results.get(store).keySet()) {
            List<FileOutcome> files = uploads.stream()
                    .flatMap(upload -> upload.outcomes().stream()
                            .filter(f -> !f.accepted() || f.skipped() || f.kind() == FileKind.RESOLUTIONS
                                    || (upload.recordDays() == null && upload.coverage().isEmpty()) || upload.holdsRecordsOf(day)
                                    || upload.coverage().stream().anyMatch(c -> !day.isBefore(c.first()) && !day.isAfter(c.last()))))
                    .sorted(Comparator.comparing(FileOutcome::name))
                    .toList();
            listedCounts.add(files.size());
            DayResult result = pipeline.results.result(store, day).orElseThrow();
            assertThat(result.files()).as("files of %s", day).extracting(FileOutcome::name, FileOutcome::status)
                    .isEqualTo(files.stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.name(), f.status())).toList());
            var expected = new ByteArrayOutputStream();
            SummaryJson.write(expected, store.tenant(), store.store(), files, List.of(result.figures()), result.anomalies());
            assertThat(pipeline.text(store.reportPrefix(day) + ReportFiles.SUMMARY_JSON)).as("summary.json of %s", day)
                    .isEqualTo(expected.toString(StandardCharsets.UTF_8));
        }
        // and the days do not all list the same files
        assertThat(listedCounts).hasSizeGreaterThan(1);
    }

    @Test
    void aRequestedDayWithoutFiguresGetsNoReportNorItsMonth() throws IOException {
        // given a store whose records end in December 2026
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();
        pipeline.run(upload(pipeline, sample, allFiles(sample)));
        int written = pipeline.blobs.written.size();

        // when a report of a day in March 2027 is asked for
        pipeline.report.write(new StoreDays(store, new java.util.TreeSet<>(List.of(LocalDate.of(2027, 3, 1)))));

        // then nothing is written
        assertThat(pipeline.blobs.written).hasSize(written);
        assertThat(pipeline.blobs.under(store.prefix() + "reports/2027-03")).isEmpty();
    }

    @Test
    void filesInReverseOrderOneAtATimeGiveTheSameResults() throws IOException {
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        List<String> reversed = new ArrayList<>(allFiles(sample));
        java.util.Collections.reverse(reversed);
        Pipeline pipeline = new Pipeline();

        for (String file : reversed) {
            assertThat(pipeline.run(upload(pipeline, sample, List.of(file)))).isEmpty();
        }

        assertSameResults(pipeline, store, offline(sample, allFiles(sample)));
    }

    @Test
    void theSameEventTwiceIsNotParsedAgainAndAlertsOnce() throws IOException {
        StoreSample sample = storeWithMostFiles();
        Pipeline pipeline = new Pipeline();
        List<ParseUpload.Upload> uploads = upload(pipeline, sample, allFiles(sample));
        pipeline.run(uploads);
        int alerts = pipeline.alerts.size();
        int recordSaves = pipeline.records.saves;
        int resultSaves = pipeline.results.saves;
        int matchRequests = pipeline.matchRequests.size();

        List<ParseUpload.Upload> failed = pipeline.run(uploads);

        assertThat(failed).isEmpty();
        assertThat(pipeline.alerts).hasSize(alerts);
        assertThat(pipeline.records.saves).isEqualTo(recordSaves);
        // the match is asked for again (a redelivery may follow a lost match request), and changes nothing
        assertThat(pipeline.matchRequests).hasSize(matchRequests + 1);
        assertThat(pipeline.results.saves).isEqualTo(resultSaves);
    }

    @Test
    void theSameFilesUploadedAgainUnderOtherKeysChangeNoFigureAndAlertNothingNew() throws IOException {
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();
        pipeline.run(upload(pipeline, sample, sample.files()));
        List<String> anomalyAlerts = anomalyAlertTexts(pipeline);
        int resultSaves = pipeline.results.saves;
        int reportWrites = pipeline.blobs.written.size();

        List<ParseUpload.Upload> again = new ArrayList<>();
        for (String file : sample.files()) {
            again.add(pipeline.put(store.prefix() + "inbox/again/" + file, Files.readAllBytes(sample.dir().resolve(file))));
        }
        pipeline.run(again);

        assertThat(anomalyAlerts).isNotEmpty();
        assertThat(anomalyAlertTexts(pipeline)).isEqualTo(anomalyAlerts);
        assertSameResults(pipeline, store, offline(sample, sample.files()));
        // the days are written again all the same: their summary.json now lists the new files too, as offline would
        assertThat(pipeline.results.saves).isGreaterThan(resultSaves);
        assertThat(pipeline.blobs.written.size()).isGreaterThan(reportWrites);
        ReconcileFiles.Result offline = offline(sample, sample.files());
        LocalDate someDay = offline.reconciliation().days().get(0).day();
        assertThat(pipeline.results.result(store, someDay).orElseThrow().files())
                .hasSize(2 * FileDays.listedIn(offline.fileDays(), Period.day(someDay)).size());
    }

    @Test
    void anAlertThatCouldNotBeSentIsSentWholeByTheRetryAndOnce() throws IOException {
        // given a store's accepted files and the alerts topic failing the first alert
        StoreSample sample = storeWithMostFiles();
        Pipeline undisturbed = new Pipeline();
        undisturbed.run(upload(undisturbed, sample, sample.files()));
        Pipeline pipeline = new Pipeline();
        pipeline.alertsToFail = 1;
        List<ParseUpload.Upload> uploads = upload(pipeline, sample, sample.files());
        assertThatThrownBy(() -> pipeline.run(uploads)).hasMessageContaining("alerts topic");

        // when the failed match request comes again, twice
        for (int delivery = 0; delivery < 2; delivery++) {
            pipeline.matchRequests.forEach(pipeline.match::match);
        }

        // then the alert was sent once, with every anomaly
        assertThat(anomalyAlertTexts(undisturbed)).hasSize(1);
        assertThat(anomalyAlertTexts(pipeline)).isEqualTo(anomalyAlertTexts(undisturbed));
    }

    @Test
    void aReportRequestThatCouldNotBeSentIsSentByTheRetryThoughTheResultsWereKept() throws IOException {
        // given the report queue failing the first request
        StoreSample sample = storeWithMostFiles();
        Pipeline undisturbed = new Pipeline();
        undisturbed.run(upload(undisturbed, sample, sample.files()));
        Pipeline pipeline = new Pipeline();
        pipeline.reportRequestsToFail = 1;
        List<ParseUpload.Upload> uploads = upload(pipeline, sample, sample.files());
        assertThatThrownBy(() -> pipeline.run(uploads)).hasMessageContaining("report queue");

        // when the failed match request comes again
        pipeline.matchRequests.forEach(pipeline.match::match);
        pipeline.drain();

        // then every report of the undisturbed run is there
        assertThat(pipeline.blobs.objects.keySet()).containsAll(undisturbed.blobs.objects.keySet());
        assertThat(pipeline.reportRequests).isEqualTo(undisturbed.reportRequests);
    }

    @Test
    void matchingAgainWritesNothingAndAlertsNothing() throws IOException {
        StoreSample sample = storeWithMostFiles();
        Pipeline pipeline = new Pipeline();
        pipeline.run(upload(pipeline, sample, allFiles(sample)));
        int alerts = pipeline.alerts.size();
        int resultSaves = pipeline.results.saves;
        int reportRequests = pipeline.reportRequests.size();

        for (StoreDays request : List.copyOf(pipeline.matchRequests)) {
            pipeline.match.match(request);
        }
        pipeline.rematch.request(7);
        pipeline.drain();

        assertThat(pipeline.alerts).hasSize(alerts);
        assertThat(pipeline.results.saves).isEqualTo(resultSaves);
        assertThat(pipeline.reportRequests).hasSize(reportRequests);
    }

    @Test
    void rejectedFilesLeaveNoRecordsButAnErrorFileAndAnAlert() throws IOException {
        StoreSample sample = manifest.stores().stream().filter(s -> !s.rejectedFiles().isEmpty()).findFirst().orElseThrow();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();

        List<ParseUpload.Upload> failed = pipeline.run(upload(pipeline, sample, sample.rejectedFiles()));

        assertThat(failed).isEmpty();
        assertThat(pipeline.records.count(store)).isZero();
        assertThat(pipeline.matchRequests).isEmpty();
        Map<String, byte[]> errors = pipeline.blobs.under(store.rejectedPrefix());
        assertThat(errors).hasSize(sample.rejectedFiles().size());
        for (String file : sample.rejectedFiles()) {
            JsonNode error = JSON.readTree(pipeline.text(store.rejectedPrefix() + file + ".error.json"));
            assertThat(error.path("file").asText()).isEqualTo(file);
            assertThat(error.path("key").asText()).isEqualTo(store.prefix() + "inbox/" + file);
            assertThat(error.path("error").asText()).isNotBlank();
            assertThat(error.has("kind") && error.has("line") && error.has("rejectedAt")).isTrue();
        }
        assertThat(pipeline.alerts).hasSize(sample.rejectedFiles().size())
                .allSatisfy(alert -> assertThat(alert.anomalyCount()).isZero());
        assertThat(pipeline.manifest.files(store))
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FileEntry.Status.DONE))
                .allSatisfy(f -> assertThat(f.outcomes()).noneMatch(o -> o.accepted()));
    }

    @Test
    void theAnomalyAlertOfAStoreWithARefusedFileSaysItsDataIsIncomplete() throws IOException {
        StoreSample sample = storeWithMostFiles();
        Pipeline pipeline = new Pipeline();

        pipeline.run(upload(pipeline, sample, allFiles(sample)));
        pipeline.drain();

        assertThat(sample.rejectedFiles()).isNotEmpty();
        List<Alert> anomalyAlerts = pipeline.alerts.stream().filter(a -> a.anomalyCount() > 0).toList();
        assertThat(anomalyAlerts).isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.text()).contains("\n\n数据不完整：" + sample.rejectedFiles().size() + " 个文件被拒收（");
            sample.rejectedFiles().forEach(file -> assertThat(alert.text()).contains(Path.of(file).getFileName() + "："));
            assertThat(alert.sms()).contains("；数据不完整：" + sample.rejectedFiles().size() + "个文件被拒收");
        });
    }

    @Test
    void aMalformedFileIsRejectedWithItsLineAndStoresNothing() throws IOException {
        StoreRef store = new StoreRef("t9", "s9");
        Pipeline pipeline = new Pipeline();
        ParseUpload.Upload upload = pipeline.put(store.prefix() + "inbox/月报/坏文件.csv",
                "你好,世界\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(pipeline.run(List.of(upload))).isEmpty();

        JsonNode error = JSON.readTree(pipeline.text(store.rejectedPrefix() + "坏文件.csv.error.json"));
        assertThat(error.path("kind").asText()).isEqualTo("UNKNOWN");
        assertThat(error.path("line").asInt()).isEqualTo(1);
        assertThat(pipeline.records.count(store)).isZero();
        assertThat(pipeline.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.store()).isEqualTo(store);
            assertThat(alert.text()).contains("坏文件.csv");
        });
    }

    @Test
    void aZipWhoseFileListIsTooLongToKeepIsRejectedWholeAndStoresNothing() throws IOException {
        // given a ZIP of valid exports: one with a member name of 300 characters, one of 1,000 members
        // whose names come to 150 KB
        byte[] export = Files.readAllBytes(manifest.stores().get(0).dir().resolve(manifest.stores().get(0).files().get(0)));
        byte[] longName = zip(Map.of("导出/" + "长".repeat(300) + ".csv", export));
        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            many.put("%04d-%s.csv".formatted(i, "明细".repeat(25)), "# empty\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] manyMembers = zip(many);
        StoreRef store = new StoreRef("t8", "s8");
        Pipeline pipeline = new Pipeline();

        // when
        assertThat(pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/长名.zip", longName),
                pipeline.put(store.prefix() + "inbox/很多.zip", manyMembers)))).isEmpty();

        // then each upload is one rejected file, with the reason, an error file and an alert; no record is kept
        for (String zip : List.of("长名.zip", "很多.zip")) {
            JsonNode error = JSON.readTree(pipeline.text(store.rejectedPrefix() + zip + ".error.json"));
            assertThat(error.path("file").asText()).isEqualTo(zip);
            assertThat(error.path("error").asText()).startsWith("压缩包内的文件太多或文件名太长");
        }
        assertThat(pipeline.records.count(store)).isZero();
        assertThat(pipeline.alerts).hasSize(2);
        assertThat(pipeline.alerts.stream().map(Alert::text).collect(Collectors.joining())).contains("长名.zip", "很多.zip");
    }

    private static byte[] zip(Map<String, byte[]> members) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void keysOutsideAStoreInboxAreRefusedUnread() {
        Pipeline pipeline = new Pipeline();
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        for (String key : List.of(
                "tenants/T1/stores/s1/inbox/a.csv",
                "tenants/t1/stores/s1/inbox/../../../t2/stores/s1/inbox/a.csv",
                "tenants/t1/stores/s1/config.json",
                "tenants/t1/stores/s1/inbox/",
                "tenants/t1/stores/s1/reports/2026-11-02/summary.json",
                "tenants/t1/stores/s_1/inbox/a.csv",
                "other/t1/stores/s1/inbox/a.csv")) {
            uploads.add(pipeline.put(key, "订单编号,买家会员名\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        List<ParseUpload.Upload> failed = pipeline.run(uploads);

        assertThat(failed).isEmpty();
        assertThat(pipeline.blobs.opened).isEmpty();
        assertThat(pipeline.blobs.written).isEmpty();
        assertThat(pipeline.manifest.entries).isEmpty();
        assertThat(pipeline.alerts).isEmpty();
    }

    @Test
    void aMissingObjectFailsTheUploadForARetry() {
        Pipeline pipeline = new Pipeline();
        var upload = new ParseUpload.Upload("tenants/t1/stores/s1/inbox/gone.csv", "etag");

        assertThat(pipeline.parse.parseAll(List.of(upload))).containsExactly(upload);
        assertThat(pipeline.manifest.files(new StoreRef("t1", "s1")))
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FileEntry.Status.PROCESSING));
    }

    @Test
    void aConfigThatCannotBeUsedStopsTheMatchWithAnAlert() throws IOException {
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();
        pipeline.parse.parseAll(upload(pipeline, sample, sample.files()));
        pipeline.blobs.objects.put(store.configKey(), "{\"graceDay\": 3}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        StoreDays request = pipeline.matchQueue.poll();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.match.match(request))
                .isInstanceOf(StoreConfigJson.InvalidConfigException.class)
                .hasMessageContaining("graceDay");
        assertThat(pipeline.results.saves).isZero();
        assertThat(pipeline.alerts).singleElement().satisfies(a -> assertThat(a.text())
                .contains("错误：graceDay：未知的配置项 unknown key，是否想写 \"graceDays\"？"));
    }

    private static List<String> anomalyAlertTexts(Pipeline pipeline) {
        return pipeline.alerts.stream().filter(a -> a.anomalyCount() > 0).map(Alert::text).toList();
    }

    private static void assertSameResults(Pipeline pipeline, StoreRef store, ReconcileFiles.Result offline) {
        Map<LocalDate, DayResult> stored = new TreeMap<>();
        for (DayFigures day : offline.reconciliation().days()) {
            pipeline.results.result(store, day.day()).ifPresent(r -> stored.put(day.day(), r));
        }
        assertThat(pipeline.results.results.get(store).keySet())
                .containsExactlyElementsOf(offline.reconciliation().days().stream().map(DayFigures::day).toList());
        Map<LocalDate, List<Anomaly>> offlineAnomalies = offline.reconciliation().anomalies().stream()
                .collect(Collectors.groupingBy(Anomaly::day));
        for (DayFigures day : offline.reconciliation().days()) {
            DayResult result = stored.get(day.day());
            assertThat(result.figures()).as("figures of %s", day.day()).isEqualTo(day);
            assertThat(result.anomalies()).as("anomalies of %s", day.day())
                    .isEqualTo(offlineAnomalies.getOrDefault(day.day(), List.of()));
        }
        assertThat(offline.reconciliation().anomalies()).isNotEmpty();
    }

    /**
     * Every report folder the pipeline wrote holds the files {@code ./recon reconcile} writes for the
     * same files, and no folder is missing or extra. The files are listed by name in both (the pipeline
     * knows no upload order). Workbooks are compared part by part: only the zip's timestamps may differ.
     */
    private static void assertSameReportFiles(Pipeline pipeline, StoreRef store, ReconcileFiles.Result offline,
            StoreConfig config) throws IOException {
        List<FileDays> byName = offline.fileDays().stream().sorted(Comparator.comparing(file -> file.outcome().name())).toList();
        Path dir = Files.createTempDirectory(samples, "offline-");
        ReportFiles.write(dir, store.tenant(), store.store(), config, byName, offline.records(), offline.reconciliation(),
                EnumSet.allOf(ReportFiles.Format.class));
        Map<String, byte[]> want = new TreeMap<>();
        Path reports = dir.resolve("reports");
        try (var walk = Files.walk(reports)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                want.put(reports.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        Map<String, byte[]> got = new TreeMap<>();
        String prefix = store.prefix() + "reports/";
        pipeline.blobs.under(prefix).forEach((key, content) -> got.put(key.substring(prefix.length()), content));

        assertThat(got.keySet()).isEqualTo(want.keySet());
        assertThat(want.keySet()).contains("2026-11/" + ReportFiles.XLSX, "2026-12/" + ReportFiles.HTML, "2026-11-02/" + ReportFiles.CSV);
        for (String file : want.keySet()) {
            if (file.endsWith(ReportFiles.XLSX)) {
                Map<String, String> gotParts = zipParts(got.get(file));
                Map<String, String> wantParts = zipParts(want.get(file));
                assertThat(gotParts.keySet()).as(file).isEqualTo(wantParts.keySet());
                wantParts.forEach((part, text) -> assertThat(gotParts.get(part)).as(file + " " + part).isEqualTo(text));
            } else {
                // as text first, for a readable difference
                assertThat(new String(got.get(file), StandardCharsets.UTF_8)).as(file)
                        .isEqualTo(new String(want.get(file), StandardCharsets.UTF_8));
                assertThat(got.get(file)).as(file).isEqualTo(want.get(file));
            }
        }
    }

    /** The parts of a zip by name, as text (the parts of a workbook are XML), without the time it was created. */
    private static Map<String, String> zipParts(byte[] zip) throws IOException {
        Path file = Files.createTempFile(samples, "workbook-", ".xlsx");
        Files.write(file, zip);
        Map<String, String> parts = new TreeMap<>();
        try (var workbook = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(workbook.entries())) {
                try (InputStream in = workbook.getInputStream(entry)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    parts.put(entry.getName(), text.replaceAll("<dcterms:created[^>]*>[^<]*</dcterms:created>", ""));
                }
            }
        }
        return parts;
    }

    @Test
    void aResolutionsFileUploadedBackSettlesWhatItNamesAndKeepsTheTrail() throws IOException {
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();
        pipeline.run(upload(pipeline, sample, allFiles(sample)));
        Anomaly open = storedAnomalies(pipeline, store).stream().filter(a -> a.status() == AnomalyStatus.OPEN)
                .findFirst().orElseThrow();
        int alerts = pipeline.alerts.size();

        String csv = "异常编号,处理结果,处理说明,处理人\r\n" + open.id() + ",已核销,平台已补款,王会计\r\n";
        pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/核销/处理结果.csv", csv.getBytes(StandardCharsets.UTF_8))));

        Anomaly settled = storedAnomalies(pipeline, store).stream().filter(a -> a.id().equals(open.id()))
                .findFirst().orElseThrow();
        assertThat(settled.status()).isEqualTo(AnomalyStatus.RESOLVED);
        assertThat(settled.resolution().by()).isEqualTo("王会计");
        assertThat(pipeline.resolutions.all(store)).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo("处理结果.csv"));
        String monthSummary = pipeline.text(store.reportPrefix(recon.domain.Period.month(java.time.YearMonth.from(open.day())))
                + ReportFiles.SUMMARY_JSON);
        assertThat(JSON.readTree(monthSummary).at("/statusCounts/RESOLVED").asInt()).isEqualTo(1);
        assertThat(pipeline.alerts).as("a resolution alerts nothing").hasSize(alerts);
    }

    @Test
    void aResolutionsFileNamingAnIdTheStoreNeverHadIsRejectedWithItsLine() throws IOException {
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();
        pipeline.run(upload(pipeline, sample, allFiles(sample)));

        String csv = "异常编号,处理结果,处理说明\r\nffffffffffffffff,强制核销,不追\r\n";
        pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/处理结果.csv", csv.getBytes(StandardCharsets.UTF_8))));

        assertThat(pipeline.text(store.rejectedPrefix() + "处理结果.csv.error.json"))
                .contains("第 2 行：异常编号 ffffffffffffffff 不是本店铺的异常编号");
        assertThat(pipeline.resolutions.all(store)).isEmpty();
    }

    @Test
    void aMonthWhoseAnomaliesAreAllSettledClosesWithOneMessage() throws IOException {
        StoreSample sample = storeWithMostFiles();
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Pipeline pipeline = new Pipeline();
        pipeline.run(upload(pipeline, sample, allFiles(sample)));
        StringBuilder csv = new StringBuilder("异常编号,处理结果,处理说明,处理人\r\n");
        storedAnomalies(pipeline, store).stream()
                .filter(a -> java.time.YearMonth.from(a.day()).equals(java.time.YearMonth.of(2026, 11)))
                .forEach(a -> csv.append(a.id()).append(",强制核销,月末核销,王会计\r\n"));

        pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/十一月核销.csv", csv.toString().getBytes(StandardCharsets.UTF_8))));
        pipeline.rematch.request(7);
        pipeline.drain();

        assertThat(pipeline.alerts).filteredOn(a -> a.subject().startsWith("【已对平】")).singleElement()
                .satisfies(a -> assertThat(a.subject()).isEqualTo("【已对平】" + store + "：2026年11月"));
        assertThat(JSON.readTree(pipeline.text(store.reportPrefix(recon.domain.Period.month(java.time.YearMonth.of(2026, 11)))
                + ReportFiles.SUMMARY_JSON)).get("closed").asBoolean()).isTrue();
    }

    /** Every anomaly of the store's stored day results. */
    private static List<Anomaly> storedAnomalies(Pipeline pipeline, StoreRef store) {
        List<Anomaly> all = new ArrayList<>();
        pipeline.results.results.getOrDefault(store, Map.of()).values().forEach(r -> all.addAll(r.anomalies()));
        return all;
    }

    private static List<String> allFiles(StoreSample sample) {
        List<String> files = new ArrayList<>(sample.files());
        files.addAll(sample.rejectedFiles());
        return files;
    }

    private static StoreSample storeWithMostFiles() {
        return manifest.stores().stream()
                .max(java.util.Comparator.comparingInt(s -> s.files().size() + s.rejectedFiles().size()))
                .orElseThrow();
    }

    private static List<ParseUpload.Upload> upload(Pipeline pipeline, StoreSample sample, List<String> files)
            throws IOException {
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        Path config = sample.dir().resolve("config.json");
        if (Files.exists(config)) {
            pipeline.blobs.objects.put(store.configKey(), Files.readAllBytes(config));
        }
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        for (String file : files) {
            uploads.add(pipeline.put(store.prefix() + "inbox/" + file, Files.readAllBytes(sample.dir().resolve(file))));
        }
        return uploads;
    }

    private static ReconcileFiles.Result offline(StoreSample sample, List<String> files) throws IOException {
        List<ReconcileFiles.Input> inputs = files.stream()
                .map(f -> new ReconcileFiles.Input(f, () -> Files.newInputStream(sample.dir().resolve(f))))
                .toList();
        return ReconcileFiles.run(sample.tenant(), sample.store(), inputs, config(sample), outcome -> {});
    }

    private static StoreConfig config(StoreSample sample) throws IOException {
        Path configFile = sample.dir().resolve("config.json");
        if (!Files.exists(configFile)) {
            return StoreConfig.DEFAULT;
        }
        try (InputStream in = Files.newInputStream(configFile)) {
            return StoreConfigJson.read(in);
        }
    }
}
