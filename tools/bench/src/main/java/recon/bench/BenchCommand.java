package recon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import recon.cli.Args;
import recon.cli.Main;
import recon.domain.Money;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/**
 * {@code ./recon bench}: how fast and how lean the offline engine is, against the same rules written in
 * pandas and in DuckDB (tools/bench/), on one generated store. Each run is a child process measured by
 * the kernel (wall time, CPU time, peak resident memory); the peers' answers are compared with the
 * engine's before their times are believed. Prints the table and appends one row per run to
 * docs/benchmarks/runs.csv ({@link RunLog}); docs/benchmarks.md keeps the latest figures and the method.
 */
final class BenchCommand {
    static final int DEFAULT_ORDERS = 1_000_000;
    static final int QUICK_ORDERS = 100_000;
    /** The benchmarked store: the generator's biggest, two overlapping GBK ledgers, orders and refunds. */
    static final String TENANT = "t1";
    static final String STORE = "s1";
    /** What the peers implement; the other anomaly types (balance, day risks) are not compared. */
    static final Set<String> COMPARED_TYPES = Set.of("MISSING_SETTLEMENT", "AMOUNT_MISMATCH",
            "DUPLICATE_SETTLEMENT", "SETTLEMENT_ON_CLOSED_ORDER", "UNMATCHED_SETTLEMENT", "REFUND_NOT_DEDUCTED",
            "REFUND_AMOUNT_MISMATCH", "UNEXPLAINED_REFUND", "FEE_MISMATCH");
    static final List<String> DAY_TOTALS =
            List.of("settledCount", "settledAmount", "refundAmount", "commissionAmount", "otherFeeAmount");
    static final List<String> PEERS = List.of("pandas", "duckdb");
    static final String SMALL_HEAP = "-Xmx512m";

    /** One run of the engine: its JVM heap option (null: the default) and the report files it writes. */
    record EngineRun(String name, String heap, String formats) {}

