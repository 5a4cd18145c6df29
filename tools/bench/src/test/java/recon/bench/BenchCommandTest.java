package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What of the bench needs the JDK alone; the runs of the engine and the Python peers are BenchCommandIT's. */
class BenchCommandTest {
    @TempDir
    Path work;

    @Test
    void theRepositorysRunLogHasTheColumnsTheBenchWrites() throws IOException {
        Path log = BenchCommand.projectRoot().resolve(RunLog.FILE);

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);

        assertThat(lines.get(0)).isEqualTo(RunLog.HEADER);
        assertThat(lines).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void aFailedEngineRunIsLoggedWithItsErrorAndThePeersAsNotCompared() throws IOException {
        BenchCommand.Workload workload = BenchCommand.prepare(work, 300);
        Path engineDir = Files.createDirectories(work.resolve("runs/engine"));
        Files.writeString(engineDir.resolve("stderr.txt"),
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n\tat recon.cli.Main.main(Main.java:31)\n");
        List<BenchCommand.Run> runs = List.of(
                new BenchCommand.Run("engine", new BenchCommand.Measure(1, false, 3.456, 2.5, 600_000), engineDir),
                new BenchCommand.Run("duckdb", new BenchCommand.Measure(0, false, 1.0, 1.5, 250_000), work.resolve("runs/duckdb")));

        List<RunLog.Row> rows = BenchCommand.rows(workload, runs, new BenchCommand.Machine("2 cores (test)", "1.00 1.00 1.00",
                "2.00 1.00 1.00"), Map.of("engine", "-XX:MaxTenuringThreshold=0"), LocalDate.of(2026, 12, 2),
                "abc1234 (with uncommitted changes)", "./recon bench --quick");

        assertThat(rows).hasSize(2);
        RunLog.Row engine = rows.get(0);
        assertThat(engine.get(RunLog.Column.KIND)).isEqualTo(RunLog.ENGINE);
        assertThat(engine.get(RunLog.Column.COMMIT)).isEqualTo("abc1234");
        assertThat(engine.get(RunLog.Column.COMMAND)).isEqualTo("./recon bench --quick");
        assertThat(engine.get(RunLog.Column.ORDERS)).isEqualTo("300");
        assertThat(engine.get(RunLog.Column.FILES)).isEqualTo("5");
        assertThat(engine.get(RunLog.Column.WALL_S)).isEqualTo("3.46");
        assertThat(engine.get(RunLog.Column.PEAK_RSS_MIB)).isEqualTo("585");
        assertThat(engine.get(RunLog.Column.ANSWERS)).isEqualTo("FAILED (exit 1)");
        assertThat(engine.get(RunLog.Column.ROWS)).isEmpty();
        assertThat(engine.get(RunLog.Column.JVM_OPTIONS)).isEqualTo("-XX:MaxTenuringThreshold=0");
        assertThat(engine.get(RunLog.Column.NOTES)).isEqualTo(
                "with uncommitted changes; FAILED (exit 1): Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
        RunLog.Row peer = rows.get(1);
        assertThat(peer.get(RunLog.Column.KIND)).isEqualTo(RunLog.PEER);
        assertThat(peer.get(RunLog.Column.ANSWERS)).isEqualTo("not compared (engine failed)");
        assertThat(peer.get(RunLog.Column.VS_ENGINE)).isEmpty();
        assertThat(peer.get(RunLog.Column.JVM_OPTIONS)).isEmpty();
        assertThat(peer.get(RunLog.Column.LOAD_AFTER)).isEqualTo("2.00 1.00 1.00");
    }

    @Test
    void theCommandIsTheLineTheUserTyped() {
        assertThat(BenchCommand.command(List.of())).isEqualTo("./recon bench");
        assertThat(BenchCommand.command(List.of("--quick", "--pipeline-orders", "5000")))
                .isEqualTo("./recon bench --quick --pipeline-orders 5000");
    }
}
