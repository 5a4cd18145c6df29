package recon.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import recon.cli.Args;
import recon.cli.Main;
import recon.functions.aws.AwsClients;
import recon.functions.aws.Settings;
import recon.functions.parse.ParseHandler;
import recon.local.EmulatedStack;
import recon.local.Emulator;
import recon.local.LambdaSqsEvent;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code ./recon bench --cold-start [--runs N]}: each function's Lambda jar, started cold — a new JVM
 * with only that jar (and the {@link FirstEvent} entry point) on its class path, the environment and
 * JVM flags Lambda gives it, no SnapStart — handling its first event against the emulator. Each run
 * is a new store of the generated sample: parse gets one upload's S3 notification as the ingest queue
 * delivers it; the store's other uploads are parsed here, in-process; match then gets the match
 * requests parse sent, report the report requests match sent. Times are medians over the runs. After
 * the timed event each child also runs the handler's SnapStart priming, so that a class the priming
 * needs and the minimized jar lacks fails the run. Prints the table; run by {@code ./recon bench}, it also
 * appends one row per function to the run log ({@link RunLog}).
 */
final class ColdStartBench {
    static final int DEFAULT_RUNS = 5;
    static final List<String> FUNCTIONS = List.of("parse", "match", "report");
    /** The handlers template.yaml names. */
    static final Map<String, String> HANDLERS = Map.of(
            "parse", "recon.functions.parse.ParseHandler",
            "match", "recon.functions.match.MatchHandler",
            "report", "recon.functions.report.ReportHandler");
    /** What Lambda's java21 runtime starts the JVM with: tiered compilation stops at C1, serial GC. */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /**
     * The generated sample: one day of exports, as a store uploads them daily; each run's store is the
     * generator's t1/s1, with about half of the orders.
     */
    static final SampleGenerator.Options SAMPLE = SampleGenerator.Options.defaults().withDays(1).withOrders(1000);
    private static final Duration MESSAGES_TIMEOUT = Duration.ofSeconds(30);
    private static final int RUN_TIMEOUT_SECONDS = 120;

    /** One cold run, in milliseconds: spawn = the child process started, JVM start as the JVM reports it. */
    record Run(long spawnToHandled, long jvmStartToHandled, long init, long firstEvent, long cpu) {
        /** Reads the line {@link FirstEvent} prints, the child having been spawned at spawnedMillis (epoch). */
        static Run parse(String line, long spawnedMillis) {
            String[] f = line.strip().split(" ");
            if (f.length != 6 || !f[0].equals(FirstEvent.PREFIX)) {
                throw new IllegalArgumentException("not a first-event line: " + line);
            }
            long jvmStart = Long.parseLong(f[1]);
            long constructed = Long.parseLong(f[2]);
            long handled = Long.parseLong(f[3]);
            return new Run(handled - spawnedMillis, handled - jvmStart, constructed - jvmStart, handled - constructed,
                    Long.parseLong(f[4]));
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Path log;

    /** A bench that prints its table only. */
    ColdStartBench(PrintStream out, PrintStream err) {
        this(out, err, null);
    }

    /** @param log the run log the rows are appended to; null: none */
    ColdStartBench(PrintStream out, PrintStream err, Path log) {
        this.out = out;
        this.err = err;
        this.log = log;
    }

    int run(List<String> argList) throws IOException, InterruptedException {
        Args args = new Args(argList, Set.of("runs"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("bench --cold-start takes no file arguments");
        }
        int runs = args.number("runs", DEFAULT_RUNS);
        Path root = BenchCommand.projectRoot();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String function : FUNCTIONS) {
            jars.put(function, lambdaJar(root, function));
        }
        Path work = Files.createTempDirectory("recon-cold-start");
        try {
            Path probe = work.resolve("probe");
            Files.createDirectories(probe.resolve("recon/bench"));
            Files.write(probe.resolve("recon/bench/FirstEvent.class"), FirstEvent.classFile());
            StoreSample store = sample(work.resolve("samples"));
            String loadBefore = BenchCommand.loadAverage();
            Map<String, List<Run>> results = measure(jars, probe, store, runs, work.resolve("bodies"));
            String loadAfter = BenchCommand.loadAverage();
            out.print(report(jars, results, runs, loadBefore, loadAfter));
            if (log != null) {
                List<RunLog.Row> rows = rows(jars, results, runs, LocalDate.now(), BenchCommand.commit(root),
                        BenchCommand.command(commandArgs(argList)), loadBefore, loadAfter);
                RunLog.append(log, rows);
                out.printf("%nappended %d rows to %s%n", rows.size(), log);
            }
            return Main.OK;
        } finally {
            deleteTree(work);
        }
    }

    /** The shaded jar of one function, as ./recon build makes it. */
    static Path lambdaJar(Path root, String function) throws IOException {
        Path target = root.resolve("functions").resolve(function).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Lambda jar in " + target + ": run ./recon build first"));
        }
    }

