package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.cli.Main;

/**
 * The bench's comparison on a small generated store: the engine in a child JVM, both Python peers in the
 * project's virtualenv (installed through tools/venv.sh, as the bench does), their answers checked. An
 * integration test: it needs Python and the peers' packages (BenchCommandTest holds what needs the JDK only).
 */
class BenchCommandIT {
    @TempDir
    static Path work;

    private static Path root;
    private static BenchCommand.Workload workload;
    private static List<BenchCommand.Run> runs;

    @BeforeAll
    static void runEngineAndPeersOnThreeHundredOrders() throws Exception {
        root = BenchCommand.projectRoot();
        Path python = BenchCommand.python(root);
        workload = BenchCommand.prepare(work, 300);
        runs = new ArrayList<>();
        Path engineDir = work.resolve("runs/engine");
        runs.add(new BenchCommand.Run("engine", BenchCommand.measure(python, root, engineDir,
                BenchCommand.engineCommand(root, workload, engineDir.resolve("out"), BenchCommand.ENGINE_RUNS.get(0))), engineDir));
        for (String peer : BenchCommand.PEERS) {
            Path dir = work.resolve("runs").resolve(peer);
            runs.add(new BenchCommand.Run(peer, BenchCommand.measure(python, root, dir,
                    BenchCommand.peerCommand(python, root, peer, workload, dir.resolve("out"))), dir));
        }
    }

    private static Path engineSummary() {
        return runs.get(0).out().resolve("summary.json");
    }

    @Test
    void bothPeersGiveTheEngineAnswersOnTheGeneratedStore() throws IOException {
        for (BenchCommand.Run run : runs) {
            assertThat(run.measure().exit()).as("%s exit code; stderr: %s", run.name(),
                    Files.exists(run.dir().resolve("stderr.txt")) ? Files.readString(run.dir().resolve("stderr.txt")) : "")
                    .isZero();
        }
        for (BenchCommand.Run peer : runs.subList(1, runs.size())) {
            BenchCommand.Comparison comparison = BenchCommand.compare(engineSummary(), peer.out(), peer.name());

            assertThat(comparison.differences()).as(peer.name()).isEmpty();
            assertThat(comparison.anomalies()).as("compared anomalies").isGreaterThanOrEqualTo(BenchCommand.COMPARED_TYPES.size());
            assertThat(comparison.days()).isEqualTo(31);
        }
    }

    @Test
    void openOrdersCountsTheOrdersOpenAtOnceAgainstAll() throws Exception {
        Process script = new ProcessBuilder(BenchCommand.python(root).toString(),
                root.resolve("tools/bench/python/open_orders.py").toString(), "--input", workload.store().dir().toString(),
                "--config", workload.config().toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String said = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor()).isZero();

        Matcher m = Pattern.compile("order ids ([0-9,]+); open at once at most ([0-9,]+) \\(").matcher(said);
        assertThat(m.find()).as(said).isTrue();
        long all = Long.parseLong(m.group(1).replace(",", ""));
        long open = Long.parseLong(m.group(2).replace(",", ""));
        // the generator's orders, and a few ids only a ledger line or refund names
        assertThat(all).isBetween(300L, 310L);
        // orders settle within weeks of a 31-day month: some, never all, are open at the same time
        assertThat(open).isPositive().isLessThan(all);
    }

    @Test
    void measuresTheChildProcessItself() {
        BenchCommand.Measure engine = runs.get(0).measure();

        assertThat(engine.seconds()).isPositive();
        assertThat(engine.cpuSeconds()).isPositive();
        // a JVM that reconciled a store held at least some tens of MiB, and no more than the machine
        assertThat(engine.peakRssKb()).isBetween(20_000L, 64L << 20);
    }