    /** The engine's run that writes every report file: the workbooks and pages too. */
    static final String ALL_REPORTS = "engine, all reports";
    /**
     * The engine writes summary.json and the CSV of every day and month to stand against the peers'
     * output; the run with every report file shows what those cost.
     */
    static final List<EngineRun> ENGINE_RUNS = List.of(
            new EngineRun("engine", null, "json,csv"),
            new EngineRun("engine " + SMALL_HEAP, SMALL_HEAP, "json,csv"),
            new EngineRun(ALL_REPORTS, null, "json,csv,xlsx,html"));
    /** A run still going after this long is killed and reported as FAILED. */
    static final int RUN_TIMEOUT_SECONDS = 3600;
    /** How long the machine is left alone after the data is generated, before the first timed run. */
    private static final long SETTLE_MILLIS = 3_000;
    private static final int DIFFERENCES_SHOWN = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argList) throws IOException, InterruptedException {
        List<String> rest = new ArrayList<>(argList);
        if (rest.remove("--cold-start")) {
            return new ColdStartBench(out, err, projectRoot().resolve(RunLog.FILE)).run(rest);
        }
        String command = command(argList);
        boolean quick = rest.remove("--quick");
        boolean pipelineOnly = rest.remove("--pipeline");
        Args args = new Args(rest, Set.of("orders", "dir", "pipeline-orders", "pattern", "days"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("bench takes no file arguments");
        }
        if (!pipelineOnly && (args.optional("pattern", null) != null || args.optional("days", null) != null)) {
            throw new Args.UsageException("--pattern and --days go with --pipeline");
        }
        PipelineBench.Pattern pattern;
        try {
            pattern = PipelineBench.Pattern.of(args.optional("pattern", PipelineBench.Pattern.MONTHLY.label()));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        int orders = args.number("orders", quick ? QUICK_ORDERS : DEFAULT_ORDERS);
        // with --pipeline alone, --orders is the pipeline's store
        int pipelineOrders = pipelineOnly ? args.number("orders", PipelineBench.DEFAULT_ORDERS)
                : args.number("pipeline-orders", PipelineBench.DEFAULT_ORDERS);
        int days = args.number("days", PipelineBench.DEFAULT_DAYS);
        Path root = projectRoot();
        String given = args.optional("dir", null);
        Path dir = given == null ? Files.createTempDirectory("recon-bench") : Path.of(given);
        try {
            if (pipelineOnly) {
                return pipeline(root, dir.resolve("pipeline"), pipelineOrders, days, pattern, command) ? Main.OK : Main.FAILED;
            }
            err.println("bench: Python peers' packages (tools/requirements-bench.txt)...");
            Path python = python(root);
            err.printf("bench: generating %,d orders for %s/%s as a seller sends them (XLSX, ZIP, GBK CSV) in %s...%n",
                    orders, TENANT, STORE, dir);
            Workload workload = prepare(dir, orders);
            settle();
            String loadBefore = loadAverage();
            List<Run> runs = new ArrayList<>();
            Map<String, String> engineOptions = new LinkedHashMap<>();
            String jvmOptions = "";
            for (EngineRun engine : ENGINE_RUNS) {
                Path runDir = dir.resolve("runs").resolve(engine.name().replaceAll("[^A-Za-z0-9]+", "_"));
                List<String> engineCommand = engineCommand(root, workload, runDir.resolve("out"), engine);
                String options = String.join(" ", engineCommand.subList(1, engineCommand.indexOf("-cp")));
                if (engine.heap() == null) {
                    jvmOptions = options;
                }
                engineOptions.put(engine.name(), options);
                err.printf("bench: %s (%s)...%n", engine.name(), options);
                runs.add(new Run(engine.name(), measure(python, root, runDir, engineCommand), runDir));
            }
            for (String peer : PEERS) {
                err.printf("bench: %s...%n", peer);
                Path runDir = dir.resolve("runs").resolve(peer);
                runs.add(new Run(peer, measure(python, root, runDir, peerCommand(python, root, peer, workload,
                        runDir.resolve("out"))), runDir));
            }
            Machine machine = machine(python, loadBefore);
            String commit = commit(root);
            out.print(report(workload, runs, machine.sentence()
                    + "Engine JVM options (tools/jvm-options.sh): %s.%n".formatted(jvmOptions), commit));
            List<RunLog.Row> rows = rows(workload, runs, machine, engineOptions, LocalDate.now(), commit, command);
            Path log = root.resolve(RunLog.FILE);
            RunLog.append(log, rows);
            out.printf("%nappended %d rows to %s%n", rows.size(), log);
            boolean pipelineOk = pipeline(root, dir.resolve("pipeline"), pipelineOrders, days, pattern, command);
            return runs.stream().allMatch(r -> r.measure().ok()) && pipelineOk ? Main.OK : Main.FAILED;
        } finally {
            if (given == null) {
                deleteTree(dir);
            }
        }
    }

    /**
     * The emulated pipeline on a generated store, priced (PipelineBench), its rows appended to the run log;
     * true when it drained without dead letters.
     */
    private boolean pipeline(Path root, Path dir, int orders, int days, PipelineBench.Pattern pattern, String command)
            throws IOException {
        err.printf("bench: the pipeline on the emulator with %,d orders over %d days, %s uploads...%n", orders, days,
                pattern.label());
        Workload workload = prepare(dir, orders, days, pattern == PipelineBench.Pattern.DAILY);
        String loadBefore = loadAverage();
        PipelineBench.Result result = PipelineBench.run(workload.store(), orders, pattern, err);
        String loadAfter = loadAverage();
        String commit = commit(root);
        out.print(PipelineBench.report(result, orders, commit, loadBefore, loadAfter));
        List<RunLog.Row> rows = PipelineBench.rows(result, orders, LocalDate.now(), commit, command, host(), loadBefore,
                loadAfter);
        Path log = root.resolve(RunLog.FILE);
        RunLog.append(log, rows);
        out.printf("%nappended %d rows to %s%n", rows.size(), log);
        out.println(PipelineBench.costLine(result, orders));
        return result.ok();
    }

    /** The command line as the user typed it, for the run log. */
    static String command(List<String> args) {
        return "./recon bench" + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    /** The generated store: its folder of exports, its config, the exports' total size. */
    record Workload(int orders, StoreSample store, Path config, long bytes) {}

    /** What the kernel measured of one child process. */
    record Measure(int exit, boolean timedOut, double seconds, double cpuSeconds, long peakRssKb) {
        boolean ok() {
            return exit == 0 && !timedOut;
        }
    }

    /**
     * Before the first timed run: the generated files written to disk and this JVM's garbage collected, then a
     * pause, so that neither the write-back of the page cache nor this process's collector and compiler run
     * beside the first run (without it the engine's first run was slower than its second, 2.4 s against 2.0 s
     * at 100 k).
     */
    private static void settle() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        System.gc();
        Thread.sleep(SETTLE_MILLIS);
    }

    /** One timed run; its output is in dir/out, its console in dir/stdout.txt and dir/stderr.txt. */
    record Run(String name, Measure measure, Path dir) {
        Path out() {
            return dir.resolve("out");
        }
    }

    /**
     * A peer's answers against the engine's.
     *
     * @param anomalies the engine's anomalies of the compared types
     * @param days the days compared
     */
    record Comparison(int anomalies, int days, List<String> differences) {
        boolean agrees() {
            return differences.isEmpty();
        }
    }

    /**
     * Generates the store with {@code orders} orders as a seller sends its exports: the first order report an
     * XLSX, the first ledger a ZIP, the other files GBK or UTF-8 CSV. The engine and the peers read these
     * same files, each decoding and unpacking them in its timed run.
     */
    static Workload prepare(Path dir, int orders) throws IOException {
        return prepare(dir, SampleGenerator.Options.defaults().withOrders(Math.multiplyExact(orders, 2)).withRealStoreMix(),
                orders);
    }

    /**
     * @param days the days the orders are spread over, from the generator's first day
     * @param dailyExports every day's exports in files of their own, as a seller uploading every morning has them
     */
    static Workload prepare(Path dir, int orders, int days, boolean dailyExports) throws IOException {
        // the generator gives t1/s1 half of all orders
        SampleGenerator.Options options = SampleGenerator.Options.defaults().withOrders(Math.multiplyExact(orders, 2))
                .withDays(days);
        return prepare(dir, dailyExports ? options.withDailyExports() : options, orders);
    }

    private static Workload prepare(Path dir, SampleGenerator.Options options, int orders) throws IOException {
        Manifest manifest = new SampleGenerator(options).generate(dir.resolve("samples"));
        StoreSample store = manifest.stores().stream()
                .filter(s -> s.tenant().equals(TENANT) && s.store().equals(STORE)).findFirst().orElseThrow();
        if (!store.rejectedFiles().isEmpty()) {
            throw new IllegalStateException("the benchmarked store must have no rejected files");
        }
        long bytes = 0;
        for (String file : store.files()) {
            bytes += Files.size(store.dir().resolve(file));
        }
        return new Workload(orders, store, store.dir().resolve("config.json"), bytes);
    }

    /**
     * The engine as a user runs it, in a child JVM: the same java binary, the JVM options
     * tools/jvm-options.sh gives this reconcile (as the recon launcher does), this process's class path.
     */
    static List<String> engineCommand(Path root, Workload workload, Path out, EngineRun engine)
            throws IOException, InterruptedException {
        List<String> reconcile = List.of("reconcile", "--tenant", TENANT, "--store", STORE, "--config",
                workload.config().toString(), "--formats", engine.formats(), "--out", out.toString(),
                workload.store().dir().toString());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions(root, reconcile));
        if (engine.heap() != null) {
            command.add(engine.heap());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(reconcile);
        return command;
    }

    /** What tools/jvm-options.sh, which the launcher uses too, gives a command of this JDK. */
    static List<String> jvmOptions(Path root, List<String> commandArgs) throws IOException, InterruptedException {
        List<String> script = new ArrayList<>(List.of("bash", root.resolve("tools/jvm-options.sh").toString()));
        script.addAll(commandArgs);
        ProcessBuilder builder = new ProcessBuilder(script).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return output(builder, "tools/jvm-options.sh").lines().toList();
    }

    static List<String> peerCommand(Path python, Path root, String peer, Workload workload, Path out) {
        return List.of(python.toString(), root.resolve("tools/bench/python/peer_" + peer + ".py").toString(),
                "--input", workload.store().dir().toString(), "--config", workload.config().toString(),
                "--out", out.toString());
    }

    /** Runs the command under tools/bench/python/measure.py; its console goes to runDir/stdout.txt and stderr.txt. */
    static Measure measure(Path python, Path root, Path runDir, List<String> command)
            throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        List<String> measured = new ArrayList<>(List.of(python.toString(),
                root.resolve("tools/bench/python/measure.py").toString(),
                "--stdout", runDir.resolve("stdout.txt").toString(), "--stderr", runDir.resolve("stderr.txt").toString(),
                "--timeout", Integer.toString(RUN_TIMEOUT_SECONDS), "--"));
        measured.addAll(command);
        String result = output(new ProcessBuilder(measured).redirectError(ProcessBuilder.Redirect.INHERIT), "measure.py");
        JsonNode json = JSON.readTree(result);
        return new Measure(json.get("exit").asInt(), json.get("timedOut").asBoolean(), json.get("seconds").asDouble(),
                json.get("cpuSeconds").asDouble(), json.get("peakRssKb").asLong());
    }

    /** The project's virtualenv python, with the peers' packages installed by tools/venv.sh if need be. */
    static Path python(Path root) throws IOException, InterruptedException {
        ProcessBuilder venv = new ProcessBuilder("bash", root.resolve("tools/venv.sh").toString(),
                root.resolve("tools/requirements-bench.txt").toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        return Path.of(output(venv, "tools/venv.sh").strip()).resolve("bin/python");
    }

    /** The folder holding tools/bench/: above the working directory or above this class's jar. */
    static Path projectRoot() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // no code source: the working directory must do
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("tools/bench/python/peer_pandas.py"))) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("tools/bench/ not found above " + starts.get(0) + ": run from the project");
    }

    /** Data rows of the files the engine read (summary.json files[].rows). */
    static long rows(Path summary) throws IOException {
        long rows = 0;
        for (JsonNode file : JSON.readTree(summary.toFile()).path("files")) {
            rows += file.path("rows").asLong();
        }
        return rows;
    }

    /** The peer's anomalies and day totals against the engine's summary.json, differences first to last. */
    static Comparison compare(Path engineSummary, Path peerOut, String peer) throws IOException {
        JsonNode summary = JSON.readTree(engineSummary.toFile());
        TreeSet<String> engine = new TreeSet<>();
        for (JsonNode a : summary.path("anomalies")) {
            if (COMPARED_TYPES.contains(a.path("type").asText())) {
                engine.add(anomalyKey(a.path("type").asText(), a.path("day").asText(), text(a, "orderId"),
                        text(a, "lineId"), Money.parseYuan(a.path("expected").asText()),
                        Money.parseYuan(a.path("actual").asText())));
            }
        }
        TreeSet<String> theirs = new TreeSet<>();
        for (JsonNode a : jsonLines(peerOut.resolve("anomalies.jsonl"))) {
            theirs.add(anomalyKey(a.path("type").asText(), a.path("day").asText(), text(a, "orderId"),
                    text(a, "lineId"), a.path("expected").asLong(), a.path("actual").asLong()));
        }
        List<String> differences = new ArrayList<>();
        engine.stream().filter(k -> !theirs.contains(k)).forEach(k -> differences.add("only in engine: " + k));
        theirs.stream().filter(k -> !engine.contains(k)).forEach(k -> differences.add("only in " + peer + ": " + k));

        Map<String, long[]> engineDays = new TreeMap<>();
        for (JsonNode d : summary.path("days")) {
            long[] totals = engineDays.computeIfAbsent(d.path("day").asText(), k -> new long[DAY_TOTALS.size()]);
            totals[0] = d.path(DAY_TOTALS.get(0)).asLong();
            for (int i = 1; i < DAY_TOTALS.size(); i++) {
                totals[i] = Money.parseYuan(d.path(DAY_TOTALS.get(i)).asText());
            }
        }
        Map<String, long[]> peerDays = new TreeMap<>();
        for (JsonNode d : jsonLines(peerOut.resolve("days.jsonl"))) {
            long[] totals = peerDays.computeIfAbsent(d.path("day").asText(), k -> new long[DAY_TOTALS.size()]);
            for (int i = 0; i < DAY_TOTALS.size(); i++) {
                totals[i] = d.path(DAY_TOTALS.get(i)).asLong();
            }
        }
        TreeSet<String> days = new TreeSet<>(engineDays.keySet());
        days.addAll(peerDays.keySet());
        long[] none = new long[DAY_TOTALS.size()];
        for (String day : days) {
            long[] ours = engineDays.getOrDefault(day, none);
            long[] their = peerDays.getOrDefault(day, none);
            for (int i = 0; i < DAY_TOTALS.size(); i++) {
                if (ours[i] != their[i]) {
                    differences.add("%s %s: engine %d, %s %d".formatted(day, DAY_TOTALS.get(i), ours[i], peer, their[i]));
                }
            }
        }
        return new Comparison(engine.size(), days.size(), differences);
    }

    private static String anomalyKey(String type, String day, String orderId, String lineId, long expected, long actual) {
        return "%s %s order=%s line=%s expected=%d actual=%d".formatted(type, day, orderId, lineId, expected, actual);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "-";
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        }
        return nodes;
    }

    /**
     * What the table says of one run.
     *
     * @param answers the answers cell, in Markdown (a failure or a difference in bold)
     * @param vsEngine a peer's wall time ÷ the engine's (default heap), null for the engine's runs or when untimed
     * @param note why the run FAILED or is VOID, empty otherwise
     * @param details the first differences of a VOID peer
     */
    record Verdict(String answers, Double vsEngine, String note, List<String> details) {
        String plainAnswers() {
            return answers.replace("**", "");
        }
    }

    /** Each run's answers against the engine's (the first run), its time against the engine's, what went wrong. */
    static List<Verdict> verdicts(List<Run> runs) throws IOException {
        Run engine = runs.get(0);
        Path engineSummary = engine.out().resolve("summary.json");
        boolean engineOk = engine.measure().ok() && Files.exists(engineSummary);
        long rows = engineOk ? rows(engineSummary) : 0;
        List<Verdict> verdicts = new ArrayList<>();
        for (Run run : runs) {
            Measure m = run.measure();
            String answers;
            String note = "";
            List<String> details = List.of();
            if (!m.ok()) {
                String why = m.timedOut() ? "killed after %d s".formatted(RUN_TIMEOUT_SECONDS) : "exit " + m.exit();
                answers = "**FAILED** (" + why + ")";
                note = "FAILED (%s): %s".formatted(why, failure(run.dir().resolve("stderr.txt")));
            } else if (run == engine) {
                answers = "reference";
            } else if (!engineOk) {
                answers = "not compared (engine failed)";
            } else if (run.name().startsWith("engine")) {
                boolean same = Arrays.equals(Files.readAllBytes(engineSummary),
                        Files.readAllBytes(run.out().resolve("summary.json")));
                answers = same ? "same summary.json" : "**summary.json differs**";
            } else {
                Comparison c = compare(engineSummary, run.out(), run.name());
                answers = c.agrees() ? "agree (%d anomalies, %d days)".formatted(c.anomalies(), c.days()) : "**VOID**";
                if (!c.agrees()) {
                    note = "VOID: %d differences from the engine".formatted(c.differences().size());
                    details = c.differences().stream().limit(DIFFERENCES_SHOWN).toList();
                }
            }
            boolean timed = m.ok() && rows > 0;
            Double vsEngine = run != engine && !run.name().startsWith("engine") && timed && engine.measure().ok()
                    ? m.seconds() / engine.measure().seconds() : null;
            verdicts.add(new Verdict(answers, vsEngine, note, details));
        }
        return verdicts;
    }

    /** The Markdown section: what ran where, the table, and why a run is VOID or FAILED. */
    static String report(Workload workload, List<Run> runs, String machine, String commit) throws IOException {
        Run engine = runs.get(0);
        Path engineSummary = engine.out().resolve("summary.json");
        boolean engineOk = engine.measure().ok() && Files.exists(engineSummary);
        long rows = engineOk ? rows(engineSummary) : 0;
        List<Verdict> verdicts = verdicts(runs);
        StringBuilder notes = new StringBuilder();
        StringBuilder table = new StringBuilder("""
                | run | answers | wall s | rows/s | CPU s | cores busy | rows per CPU-s | peak RSS MiB | engine faster by \
                | with every report |
                |---|---|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        Run allReports = runs.stream().filter(r -> r.name().equals(ALL_REPORTS)).findFirst().orElse(null);
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            Verdict verdict = verdicts.get(i);
            Measure m = run.measure();
            if (!verdict.note().isEmpty()) {
                notes.append("- %s %s%s%n".formatted(run.name(), verdict.note().startsWith("VOID") ? "is " : "",
                        verdict.details().isEmpty() ? verdict.note() : verdict.note() + ", first ones:"));
                verdict.details().forEach(d -> notes.append("  - ").append(d).append('\n'));
            }
            boolean timed = m.ok() && rows > 0;
            String ratio = "—";
            if (verdict.vsEngine() != null) {
                double r = verdict.vsEngine();
                ratio = r >= 1 ? "%.1f×".formatted(r) : "%.2f× (peer faster)".formatted(r);
            }
            // the same ratio against the engine that also writes the workbook and the page every accountant opens
            String reportsRatio = "—";
            if (verdict.vsEngine() != null && allReports != null && allReports.measure().ok()) {
                double r = m.seconds() / allReports.measure().seconds();
                reportsRatio = r >= 1 ? "%.1f×".formatted(r) : "%.2f× (peer faster)".formatted(r);
            }
            table.append("| %s | %s | %.1f | %s | %.1f | %.2f | %s | %,d | %s | %s |%n".formatted(run.name(),
                    verdict.answers(), m.seconds(), timed ? "%,.0f".formatted(rows / m.seconds()) : "—", m.cpuSeconds(),
                    m.cpuSeconds() / m.seconds(), timed ? "%,.0f".formatted(rows / m.cpuSeconds()) : "—",
                    m.peakRssKb() / 1024, ratio, reportsRatio));
        }
        String head = "## %s · %,d orders · commit %s%n%n".formatted(LocalDate.now(), workload.orders(), commit);
        String data = ("Data: store %s/%s, %,d orders, %d files (%,.0f MB as exported), %,d data rows. "
                + "Runs one after the other; \"engine faster by\" = peer wall time ÷ engine wall time (default heap), "
                + "\"with every report\" = peer wall time ÷ the wall time of the engine's run that writes every report.%n")
                .formatted(TENANT, STORE, workload.orders(), workload.store().files().size(), workload.bytes() / 1e6, rows);
        return head + data + machine + "\n" + table + (notes.isEmpty() ? "" : "\n" + notes);
    }

    /**
     * The run log's rows of the engine's and the peers' runs: one each, with what the table shows but for
     * the figures it derives (rows/s, cores busy, rows per CPU-second: rows, wall and CPU time give them).
     *
     * @param jvmOptions each engine run's JVM options, by run name
     */
    static List<RunLog.Row> rows(Workload workload, List<Run> runs, Machine machine, Map<String, String> jvmOptions,
            LocalDate date, String commit, String command) throws IOException {
        Path engineSummary = runs.get(0).out().resolve("summary.json");
        long rows = runs.get(0).measure().ok() && Files.exists(engineSummary) ? rows(engineSummary) : 0;
        List<Verdict> verdicts = verdicts(runs);
        List<RunLog.Row> result = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            Verdict verdict = verdicts.get(i);
            Measure m = run.measure();
            boolean engine = run.name().startsWith("engine");
            RunLog.Row row = RunLog.row(date, commit, command, engine ? RunLog.ENGINE : RunLog.PEER, run.name())
                    .set(RunLog.Column.ORDERS, workload.orders())
                    .set(RunLog.Column.FILES, workload.store().files().size())
                    .set(RunLog.Column.INPUT_MB, workload.bytes() / 1e6, 1)
                    .set(RunLog.Column.ROWS, rows == 0 ? "" : Long.toString(rows))
                    .set(RunLog.Column.WALL_S, m.seconds(), 2)
                    .set(RunLog.Column.CPU_S, m.cpuSeconds(), 2)
                    .set(RunLog.Column.PEAK_RSS_MIB, m.peakRssKb() / 1024)
                    .set(RunLog.Column.ANSWERS, verdict.plainAnswers())
                    .set(RunLog.Column.LOAD_BEFORE, machine.loadBefore())
                    .set(RunLog.Column.LOAD_AFTER, machine.loadAfter())
                    .set(RunLog.Column.JVM_OPTIONS, engine ? jvmOptions.getOrDefault(run.name(), "") : "")
                    .set(RunLog.Column.MACHINE, machine.description());
            if (verdict.vsEngine() != null) {
                row.set(RunLog.Column.VS_ENGINE, verdict.vsEngine(), 2);
            }
            row.note(verdict.details().isEmpty() ? verdict.note()
                    : verdict.note() + ", first ones: " + String.join("; ", verdict.details()));
            result.add(row);
        }
        return result;
    }

    /**
     * The machine the runs shared and how busy it was around them.
     *
     * @param description cores, memory, CPU, JDK and the peers' versions
     */
    record Machine(String description, String loadBefore, String loadAfter) {
        /** The line under a table's heading. */
        String sentence() {
            return "Machine: %s. Load average (1, 5, 15 min) before the runs %s, after %s.%n".formatted(description,
                    loadBefore, loadAfter);
        }
    }

    /** Cores, memory, CPU, JDK, the peers' versions, and how busy the machine was around the runs. */
    static Machine machine(Path python, String loadBefore) throws IOException, InterruptedException {
        String versions = output(new ProcessBuilder(python.toString(), "-c",
                "import sys, pandas, pyarrow, duckdb; print(f'Python {sys.version.split()[0]}, pandas {pandas.__version__},"
                        + " pyarrow {pyarrow.__version__}, DuckDB {duckdb.__version__}')"), "python").strip();
        return new Machine(host() + "; " + versions, loadBefore, loadAverage());
    }

    /** Cores, CPU, memory and this JDK: "2 cores (AMD EPYC), 23.5 GiB memory; JDK 25.0.3+9-LTS (OpenJDK 64-Bit Server VM)". */
    static String host() {
        String memory = "?";
        String cpu = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = "%.1f GiB".formatted(kb / 1024.0 / 1024.0);
                }
            }
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            // not Linux: leave the unknowns as "?"
        }
        return "%d cores (%s), %s memory; JDK %s (%s)".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                Runtime.version(), System.getProperty("java.vm.name"));
    }

    /** The first three numbers of /proc/loadavg: other work on the machine skews every time here. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    static String commit(Path root) {
        try {
            String head = output(new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"), "git").strip();
            // the run log itself changes as the bench appends to it
            String changes = output(new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain",
                    "--untracked-files=no", "--", ".", ":!" + RunLog.FILE), "git").strip();
            return changes.isEmpty() ? head : head + " (with uncommitted changes)";
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The first line of the run's error output naming an exception or error, else its last line. */
    private static String failure(Path stderr) throws IOException {
        if (!Files.exists(stderr)) {
            return "";
        }
        List<String> lines = Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList();
        return lines.stream().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
                .orElse(lines.isEmpty() ? "" : lines.getLast()).strip();
    }

    /** The standard output of a command that must succeed. */
    private static String output(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process process = builder.start();
        String text;
        try (InputStream in = process.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(what + " failed (exit " + exit + ")");
        }
        return text;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
