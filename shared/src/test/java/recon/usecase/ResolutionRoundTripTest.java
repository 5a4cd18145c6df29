package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.StoreConfig;
import recon.report.ReportFiles;
import recon.report.ReportWorkbook;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/**
 * The accountant's loop, offline: reconcile, open the month's workbook, fill 处理结果 / 处理说明 / 处理人 in
 * its 异常 sheet (here with POI, as Excel would save it), give the workbook back with the exports.
 */
class ResolutionRoundTripTest {
    private static StoreSample store;
    private static StoreConfig config;

    @BeforeAll
    static void generate(@TempDir Path dir) throws IOException {
        Manifest manifest = new SampleGenerator(new SampleGenerator.Options(300, 31, 3, LocalDate.of(2026, 11, 1)))
                .generate(dir.resolve("samples"));
        store = manifest.stores().get(0);
        try (InputStream in = Files.newInputStream(store.dir().resolve("config.json"))) {
            config = StoreConfigJson.read(in);
        }
    }

    private static ReconcileFiles.Result reconcile(Map<String, byte[]> extra) {
        List<ReconcileFiles.Input> inputs = new ArrayList<>();
        for (String file : store.files()) {
            inputs.add(new ReconcileFiles.Input(file, () -> Files.newInputStream(store.dir().resolve(file))));
        }
        extra.forEach((name, bytes) -> inputs.add(new ReconcileFiles.Input(name, () -> new ByteArrayInputStream(bytes))));
        return ReconcileFiles.run(store.tenant(), store.store(), inputs, config, outcome -> {});
    }

    private static Map<String, Anomaly> byId(ReconcileFiles.Result result) {
        return result.reconciliation().anomalies().stream().collect(Collectors.toMap(Anomaly::id, Function.identity()));
    }

    /** The month's report.xlsx of the run, its 异常 rows filled in: row number → {处理结果, 处理说明, 处理人}. */
    private static byte[] filledWorkbook(ReconcileFiles.Result result, Path out, Map<Integer, String[]> fill) throws IOException {
        ReportFiles.write(out, store.tenant(), store.store(), config, result.fileDays(), result.records(),
                result.reconciliation(), EnumSet.of(ReportFiles.Format.XLSX));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out.resolve("reports/2026-11/report.xlsx")))) {
            Sheet sheet = workbook.getSheet(ReportWorkbook.ANOMALIES);
            fill.forEach((r, values) -> {
                Row row = sheet.getRow(r);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(17 + i).setCellValue(values[i]);
                }
            });
            var bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static String idOfRow(byte[] workbook, int row) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return book.getSheet(ReportWorkbook.ANOMALIES).getRow(row).getCell(0).getStringCellValue();
        }
    }

    @Test
    void theFilledInWorkbookResolvesWhatItNamesAndNothingElse(@TempDir Path out) throws IOException {
        ReconcileFiles.Result before = reconcile(Map.of());
        assertThat(before.reconciliation().anomalies()).extracting(Anomaly::status)
                .contains(AnomalyStatus.OPEN).doesNotContain(AnomalyStatus.RESOLVED, AnomalyStatus.FORCED, AnomalyStatus.DISPUTED);

        byte[] workbook = filledWorkbook(before, out.resolve("first"), Map.of(
                1, new String[] {"已核销", "平台已补款", "王会计"},
                2, new String[] {"申诉中", "", "王会计"},
                3, new String[] {"强制核销", "差额不追", "李会计"}));
        ReconcileFiles.Result after = reconcile(Map.of("2026-11 对账报告.xlsx", workbook));

        assertThat(after.files()).filteredOn(f -> f.kind() == FileKind.RESOLUTIONS).singleElement()
                .satisfies(f -> assertThat(f.accepted()).as(f.error()).isTrue());
        Map<String, Anomaly> settled = byId(after);
        assertThat(settled.get(idOfRow(workbook, 1)).status()).isEqualTo(AnomalyStatus.RESOLVED);
        assertThat(settled.get(idOfRow(workbook, 1)).resolution().note()).isEqualTo("平台已补款");
        assertThat(settled.get(idOfRow(workbook, 2)).status()).isEqualTo(AnomalyStatus.DISPUTED);
        assertThat(settled.get(idOfRow(workbook, 3)).status()).isEqualTo(AnomalyStatus.FORCED);
        // the other anomalies are as before, and no figure moved
        Map<String, Anomaly> untouched = byId(before);
        settled.forEach((id, a) -> {
            if (a.resolution() == null || a.resolution().byRule()) {
                assertThat(a.status()).isEqualTo(untouched.get(id).status());
            }
        });
        assertThat(after.reconciliation().anomalies()).hasSameSizeAs(before.reconciliation().anomalies());
        assertThat(after.reconciliation().days()).isEqualTo(before.reconciliation().days());
    }

    @Test
    void aResolutionsCsvNamingAnIdTheStoreNeverHadIsRejectedOnItsLine() {
        ReconcileFiles.Result before = reconcile(Map.of());
        String known = before.reconciliation().anomalies().get(0).id();
        String csv = "异常编号,处理结果,处理说明,处理人\r\n" + known + ",已核销,已查明,王会计\r\nffffffffffffffff,强制核销,不追,王会计\r\n";

        ReconcileFiles.Result after = reconcile(Map.of("处理结果.csv", csv.getBytes(StandardCharsets.UTF_8)));

        FileOutcome outcome = after.files().stream().filter(f -> f.name().equals("处理结果.csv")).findFirst().orElseThrow();
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.error()).isEqualTo("第 3 行：异常编号 ffffffffffffffff 不是本店铺的异常编号（本店铺从未出现过这个异常），请核对");
        assertThat(byId(after).get(known).status()).isEqualTo(byId(before).get(known).status());
    }

    @Test
    void anotherStoresWorkbookRowsAreRefused() {
        ReconcileFiles.Result before = reconcile(Map.of());
        String id = before.reconciliation().anomalies().get(0).id();
        String csv = "异常编号,店铺,处理结果,处理说明\r\n" + id + ",t9/s9,已核销,已查明\r\n";

        ReconcileFiles.Result after = reconcile(Map.of("别的店铺.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(after.files()).filteredOn(f -> f.name().equals("别的店铺.csv")).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo("第 2 行：异常编号 " + id + " 是店铺 t9/s9 的异常，不是本店铺（"
                        + store.tenant() + "/" + store.store() + "）的"));
    }

    @Test
    void aReportCsvFilledInIsAResolutionsFileToo(@TempDir Path out) throws IOException {
        ReconcileFiles.Result before = reconcile(Map.of());
        ReportFiles.write(out, store.tenant(), store.store(), config, before.fileDays(), before.records(),
                before.reconciliation(), EnumSet.of(ReportFiles.Format.CSV));
        List<String> lines = Files.readAllLines(out.resolve("reports/2026-11/report.csv"), StandardCharsets.UTF_8);
        String[] first = lines.get(1).split(",", -1);
        // 处理结果, 处理说明 are the 17th and 18th columns, empty
        first[17] = "已核销";
        first[18] = "已查明";
        List<String> filled = new ArrayList<>(lines);
        filled.set(1, String.join(",", first));

        ReconcileFiles.Result after = reconcile(Map.of("report.csv",
                String.join("\r\n", filled).getBytes(StandardCharsets.UTF_8)));

        assertThat(byId(after).get(first[0].replace("\uFEFF", "")).status()).isEqualTo(AnomalyStatus.RESOLVED);
    }
}