    private Map<String, List<Run>> measure(Map<String, Path> jars, Path probe, StoreSample store, int runs, Path bodies)
            throws IOException, InterruptedException {
        Map<String, List<Run>> results = new LinkedHashMap<>();
        FUNCTIONS.forEach(f -> results.put(f, new ArrayList<>()));
        try (Emulator emulator = Emulator.start()) {
            AwsClients clients = AwsClients.forEndpoint(emulator.endpoint());
            String runId = "cold-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            EmulatedStack stack = EmulatedStack.create(clients, runId, Duration.ofMinutes(5));
            ParseHandler parseHere = new ParseHandler(clients, stack.settings());
            SqsClient sqs = clients.sqs();
            for (int i = 1; i <= runs; i++) {
                err.printf("bench: cold start, run %d of %d...%n", i, runs);
                int inbox = upload(clients, stack, store, "tenants/t1/stores/cold" + i + "/");
                List<Message> uploads = receive(sqs, stack.ingest(), inbox, m -> m.body().contains("inbox"));
                // parse takes one file per invocation (BatchSize 1): the first cold, the others here
                results.get("parse").add(invoke(jars.get("parse"), probe, "parse", environment("parse", stack, emulator),
                        uploads.subList(0, 1), bodies));
                parseHere.handleRequest(LambdaSqsEvent.of(uploads.subList(1, uploads.size()), stack.ingest().arn()), null);
                delete(sqs, stack.ingest(), uploads);
                List<Message> matchRequests = receive(sqs, stack.match(), 1, m -> true);
                results.get("match").add(invoke(jars.get("match"), probe, "match", environment("match", stack, emulator),
                        matchRequests, bodies));
                delete(sqs, stack.match(), matchRequests);
                List<Message> reportRequests = receive(sqs, stack.report(), 1, m -> true);
                results.get("report").add(invoke(jars.get("report"), probe, "report", environment("report", stack, emulator),
                        reportRequests, bodies));
                delete(sqs, stack.report(), reportRequests);
            }
        }
        return results;
    }

    /** The sample store whose exports each run uploads: the generator's t1/s1. */
    private static StoreSample sample(Path dir) throws IOException {
        Manifest manifest = new SampleGenerator(SAMPLE).generate(dir);
        return manifest.stores().stream().filter(s -> s.tenant().equals("t1") && s.store().equals("s1")).findFirst()
                .orElseThrow();
    }

    /** Uploads the store's config and exports under the prefix; returns how many exports went to the inbox. */
    private static int upload(AwsClients clients, EmulatedStack stack, StoreSample store, String prefix) {
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(prefix + "config.json"),
                RequestBody.fromFile(store.dir().resolve("config.json")));
        for (String file : store.files()) {
            clients.s3().putObject(b -> b.bucket(stack.bucket()).key(prefix + "inbox/" + file),
                    RequestBody.fromFile(store.dir().resolve(file)));
        }
        return store.files().size();
    }

