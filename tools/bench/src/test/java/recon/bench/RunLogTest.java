package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.local.RequestMeter;

/** docs/benchmarks/runs.csv as the bench writes it: the header once, one line per row, every column in every line. */
class RunLogTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final int COLUMNS = RunLog.Column.values().length;

    @TempDir
    Path dir;

    private static RunLog.Row engineRow(double wall) {
        return RunLog.row(DAY, "abc1234", "./recon bench --quick", RunLog.ENGINE, "engine, all reports")
                .set(RunLog.Column.ORDERS, 100_000)
                .set(RunLog.Column.WALL_S, wall, 2)
                .set(RunLog.Column.ANSWERS, "agree (27 anomalies, 31 days)")
                .set(RunLog.Column.NOTES, "said \"twice\"");
    }

    /** The cells of one CSV line, quotes undone. */
    private static List<String> cells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void theHeaderNamesEveryColumnInLowerCase() {
        assertThat(RunLog.HEADER).startsWith("date,commit,command,kind,run,orders,").endsWith(",machine,notes");
        assertThat(cells(RunLog.HEADER)).hasSize(COLUMNS).contains("wall_s", "cpu_s", "peak_rss_mib", "cost_per_100k_usd");
    }

    @Test
    void aRowHasEveryColumnInTheHeadersOrderTheUnsetOnesEmpty() {
        List<String> cells = cells(engineRow(1.0).csv());

        assertThat(cells).hasSize(COLUMNS);
        List<String> header = cells(RunLog.HEADER);
        assertThat(cells.get(header.indexOf("date"))).isEqualTo("2026-12-02");
        assertThat(cells.get(header.indexOf("commit"))).isEqualTo("abc1234");
        assertThat(cells.get(header.indexOf("kind"))).isEqualTo("engine");
        assertThat(cells.get(header.indexOf("run"))).isEqualTo("engine, all reports");
        assertThat(cells.get(header.indexOf("orders"))).isEqualTo("100000");
        assertThat(cells.get(header.indexOf("cpu_s"))).isEmpty();
        assertThat(cells.get(header.indexOf("notes"))).isEqualTo("said \"twice\"");
    }

    @Test
    void numbersHaveAPointTheirDecimalsAndNoThousandsSeparator() {
        RunLog.Row row = new RunLog.Row()
                .set(RunLog.Column.WALL_S, 6.19345, 2)
                .set(RunLog.Column.CPU_S, 2.005, 2)
                .set(RunLog.Column.INPUT_MB, 689.0, 1)
                .set(RunLog.Column.ROWS, 3_596_828)
                .set(RunLog.Column.COST_USD, new BigDecimal("0.0050469999"), 6)
                .set(RunLog.Column.VS_ENGINE, Double.NaN, 2);

        assertThat(row.get(RunLog.Column.WALL_S)).isEqualTo("6.19");
        assertThat(row.get(RunLog.Column.CPU_S)).isEqualTo("2.01");
        assertThat(row.get(RunLog.Column.INPUT_MB)).isEqualTo("689.0");
        assertThat(row.get(RunLog.Column.ROWS)).isEqualTo("3596828");
        assertThat(row.get(RunLog.Column.COST_USD)).isEqualTo("0.005047");
        assertThat(row.get(RunLog.Column.VS_ENGINE)).isEmpty();
    }

    @Test
    void cellsWithACommaAQuoteOrALineEndAreQuoted() {
        assertThat(RunLog.field("engine -Xmx512m")).isEqualTo("engine -Xmx512m");
        assertThat(RunLog.field("engine, all reports")).isEqualTo("\"engine, all reports\"");
        assertThat(RunLog.field("said \"twice\"")).isEqualTo("\"said \"\"twice\"\"\"");
        assertThat(RunLog.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aCommitWithUncommittedChangesKeepsTheHashAndNotesTheRest() {
        RunLog.Row row = RunLog.row(DAY, "abc1234 (with uncommitted changes)", "./recon bench", RunLog.PEER, "duckdb")
                .note("VOID: 2 differences from the engine");

        assertThat(row.get(RunLog.Column.COMMIT)).isEqualTo("abc1234");
        assertThat(row.get(RunLog.Column.NOTES)).isEqualTo("with uncommitted changes; VOID: 2 differences from the engine");
    }

    @Test
    void appendingTwiceKeepsBothRunsUnderOneHeader() throws IOException {
        Path file = dir.resolve("docs/benchmarks/runs.csv");

        RunLog.append(file, List.of(engineRow(1.0)));
        RunLog.append(file, List.of(engineRow(2.0), engineRow(3.0)));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(RunLog.HEADER);
        assertThat(lines.stream().filter(RunLog.HEADER::equals)).hasSize(1);
        assertThat(lines.subList(1, 4)).extracting(l -> cells(l).get(RunLog.Column.WALL_S.ordinal()))
                .containsExactly("1.00", "2.00", "3.00");
    }

    @Test
    void anEmptyFileGetsTheHeaderAndAFileWithoutItsLastLineEndGetsOne() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        RunLog.append(empty, List.of(engineRow(1.0)));
        assertThat(Files.readAllLines(empty)).hasSize(2).first().isEqualTo(RunLog.HEADER);

        Path cut = dir.resolve("cut.csv");
        Files.writeString(cut, RunLog.HEADER + "\n" + engineRow(1.0).csv());
        RunLog.append(cut, List.of(engineRow(2.0)));
        assertThat(Files.readAllLines(cut)).hasSize(3);
        assertThat(Files.readString(cut)).endsWith("\n");
    }

    @Test
    void aFileWithOtherColumnsIsLeftAlone() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "date,commit,wall_s\n2026-11-27,fb25301,6.2\n");

        assertThatThrownBy(() -> RunLog.append(other, List.of(engineRow(1.0)))).isInstanceOf(IOException.class)
                .hasMessageContaining("other columns");
        assertThat(Files.readString(other)).isEqualTo("date,commit,wall_s\n2026-11-27,fb25301,6.2\n");
    }

    @Test
    void aPipelineRunGivesItsTotalThenOneRowPerPricedLineFunctionAndOperation() {
        List<PipelineCost.Function> functions = List.of(
                new PipelineCost.Function("parse", 1024, 1, 10, 10, 2.0),
                new PipelineCost.Function("match", 2048, 10, 3, 5, 1.5),
                new PipelineCost.Function("report", 2048, 10, 2, 2, 0.5));
        List<RequestMeter.Usage> requests = List.of(
                new RequestMeter.Usage("DynamoDb", "BatchWriteItem", 4, 100, 0, 0, 0),
                new RequestMeter.Usage("S3", "PutObject", 200, 0, 0, 2_000_000, 0));
        PipelineCost cost = PipelineCost.of(50_000, functions, requests);
        PipelineBench.Result result = new PipelineBench.Result(PipelineBench.Pattern.DAILY, 5, 3, true, 0, 18.04, functions,
                List.of(new PipelineBench.Peak("parse", 0.4, 180), new PipelineBench.Peak("match", 1.0, 900),
                        new PipelineBench.Peak("report", 0.5, 400)),
                requests, cost,
                PipelineCost.of(50_000, functions, List.of()));

        List<RunLog.Row> rows = PipelineBench.rows(result, 50_000, DAY, "abc1234", "./recon bench --pipeline", "2 cores",
                "1.00 1.00 1.00", "1.10 1.00 1.00");

        assertThat(rows).hasSize(2 + cost.lines().size() + functions.size() + requests.size());
        RunLog.Row total = rows.get(0);
        assertThat(total.get(RunLog.Column.RUN)).isEqualTo("total, daily uploads");
        assertThat(rows.get(1).get(RunLog.Column.RUN)).isEqualTo("a night with no upload");
        assertThat(total.get(RunLog.Column.KIND)).isEqualTo(RunLog.PIPELINE);
        assertThat(total.get(RunLog.Column.ANSWERS)).isEqualTo("drained, 0 dead letters");
        assertThat(total.get(RunLog.Column.WALL_S)).isEqualTo("18.0");
        assertThat(new BigDecimal(total.get(RunLog.Column.COST_PER_100K_USD)))
                .isEqualByComparingTo(cost.per100k(cost.total()).setScale(6, java.math.RoundingMode.HALF_UP));
        Map<String, RunLog.Row> byRun = new LinkedHashMap<>();
        rows.forEach(r -> byRun.put(r.get(RunLog.Column.KIND) + " " + r.get(RunLog.Column.RUN), r));
        RunLog.Row duration = byRun.get("pipeline-cost Lambda duration, arm64, GB-seconds");
        assertThat(duration.get(RunLog.Column.QUANTITY)).isEqualTo("6");
        assertThat(byRun.get("pipeline-cost Lambda requests (invocations)").get(RunLog.Column.QUANTITY)).isEqualTo("15");
        RunLog.Row match = byRun.get("pipeline-function match");
        assertThat(match.get(RunLog.Column.WALL_S)).isEqualTo("1.50");
        assertThat(match.get(RunLog.Column.GB_S)).isEqualTo("3.00");
        assertThat(match.get(RunLog.Column.MEMORY_MB)).isEqualTo("2048");
        assertThat(match.get(RunLog.Column.NOTES)).isEqualTo("longest invocation 1.0 s, peak heap 900 MiB");
        RunLog.Row writes = byRun.get("pipeline-requests DynamoDb BatchWriteItem");
        assertThat(writes.get(RunLog.Column.QUANTITY)).isEqualTo("4");
        assertThat(writes.get(RunLog.Column.WRITE_UNITS)).isEqualTo("100.0");
        assertThat(writes.get(RunLog.Column.READ_UNITS)).isEmpty();
        assertThat(byRun.get("pipeline-requests S3 PutObject").get(RunLog.Column.MB_PUT)).isEqualTo("2.00");
        assertThat(rows).allSatisfy(r -> assertThat(cells(r.csv())).hasSize(COLUMNS));
    }

    @Test
    void aColdStartGivesOneRowPerFunctionWithItsJarAndMedians() throws IOException {
        Path jar = dir.resolve("parse-lambda.jar");
        try (RandomAccessFile raf = new RandomAccessFile(jar.toFile(), "rw")) {
            raf.setLength(14_600_000);
        }
        Map<String, List<ColdStartBench.Run>> results = Map.of("parse", List.of(
                new ColdStartBench.Run(900, 880, 500, 380, 1100), new ColdStartBench.Run(856, 838, 485, 353, 1080),
                new ColdStartBench.Run(1000, 990, 520, 470, 1200)));

        List<RunLog.Row> rows = ColdStartBench.rows(Map.of("parse", jar), results, 3, DAY, "abc1234",
                "./recon bench --cold-start --runs 3", "0.07 0.10 0.20", "0.20 0.10 0.20");

        assertThat(rows).hasSize(1);
        RunLog.Row parse = rows.get(0);
        assertThat(parse.get(RunLog.Column.KIND)).isEqualTo(RunLog.COLD_START);
        assertThat(parse.get(RunLog.Column.JAR_MB)).isEqualTo("14.6");
        assertThat(parse.get(RunLog.Column.WALL_S)).isEqualTo("0.900");
        assertThat(parse.get(RunLog.Column.CPU_S)).isEqualTo("1.100");
        assertThat(parse.get(RunLog.Column.STARTUP_MS)).isEqualTo("880");
        assertThat(parse.get(RunLog.Column.INIT_MS)).isEqualTo("500");
        assertThat(parse.get(RunLog.Column.FIRST_EVENT_MS)).isEqualTo("380");
        assertThat(parse.get(RunLog.Column.JVM_OPTIONS)).contains("-XX:TieredStopAtLevel=1");
        assertThat(parse.get(RunLog.Column.NOTES)).isEqualTo("median of 3 runs");
    }
}