    @Test
    void reportsAPeerAsVoidWithItsFirstDifferences() throws IOException {
        BenchCommand.Run pandas = runs.get(1);
        Path altered = work.resolve("altered");
        Files.createDirectories(altered);
        List<String> anomalies = Files.readAllLines(pandas.out().resolve("anomalies.jsonl"), StandardCharsets.UTF_8);
        String dropped = anomalies.removeFirst();
        Files.write(altered.resolve("anomalies.jsonl"), anomalies, StandardCharsets.UTF_8);
        Files.writeString(altered.resolve("days.jsonl"), Files.readString(pandas.out().resolve("days.jsonl"))
                .replaceFirst("\"settledAmount\":(\\d+)", "\"settledAmount\":1$1"));

        BenchCommand.Comparison comparison = BenchCommand.compare(engineSummary(), altered, "pandas");

        assertThat(comparison.agrees()).isFalse();
        assertThat(comparison.differences()).hasSize(2);
        assertThat(comparison.differences().get(0)).startsWith("only in engine: ")
                .contains(dropped.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"));
        assertThat(comparison.differences().get(1)).contains("settledAmount: engine");

        List<BenchCommand.Run> withAltered = List.of(runs.get(0), new BenchCommand.Run("pandas", pandas.measure(),
                work.resolve("altered-run")));
        Files.createDirectories(work.resolve("altered-run"));
        Files.move(altered, work.resolve("altered-run/out"));
        String report = BenchCommand.report(workload, withAltered, "Machine: test\n", "abc1234");
        assertThat(report).contains("| pandas | **VOID** |").contains("- pandas is VOID: 2 differences");
    }

    @Test
    void reportsAFailedRunInTheTableInsteadOfHidingIt() throws IOException {
        Path dir = work.resolve("runs/failed");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("stderr.txt"), "  … orders.csv: 57 % read\n"
                + "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n"
                + "\tat recon.cli.Main.main(Main.java:31)\n");
        BenchCommand.Run failed = new BenchCommand.Run("engine -Xmx512m", new BenchCommand.Measure(1, false, 3.0, 2.5, 600_000), dir);

        String report = BenchCommand.report(workload, List.of(runs.get(0), failed), "Machine: test\n", "abc1234");

        assertThat(report).contains("| engine -Xmx512m | **FAILED** (exit 1) |")
                .contains("- engine -Xmx512m FAILED (exit 1): Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void theRunLogGetsOneRowPerRunWithTheTablesFigures() throws IOException {
        BenchCommand.Machine machine = new BenchCommand.Machine("2 cores (test)", "0.50 0.40 0.30", "0.60 0.40 0.30");
        Path log = work.resolve("log/runs.csv");

        List<RunLog.Row> rows = BenchCommand.rows(workload, runs, machine, Map.of("engine", "-XX:TieredStopAtLevel=1"),
                LocalDate.of(2026, 12, 2), "abc1234", "./recon bench --orders 300");
        RunLog.append(log, rows);

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(1 + runs.size());
        assertThat(lines.get(0)).isEqualTo(RunLog.HEADER);
        RunLog.Row engine = rows.get(0);
        assertThat(engine.get(RunLog.Column.KIND)).isEqualTo("engine");
        assertThat(engine.get(RunLog.Column.ANSWERS)).isEqualTo("reference");
        assertThat(engine.get(RunLog.Column.JVM_OPTIONS)).isEqualTo("-XX:TieredStopAtLevel=1");
        assertThat(Long.parseLong(engine.get(RunLog.Column.ROWS)))
                .isEqualTo(BenchCommand.rows(engineSummary()));
        assertThat(engine.get(RunLog.Column.VS_ENGINE)).isEmpty();
        for (RunLog.Row peer : rows.subList(1, rows.size())) {
            assertThat(peer.get(RunLog.Column.KIND)).isEqualTo("peer");
            assertThat(peer.get(RunLog.Column.ANSWERS)).startsWith("agree (");
            assertThat(peer.get(RunLog.Column.VS_ENGINE)).matches("\\d+\\.\\d\\d");
            assertThat(peer.get(RunLog.Column.MACHINE)).isEqualTo("2 cores (test)");
            assertThat(peer.get(RunLog.Column.WALL_S)).matches("\\d+\\.\\d\\d");
        }
    }
}
