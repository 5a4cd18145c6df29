package recon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.report.ReportFiles;
import recon.sample.Manifest;
import recon.sample.PlantedAnomaly;
import recon.sample.StoreSample;

/** {@code ./recon reconcile} end to end on generated exports, as a user runs it. */
class ReconcileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Manifest manifest;

    @BeforeAll
    static void generateSamples() throws IOException {
        Path samples = work.resolve("samples");
        int exit = Main.run(List.of("generate", "--out", samples.toString(), "--orders", "3000", "--seed", "7"),
                new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(exit).isZero();
        manifest = Manifest.read(samples.resolve(Manifest.FILE_NAME));
    }

    private record Run(int exit, String out, String err, JsonNode summary, Path dir) {}

    private static Run reconcile(StoreSample store) throws IOException {
        return reconcile(store, store.dir().resolve("config.json"));
    }

    private static Run reconcile(StoreSample store, Path config) throws IOException {
        Path outDir = work.resolve("out").resolve(store.tenant() + "-" + store.store() + "-" + config.getFileName());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path storeDir = store.dir();
        int exit = Main.run(List.of("reconcile", "--tenant", store.tenant(), "--store", store.store(),
                        "--config", config.toString(), "--out", outDir.toString(), storeDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonNode summary = Files.exists(outDir.resolve("summary.json")) ? JSON.readTree(outDir.resolve("summary.json").toFile()) : null;
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), summary, outDir);
    }

    @Test
    void findsEveryPlantedAnomalyAndFlagsNoCleanOrder() throws IOException {
        for (StoreSample store : manifest.stores()) {
            Run run = reconcile(store);

            Set<String> found = new HashSet<>();
            run.summary().get("anomalies").forEach(a -> found.add(a.get("type").asText() + " " + a.get("day").asText()
                    + " " + text(a, "orderId") + " " + text(a, "lineId")));
            Set<String> planted = store.anomalies().stream().map(ReconcileCommandTest::key).collect(Collectors.toSet());
            assertThat(found).as("%s/%s: anomalies found", store.tenant(), store.store()).isEqualTo(planted);
            assertThat(planted).isNotEmpty();
        }
    }

    @Test
    void rejectsTheBrokenFilesWithAReasonAndStillReconcilesTheRest() throws IOException {
        for (StoreSample store : manifest.stores()) {
            Run run = reconcile(store);

            List<String> rejected = new ArrayList<>();
            List<String> accepted = new ArrayList<>();
            for (JsonNode file : run.summary().get("files")) {
                if (file.get("status").asText().equals("REJECTED")) {
                    rejected.add(file.get("name").asText());
                    assertThat(file.get("error").asText()).as(file.get("name").asText()).isNotBlank();
                    assertThat(run.out()).contains(file.get("error").asText());
                } else {
                    accepted.add(file.get("name").asText());
                }
            }
            assertThat(rejected).containsExactlyInAnyOrderElementsOf(names(store.rejectedFiles()));
            assertThat(accepted).isNotEmpty();
            assertThat(run.exit()).isEqualTo(store.rejectedFiles().isEmpty() ? Main.OK : Main.REJECTED_FILES);
        }
    }

    @Test
    void writesADayReportForEveryDayWithOnlyThatDaysAnomalies() throws IOException {
        StoreSample store = manifest.stores().get(0);
        Run run = reconcile(store);

        for (JsonNode day : run.summary().get("days")) {
            String date = day.get("day").asText();
            Path dayDir = run.dir().resolve("reports").resolve(date);
            JsonNode daySummary = JSON.readTree(dayDir.resolve("summary.json").toFile());
            assertThat(daySummary.get("days")).hasSize(1);
            assertThat(daySummary.get("days").get(0)).isEqualTo(day);
            daySummary.get("anomalies").forEach(a -> assertThat(a.get("day").asText()).isEqualTo(date));
            byte[] csv = Files.readAllBytes(dayDir.resolve("report.csv"));
            assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
            long csvRows = new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
            assertThat(csvRows).isEqualTo(daySummary.get("anomalies").size());
        }
    }

    @Test
    void writesTheFourReportFilesForEveryDayAndEveryMonth() throws IOException {
        StoreSample store = manifest.stores().get(0);
        Run run = reconcile(store);

        Set<String> months = new TreeSet<>();
        for (JsonNode day : run.summary().get("days")) {
            months.add(day.get("day").asText().substring(0, 7));
            assertThat(run.dir().resolve("reports").resolve(day.get("day").asText()))
                    .isDirectoryContaining("glob:**/summary.json").isDirectoryContaining("glob:**/report.csv")
                    .isDirectoryContaining("glob:**/report.xlsx").isDirectoryContaining("glob:**/report.html");
        }
        for (String month : months) {
            Path monthDir = run.dir().resolve("reports").resolve(month);
            assertThat(monthDir).isDirectoryContaining("glob:**/report.xlsx").isDirectoryContaining("glob:**/report.html")
                    .isDirectoryContaining("glob:**/report.csv");
            JsonNode monthSummary = JSON.readTree(monthDir.resolve("summary.json").toFile());
            monthSummary.get("days").forEach(d -> assertThat(d.get("day").asText()).startsWith(month));
            monthSummary.get("anomalies").forEach(a -> assertThat(a.get("day").asText()).startsWith(month));
        }
        assertThat(months).isNotEmpty();
    }

    @Test
    void dayBalancesChainAndAddUp() throws IOException {
        int stores = 0;
        for (StoreSample store : manifest.stores()) {
            Run run = reconcile(store);
            boolean takesWeChat = false;
            for (JsonNode day : run.summary().get("days")) {
                takesWeChat |= fen(day.get("settledByChannel"), "TAOTIAN_WECHAT") != 0;
            }
            if (takesWeChat) {
                continue; // the day figures hold both accounts' money; the balance is the Alipay account's alone
            }
            stores++;
            Set<String> breaks = store.anomalies().stream()
                    .filter(a -> a.type().name().startsWith("BALANCE_")).map(a -> a.day().toString()).collect(Collectors.toSet());
            for (JsonNode day : run.summary().get("days")) {
                if (day.get("openingBalance").isNull() || breaks.contains(day.get("day").asText())) {
                    continue;
                }
                // opening + what came in - what went out = closing, to the fen (days without OTHER lines)
                long opening = fen(day, "openingBalance");
                long moved = fen(day, "settledAmount") - fen(day, "refundAmount") - fen(day, "commissionAmount")
                        - fen(day, "otherFeeAmount") - fen(day, "transferAmount");
                assertThat(opening + moved).as("%s/%s %s", store.tenant(), store.store(), day.get("day").asText())
                        .isEqualTo(fen(day, "closingBalance"));
            }
        }
        assertThat(stores).as("stores paid through Alipay alone").isPositive();
    }

    @Test
    void eachDaysSettlementsAreBothChannelsToTheFen() throws IOException {
        long wechatTotal = 0;
        for (StoreSample store : manifest.stores()) {
            for (JsonNode day : reconcile(store).summary().get("days")) {
                long alipay = fen(day.get("settledByChannel"), "ALIPAY");
                long wechat = fen(day.get("settledByChannel"), "TAOTIAN_WECHAT");
                assertThat(alipay + wechat).as("%s/%s %s", store.tenant(), store.store(), day.get("day").asText())
                        .isEqualTo(fen(day, "settledAmount"));
                wechatTotal += wechat;
            }
        }
        assertThat(wechatTotal).as("money that came by WeChat Pay").isPositive();
    }

    @Test
    void aCategoryKeyGivesItsRateToTheCategoriesUnderItAndTheConsoleSaysWhichRateEachCategoryGot() throws IOException {
        // given t1/s1's contract with the README's key 女装 instead of the full 类目 女装/女士精品, and a key of no 类目
        StoreSample store = manifest.stores().stream().filter(s -> s.tenant().equals("t1") && s.store().equals("s1"))
                .findFirst().orElseThrow();
        ObjectNode config = (ObjectNode) JSON.readTree(store.dir().resolve("config.json").toFile());
        ObjectNode byCategory = (ObjectNode) config.get("commission").get("byCategory");
        byCategory.set("女装", byCategory.remove("女装/女士精品"));
        byCategory.put("男装", "0.04");
        Path configFile = work.resolve("t1-s1-prefix-config.json");
        JSON.writeValue(configFile.toFile(), config);

        // when
        Run run = reconcile(store, configFile);

        // then the same anomalies as with the full 类目, none of them a FEE_MISMATCH the key made
        Set<String> found = new HashSet<>();
        run.summary().get("anomalies").forEach(a -> found.add(a.get("type").asText() + " " + a.get("day").asText()
                + " " + text(a, "orderId") + " " + text(a, "lineId")));
        assertThat(found).isEqualTo(store.anomalies().stream().map(ReconcileCommandTest::key).collect(Collectors.toSet()));
        assertThat(run.out()).contains("费率 女装/女士精品: 0.05 (byCategory.\"女装\")\n", "费率 女鞋: 0.03 (byCategory.\"女鞋\")\n",
                "费率 箱包皮具/热销女包/男包: 0.025 (byCategory.\"箱包皮具/热销女包/男包\")\n");
        Matcher warning = Pattern.compile(Pattern.quote("警告 warning   合同费率 byCategory.\"男装\" 没有匹配到任何订单的类目（本店类目如：")
                + "(.*)" + Pattern.quote("），请核对 config.json; the key matched no order's category\n")).matcher(run.out());
        assertThat(warning.find()).as("the warning of 男装 in %s", run.out()).isTrue();
        assertThat(warning.group(1).split("、")).containsExactlyInAnyOrder("女装/女士精品", "女鞋", "箱包皮具/热销女包/男包");
    }

    @Test
    void listsTheRatesOfTwentyCategoriesAtMostAndWarnsOfAKeyNoOrderMatches(@TempDir Path dir) throws IOException {
        // given 22 categories: 女装/女士精品 settled most, then 女装饰品, then 类目/03 … 类目/22
        StringBuilder orders = new StringBuilder("订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间,确认收货时间,类目\n");
        StringBuilder ledger = new StringBuilder("账务流水号,发生时间,商户订单号,收入金额（+元）,支出金额（-元）,账户余额（元）,业务类型\n");
        long balance = 0;
        for (int i = 1; i <= 22; i++) {
            String orderId = "35534980174480" + String.format("%02d", i);
            String category = i == 1 ? "女装/女士精品" : i == 2 ? "女装饰品" : String.format("类目/%02d", i);
            long yuan = i == 1 ? 300 : i == 2 ? 200 : 100;
            balance += yuan;
            orders.append(orderId).append(',').append(yuan).append(".00,交易成功,2026-11-02 10:00:00,2026-11-02 10:00:00,")
                    .append("2026-11-05 09:00:00,").append(category).append('\n');
            ledger.append(String.format("L%02d,2026-11-05 10:00:%02d,T200P%s,%d.00,0.00,%d.00,交易付款%n", i, i, orderId, yuan, balance));
        }
        Files.writeString(dir.resolve("订单.csv"), orders);
        Files.writeString(dir.resolve("账务明细.csv"), ledger);
        Path config = Files.writeString(dir.resolve("config.json"),
                "{\"commission\": {\"byCategory\": {\"女装\": \"0.05\", \"男装\": \"0.04\"}}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        int exit = Main.run(List.of("reconcile", "--tenant", "t9", "--store", "s9", "--config", config.toString(),
                "--formats", "json", "--out", dir.resolve("out").toString(), dir.resolve("订单.csv").toString(),
                dir.resolve("账务明细.csv").toString()), new PrintStream(out, true, StandardCharsets.UTF_8), quiet());

        // then
        assertThat(exit).isEqualTo(Main.OK);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("费率 ") || line.startsWith("… ") || line.startsWith("警告 ")).toList();
        List<String> expected = new ArrayList<>(List.of("费率 女装/女士精品: 0.05 (byCategory.\"女装\")", "费率 女装饰品: 0.02 (default)"));
        for (int i = 3; i <= 20; i++) {
            expected.add(String.format("费率 类目/%02d: 0.02 (default)", i));
        }
        expected.add("… 还有 2 个类目 2 more");
        expected.add("警告 warning   合同费率 byCategory.\"男装\" 没有匹配到任何订单的类目（本店类目如：女装/女士精品、女装饰品、类目/03、…），"
                + "请核对 config.json; the key matched no order's category");
        assertThat(lines).containsExactlyElementsOf(expected);
    }

    @Test
    void noWarningWhenEveryKeyOfTheContractMatchesAnOrder() throws IOException {
        Run run = reconcile(manifest.stores().getFirst());

        assertThat(run.out()).contains("费率 ").doesNotContain("警告 warning", "没有匹配到");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(Main.run(List.of("reconcile", "--store", "s1", "--out", "x", "a.csv"), quiet(), quiet())).isEqualTo(Main.USAGE);
        assertThat(Main.run(List.of("reconcile", "--tenant", "T1", "--store", "s1", "--out", "x", "a.csv"), quiet(), quiet()))
                .isEqualTo(Main.USAGE);
        assertThat(Main.run(List.of("reconcile", "--tenant", "t1", "--store", "s1", "--out", "x"), quiet(), quiet()))
                .isEqualTo(Main.USAGE);
        assertThat(Main.run(List.of("frobnicate"), quiet(), quiet())).isEqualTo(Main.USAGE);
        assertThat(Main.run(List.of("reconcile", "--tenant", "t1", "--store", "s1", "--formats", "csv,pdf", "--out", "x", "a.csv"),
                quiet(), quiet())).isEqualTo(Main.USAGE);
    }

    @Test
    void formatsNameTheFilesOfEachReportFolder() {
        assertThat(ReconcileCommand.formats("json,csv")).containsExactly(ReportFiles.Format.JSON, ReportFiles.Format.CSV);
        assertThat(ReconcileCommand.formats("HTML, xlsx")).containsExactly(ReportFiles.Format.XLSX, ReportFiles.Format.HTML);
        assertThatThrownBy(() -> ReconcileCommand.formats("")).isInstanceOf(Args.UsageException.class);
    }

    @Test
    void malformedConfigStopsTheRunNamingTheKey() throws IOException {
        Path config = Files.writeString(work.resolve("bad-config.json"), "{\"graceDay\": 3}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of("reconcile", "--tenant", "t1", "--store", "s1", "--config", config.toString(),
                "--out", work.resolve("never").toString(), work.resolve("samples").toString()), quiet(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config " + config
                + ": graceDay：未知的配置项 unknown key，是否想写 \"graceDays\"？ did you mean \"graceDays\"?");
        assertThat(work.resolve("never")).doesNotExist();
    }

    @Test
    void aStoreTooBigForTheHeapIsToldInWordsNotAStackTrace(@TempDir Path dir) throws Exception {
        Path samples = dir.resolve("samples");
        assertThat(Main.run(List.of("generate", "--out", samples.toString(), "--orders", "50000", "--seed", "7"), quiet(),
                System.err)).isZero();
        // a 12 MB heap holds the JVM and the classes, not the records of store t1/s1 (about 17,000 orders);
        // the serial collector, as a small Lambda function runs: one run of G1 in a heap this small hung once
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx12m",
                "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "reconcile", "--tenant", "t1",
                "--store", "s1", "--formats", "json", "--out", dir.resolve("out").toString(),
                samples.resolve("t1/s1").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        boolean ended = child.waitFor(2, TimeUnit.MINUTES);
        child.destroyForcibly();

        assertThat(ended).as("the run ended").isTrue();
        assertThat(child.exitValue()).isEqualTo(Main.FAILED);
        // the serial collector counts one survivor space out of the 12 MB
        assertThat(Files.readString(err)).contains("recon: 内存不足 out of memory", "RECON_JAVA_OPTS=-Xmx4g ./recon reconcile")
                .containsPattern("the 1[12] MB the JVM may use").doesNotContain("\tat ", "Exception in thread");
    }

    private static long fen(JsonNode day, String field) {
        return recon.domain.Money.parseYuan(day.get(field).asText());
    }

    private static List<String> names(List<String> files) {
        return files.stream().map(f -> Path.of(f).getFileName().toString()).toList();
    }

    private static String key(PlantedAnomaly a) {
        return a.type() + " " + a.day() + " " + a.orderId() + " " + a.lineId();
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : "null";
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