    /**
     * Receives at least {@code wanted} messages that pass the test (the others are deleted), and what
     * else arrives until the queue stays empty for a second: the batch the event source would deliver.
     */
    private static List<Message> receive(SqsClient sqs, EmulatedStack.Queue queue, int wanted,
            Predicate<Message> test) {
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + MESSAGES_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            List<Message> other = received.stream().filter(test.negate()).toList();
            delete(sqs, queue, other);
            received.stream().filter(test).forEach(messages::add);
            if (messages.size() >= wanted && received.isEmpty()) {
                return messages;
            }
        }
        throw new IllegalStateException("expected " + wanted + " messages on " + queue.name() + ", got " + messages.size());
    }

    private static void delete(SqsClient sqs, EmulatedStack.Queue queue, List<Message> messages) {
        for (Message message : messages) {
            sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(message.receiptHandle()));
        }
    }

    /**
     * The environment Lambda gives the function: the variables template.yaml sets (the global ones and
     * the function's own), the region and the role's credentials, and the emulator's endpoint.
     */
    static Map<String, String> environment(String function, EmulatedStack stack, Emulator emulator) {
        Settings settings = stack.settings();
        Map<String, String> env = new TreeMap<>();
        for (String name : variables(function)) {
            // present, though maybe empty: the report links' domain is, as on a stack without them
            String value = settings.values().get(name);
            if (value == null) {
                throw new IllegalStateException("the emulated stack does not set " + name);
            }
            env.put(name, value);
        }
        env.put("AWS_REGION", stack.ingest().region());
        env.put("AWS_DEFAULT_REGION", stack.ingest().region());
        env.put("AWS_ACCESS_KEY_ID", "emulator");
        env.put("AWS_SECRET_ACCESS_KEY", "emulator");
        env.put("AWS_SESSION_TOKEN", "emulator");
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        return env;
    }

    /** The function's variables in template.yaml: the global TABLE_NAME and BUCKET_NAME, then its own. */
    static List<String> variables(String function) {
        List<String> own = switch (function) {
            case "parse" -> List.of(Settings.MATCH_QUEUE_URL, Settings.ALERT_TOPIC_ARN, Settings.RETENTION_DAYS);
            case "match" -> List.of(Settings.MATCH_QUEUE_URL, Settings.REPORT_QUEUE_URL, Settings.ALERT_TOPIC_ARN,
                    Settings.RETENTION_DAYS, Settings.REPORT_LINKS_DOMAIN, Settings.REPORT_LINKS_KEY_ID,
                    Settings.REPORT_LINKS_SECRET, Settings.REPORT_LINKS_VALID_DAYS);
            case "report" -> List.of();
            default -> throw new IllegalArgumentException("no function " + function);
        };
        List<String> all = new ArrayList<>(List.of(Settings.TABLE_NAME, Settings.BUCKET_NAME));
        all.addAll(own);
        return all;
    }

    /** The child JVM: Lambda's flags, the function's jar and the entry point, the event's bodies as files. */
    static List<String> command(Path jar, Path probe, String function, List<Path> bodyFiles) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", jar + File.pathSeparator + probe, FirstEvent.class.getName(),
                HANDLERS.get(function)));
        bodyFiles.forEach(f -> command.add(f.toString()));
        return command;
    }

    private Run invoke(Path jar, Path probe, String function, Map<String, String> env, List<Message> messages, Path bodies)
            throws IOException, InterruptedException {
        Files.createDirectories(bodies);
        List<Path> files = new ArrayList<>();
        for (Message message : messages) {
            Path file = Files.createTempFile(bodies, function, ".json");
            Files.writeString(file, message.body());
            files.add(file);
        }
        ProcessBuilder builder = new ProcessBuilder(command(jar, probe, function, files));
        builder.environment().clear();
        builder.environment().putAll(env);
        Path log = Files.createTempFile(bodies, function, ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long spawned = System.currentTimeMillis();
        Process child = builder.start();
        if (!child.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException(function + " did not finish within " + RUN_TIMEOUT_SECONDS + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String line = output.lines().filter(l -> l.startsWith(FirstEvent.PREFIX)).findFirst().orElse(null);
        if (child.exitValue() != 0 || line == null) {
            throw new IllegalStateException(function + " failed its first event or its priming (exit "
                    + child.exitValue() + "):\n" + output);
        }
        return Run.parse(line, spawned);
    }

    static long median(List<Run> runs, ToLongFunction<Run> field) {
        long[] values = runs.stream().mapToLong(field).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static String report(Map<String, Path> jars, Map<String, List<Run>> results, int runs, String loadBefore,
            String loadAfter) throws IOException {
        StringBuilder text = new StringBuilder("""
                Cold start (no SnapStart), median of %d runs; JDK %s, %s; %d cores, load average before %s, after %s
                | function | jar MB | spawn → handled ms | JVM start → handled ms | init ms | first event ms | CPU ms |
                |---|---:|---:|---:|---:|---:|---:|
                """.formatted(runs, Runtime.version(), String.join(" ", LAMBDA_JVM_FLAGS),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
        for (var entry : results.entrySet()) {
            List<Run> r = entry.getValue();
            text.append("| %s | %.1f | %d | %d | %d | %d | %d |%n".formatted(entry.getKey(),
                    Files.size(jars.get(entry.getKey())) / 1e6, median(r, Run::spawnToHandled),
                    median(r, Run::jvmStartToHandled), median(r, Run::init), median(r, Run::firstEvent),
                    median(r, Run::cpu)));
        }
        return text.toString();
    }

    /** The run log's rows: one per function, its jar and the medians the table shows. */
    static List<RunLog.Row> rows(Map<String, Path> jars, Map<String, List<Run>> results, int runs, LocalDate date,
            String commit, String command, String loadBefore, String loadAfter) throws IOException {
        List<RunLog.Row> rows = new ArrayList<>();
        for (var entry : results.entrySet()) {
            List<Run> r = entry.getValue();
            rows.add(RunLog.row(date, commit, command, RunLog.COLD_START, entry.getKey())
                    .set(RunLog.Column.JAR_MB, Files.size(jars.get(entry.getKey())) / 1e6, 1)
                    .set(RunLog.Column.WALL_S, median(r, Run::spawnToHandled) / 1000.0, 3)
                    .set(RunLog.Column.CPU_S, median(r, Run::cpu) / 1000.0, 3)
                    .set(RunLog.Column.STARTUP_MS, median(r, Run::jvmStartToHandled))
                    .set(RunLog.Column.INIT_MS, median(r, Run::init))
                    .set(RunLog.Column.FIRST_EVENT_MS, median(r, Run::firstEvent))
                    .set(RunLog.Column.LOAD_BEFORE, loadBefore)
                    .set(RunLog.Column.LOAD_AFTER, loadAfter)
                    .set(RunLog.Column.JVM_OPTIONS, String.join(" ", LAMBDA_JVM_FLAGS))
                    .set(RunLog.Column.MACHINE, BenchCommand.host())
                    .note("median of %d runs".formatted(runs)));
        }
        return rows;
    }

    /** The arguments of {@code ./recon bench} that ran this. */
    private static List<String> commandArgs(List<String> argList) {
        List<String> args = new ArrayList<>(List.of("--cold-start"));
        args.addAll(argList);
        return args;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
