package recon.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import recon.functions.aws.AwsClients;
import recon.functions.aws.Settings;
import recon.functions.match.MatchHandler;
import recon.functions.parse.ParseHandler;
import recon.functions.report.ReportHandler;
import recon.local.EmulatedStack;
import recon.local.Emulator;
import recon.local.LocalRunner;
import recon.local.RequestMeter;
import recon.sample.StoreSample;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The pipeline part of {@code ./recon bench}: one generated store's month of exports uploaded as a seller
 * does it ({@link Pattern}) to one emulated stack that lives for the whole run (config.json first); the
 * real functions run in-process until the queues are drained after each upload. Every request of the
 * functions and of the uploads is counted ({@link RequestMeter}), every handler invocation timed, and the
 * run priced ({@link PipelineCost}); then one night's re-match of the store (the schedule's message), priced
 * apart: what the store costs every day with no upload at all.
 */
final class PipelineBench {
    static final int DEFAULT_ORDERS = 100_000;
    /** The days the orders are spread over: a month, as the generator's default. */
    static final int DEFAULT_DAYS = 31;
    /** Memory size and SQS batch size of each function, as template.yaml sets them (PipelineCostTest checks). */
    static final int PARSE_MEMORY_MB = 1024;
    static final int MATCH_MEMORY_MB = 2048;
    static final int REPORT_MEMORY_MB = 2048;
    static final int PARSE_BATCH = 1;
    static final int MATCH_BATCH = 10;
    static final int REPORT_BATCH = 10;
    /** The daily schedule's message (template.yaml's DailyRematchRule). */
    static final String NIGHTLY_REMATCH = "{\"recentDays\": 7}";
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

    /** How the seller uploads the month's exports. */
    enum Pattern {
        /** Every file at once, after the month. */
        MONTHLY,
        /** Every morning the files of the day before (the generator's daily exports). */
        DAILY;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Pattern of(String label) {
            for (Pattern pattern : values()) {
                if (pattern.label().equals(label)) {
                    return pattern;
                }
            }
            throw new IllegalArgumentException("--pattern must be monthly or daily, not " + label);
        }
    }

    /**
     * @param uploads how many times the seller uploaded (a morning's files are one upload)
     * @param requests the functions' requests and the uploads', by service and operation
     * @param deadLetters messages left in the three dead-letter queues
     * @param nightly one night's re-match of the store after the month, priced alone
     */
    record Result(Pattern pattern, int files, int uploads, boolean drained, int deadLetters, double seconds,
            List<PipelineCost.Function> functions, List<Peak> peaks, List<RequestMeter.Usage> requests, PipelineCost cost,
            PipelineCost nightly) {
        boolean ok() {
            return drained && deadLetters == 0;
        }
    }

    /**
     * The most one invocation of a function took: its longest handler time, and the most heap held after a
     * collection during one ({@link HeapWatch}; 0 where no collection ran), what its memory size must allow.
     */
    record Peak(String name, double longestSeconds, long heapMib) {}

    /** A function's handler, timed and its heap watched around each invocation. */
    private static final class Timed implements RequestHandler<SQSEvent, SQSBatchResponse> {
        private final String name;
        private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
        private final HeapWatch heap;
        private final AtomicLong nanos = new AtomicLong();
        private long longestNanos;
        private long peakHeapMib;

        Timed(String name, RequestHandler<SQSEvent, SQSBatchResponse> handler, HeapWatch heap) {
            this.name = name;
            this.handler = handler;
            this.heap = heap;
        }

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            heap.reset();
            long started = System.nanoTime();
            try {
                return handler.handleRequest(event, context);
            } finally {
                long took = System.nanoTime() - started;
                nanos.addAndGet(took);
                longestNanos = Math.max(longestNanos, took);
                peakHeapMib = Math.max(peakHeapMib, heap.peakMib());
            }
        }

        double seconds() {
            return nanos.get() / 1e9;
        }

        Peak peak() {
            return new Peak(name, longestNanos / 1e9, peakHeapMib);
        }
    }

    /**
     * What the functions did: invocations and messages per function, from the latest result of each runner
     * (a runner counts from its start), less a reading taken earlier.
     */
    private static final class Tally {
        private final Map<LocalRunner, LocalRunner.Result> latest = new LinkedHashMap<>();
        private boolean drained = true;

        void add(LocalRunner runner, LocalRunner.Result result) {
            drained &= result.drained();
            latest.put(runner, result);
        }

        Tally copy() {
            Tally copy = new Tally();
            copy.latest.putAll(latest);
            copy.drained = drained;
            return copy;
        }

        PipelineCost.Function function(String name, int memoryMb, int batchSize, double seconds, Tally earlier) {
            return new PipelineCost.Function(name, memoryMb, batchSize,
                    count(name, true) - earlier.count(name, true), count(name, false) - earlier.count(name, false), seconds);
        }

        private int count(String name, boolean invocations) {
            int sum = 0;
            for (LocalRunner.Result result : latest.values()) {
                LocalRunner.Counts c = result.byFunction().get(name);
                sum += c == null ? 0 : invocations ? c.invocations() : c.messages();
            }
            return sum;
        }
    }

    private PipelineBench() {}

    /** {@link #run(URI, StoreSample, long, Pattern, HeapWatch, PrintStream)} on the emulator {@link Emulator#start()} gives. */
    static Result run(StoreSample store, long orders, Pattern pattern, PrintStream log) {
        try (Emulator emulator = Emulator.start(); HeapWatch heap = new HeapWatch()) {
            return run(emulator.endpoint(), store, orders, pattern, heap, log);
        }
    }

    /**
     * Uploads the store's config.json, then its exports as the pattern says to one stack, runs the functions
     * until drained after each upload, prices the run; then one night's re-match, priced apart.
     */
    static Result run(URI endpoint, StoreSample store, long orders, Pattern pattern, HeapWatch heap, PrintStream log) {
        long started = System.nanoTime();
        RequestMeter meter = new RequestMeter();
        // the functions' requests and the seller's uploads are metered; the runner's set-up and polling are not the pipeline's
        AwsClients functionClients = AwsClients.forEndpoint(endpoint, meter);
        AwsClients clients = AwsClients.forEndpoint(endpoint);
        String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        EmulatedStack stack = EmulatedStack.create(clients, runId, VISIBILITY_TIMEOUT);
        Settings settings = stack.settings();
        Timed parse = new Timed("parse", new ParseHandler(functionClients, settings), heap);
        Timed match = new Timed("match", new MatchHandler(functionClients, settings), heap);
        Timed report = new Timed("report", new ReportHandler(functionClients, settings), heap);
        LocalRunner.Subscription parsing = new LocalRunner.Subscription("parse", stack.ingest(), parse, PARSE_BATCH);
        LocalRunner parseRunner = new LocalRunner(clients.sqs(), List.of(parsing), log);
        LocalRunner runner = new LocalRunner(clients.sqs(), List.of(parsing,
                new LocalRunner.Subscription("match", stack.match(), match, MATCH_BATCH),
                new LocalRunner.Subscription("report", stack.report(), report, REPORT_BATCH)), log);

        String prefix = "tenants/" + store.tenant() + "/stores/" + store.store() + "/";
        functionClients.s3().putObject(b -> b.bucket(stack.bucket()).key(prefix + "config.json"),
                RequestBody.fromFile(store.dir().resolve("config.json")));
        Map<LocalDate, List<String>> uploads = new TreeMap<>();
        for (String file : store.files()) {
            LocalDate morning = pattern == Pattern.DAILY ? store.exportDay(file) : LocalDate.MAX;
            uploads.computeIfAbsent(morning, m -> new ArrayList<>()).add(file);
        }
        Tally tally = new Tally();
        for (Map.Entry<LocalDate, List<String>> upload : uploads.entrySet()) {
            if (pattern == Pattern.DAILY) {
                log.printf("bench: the morning of %s, %d files%n", upload.getKey(), upload.getValue().size());
            }
            for (String file : upload.getValue()) {
                Path path = store.dir().resolve(file);
                functionClients.s3().putObject(b -> b.bucket(stack.bucket()).key(prefix + "inbox/" + file), RequestBody.fromFile(path));
            }
            // the upload is parsed first, then everything runs until drained: the store's match requests
            // wait in its FIFO group and come as one batch, as when the files are parsed before a match ends
            tally.add(parseRunner, parseRunner.runUntilDrained(RUN_TIMEOUT));
            tally.add(runner, runner.runUntilDrained(RUN_TIMEOUT));
        }
        List<Peak> peaks = List.of(parse.peak(), match.peak(), report.peak());
        Tally none = new Tally();
        List<PipelineCost.Function> functions = List.of(
                tally.function("parse", PARSE_MEMORY_MB, PARSE_BATCH, parse.seconds(), none),
                tally.function("match", MATCH_MEMORY_MB, MATCH_BATCH, match.seconds(), none),
                tally.function("report", REPORT_MEMORY_MB, REPORT_BATCH, report.seconds(), none));
        List<RequestMeter.Usage> requests = meter.usage();
        int deadLetters = deadLetters(clients, stack.ingest()) + deadLetters(clients, stack.match())
                + deadLetters(clients, stack.report());
        double seconds = (System.nanoTime() - started) / 1e9;

        // a night with no upload: the schedule's message, as EventBridge sends it
        double matchBefore = match.seconds();
        double reportBefore = report.seconds();
        Tally month = tally.copy();
        clients.sqs().sendMessage(b -> b.queueUrl(stack.match().url()).messageBody(NIGHTLY_REMATCH)
                .messageGroupId("daily-rematch").messageDeduplicationId(UUID.randomUUID().toString()));
        tally.add(runner, runner.runUntilDrained(RUN_TIMEOUT));
        List<PipelineCost.Function> nightFunctions = List.of(
                tally.function("parse", PARSE_MEMORY_MB, PARSE_BATCH, 0, month),
                tally.function("match", MATCH_MEMORY_MB, MATCH_BATCH, match.seconds() - matchBefore, month),
                tally.function("report", REPORT_MEMORY_MB, REPORT_BATCH, report.seconds() - reportBefore, month));
        PipelineCost nightly = PipelineCost.of(orders, nightFunctions, RequestMeter.difference(meter.usage(), requests));
        return new Result(pattern, store.files().size(), uploads.size(), month.drained, deadLetters, seconds, functions,
                peaks, requests, PipelineCost.of(orders, functions, requests), nightly);
    }

    private static int deadLetters(AwsClients clients, EmulatedStack.Queue queue) {
        return Integer.parseInt(clients.sqs().getQueueAttributes(b -> b.queueUrl(queue.deadLetterUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** The Markdown section the console shows: what ran, the requests, the functions, the cost. */
    static String report(Result result, long orders, String commit, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("## %s · pipeline cost · %s uploads · %,d orders · commit %s%n%n".formatted(LocalDate.now(),
                result.pattern().label(), orders, commit));
        String uploads = result.pattern() == Pattern.DAILY
                ? "uploaded every morning (the day before's files, %d mornings)".formatted(result.uploads())
                : "uploaded once after the month";
        md.append(("Store %s/%s: %,d orders, %d export files and config.json %s to one emulated stack, "
                + "the three functions run in-process until the queues were drained after each upload: %s, %d dead letters, %.0f s. "
                + "Load average (1, 5, 15 min) before %s, after %s.%n%n").formatted(BenchCommand.TENANT, BenchCommand.STORE, orders,
                result.files(), uploads, result.drained() ? "drained" : "**NOT drained**", result.deadLetters(), result.seconds(),
                loadBefore, loadAfter));
        md.append("**Cost per 100k orders: $%.4f** (%s list prices, all the services below).%n%n"
                .formatted(result.cost().per100k(result.cost().total()), PriceList.REGION));
        md.append(result.cost().markdown()).append('\n');
        md.append(("A night with no upload (the schedule's re-match of the store, after the month): $%.6f, "
                + "$%.4f a month of 30 nights, whatever the uploads.%n%n").formatted(result.nightly().total(),
                result.nightly().total().multiply(BigDecimal.valueOf(30))));
        md.append("""
                | function | memory MB | batch size | invocations | messages | handler s | GB-s | longest invocation s | peak heap MiB |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (int i = 0; i < result.functions().size(); i++) {
            PipelineCost.Function f = result.functions().get(i);
            Peak peak = result.peaks().get(i);
            md.append("| %s | %,d | %d | %,d | %,d | %.1f | %.1f | %.1f | %,d |%n".formatted(f.name(), f.memoryMb(),
                    f.batchSize(), f.invocations(), f.messages(), f.handlerSeconds(), f.gigabyteSeconds(),
                    peak.longestSeconds(), peak.heapMib()));
        }
        md.append("""

                | service | operation | requests | write units | read units | MB put | MB got |
                |---|---|---:|---:|---:|---:|---:|
                """);
        for (RequestMeter.Usage u : result.requests()) {
            md.append("| %s | %s | %,d | %s | %s | %s | %s |%n".formatted(u.service(), u.operation(), u.requests(),
                    units(u.writeUnits()), units(u.readUnits()), megabytes(u.bytesPut()), megabytes(u.bytesGot())));
        }
        md.append('\n').append(PriceList.markdown()).append('\n').append(NOTES);
        return md.toString();
    }

    /** The bench's last line: {@code cost per 100k orders: $0.0123 (daily uploads, 20,000 orders)}. */
    static String costLine(Result result, long orders) {
        return "cost per 100k orders: $%.4f (%s uploads, %,d orders)".formatted(result.cost().per100k(result.cost().total()),
                result.pattern().label(), orders);
    }

    /**
     * The run log's rows of one pipeline run: the run (its time, whether it drained, the cost), then one row
     * per priced line, per function and per service operation, as the tables show them.
     */
    static List<RunLog.Row> rows(Result result, long orders, LocalDate date, String commit, String command, String machine,
            String loadBefore, String loadAfter) {
        PipelineCost cost = result.cost();
        List<RunLog.Row> rows = new ArrayList<>();
        rows.add(RunLog.row(date, commit, command, RunLog.PIPELINE, "total, " + result.pattern().label() + " uploads")
                .set(RunLog.Column.ORDERS, orders)
                .set(RunLog.Column.FILES, result.files())
                .set(RunLog.Column.WALL_S, result.seconds(), 1)
                .set(RunLog.Column.ANSWERS, "%s, %d dead letters".formatted(result.drained() ? "drained" : "NOT drained",
                        result.deadLetters()))
                .set(RunLog.Column.COST_USD, cost.total(), 6)
                .set(RunLog.Column.COST_PER_100K_USD, cost.per100k(cost.total()), 6)
                .set(RunLog.Column.LOAD_BEFORE, loadBefore)
                .set(RunLog.Column.LOAD_AFTER, loadAfter)
                .set(RunLog.Column.MACHINE, machine));
        rows.add(RunLog.row(date, commit, command, RunLog.PIPELINE, "a night with no upload")
                .set(RunLog.Column.ORDERS, orders)
                .set(RunLog.Column.COST_USD, result.nightly().total(), 6));
        for (PipelineCost.Line line : cost.lines()) {
            rows.add(RunLog.row(date, commit, command, RunLog.PIPELINE_COST, line.price().service() + " " + line.price().item())
                    .set(RunLog.Column.ORDERS, orders)
                    .set(RunLog.Column.QUANTITY, quantity(line.quantity()))
                    .set(RunLog.Column.COST_USD, line.cost(), 6)
                    .set(RunLog.Column.COST_PER_100K_USD, cost.per100k(line.cost()), 6));
        }
        for (int i = 0; i < result.functions().size(); i++) {
            PipelineCost.Function f = result.functions().get(i);
            Peak peak = result.peaks().get(i);
            rows.add(RunLog.row(date, commit, command, RunLog.PIPELINE_FUNCTION, f.name())
                    .set(RunLog.Column.ORDERS, orders)
                    .set(RunLog.Column.WALL_S, f.handlerSeconds(), 2)
                    .set(RunLog.Column.MEMORY_MB, f.memoryMb())
                    .set(RunLog.Column.BATCH_SIZE, f.batchSize())
                    .set(RunLog.Column.INVOCATIONS, f.invocations())
                    .set(RunLog.Column.MESSAGES, f.messages())
                    .set(RunLog.Column.GB_S, f.gigabyteSeconds(), 2)
                    .note("longest invocation %.1f s, peak heap %d MiB".formatted(peak.longestSeconds(), peak.heapMib())));
        }
        for (RequestMeter.Usage u : result.requests()) {
            RunLog.Row row = RunLog.row(date, commit, command, RunLog.PIPELINE_REQUESTS, u.service() + " " + u.operation())
                    .set(RunLog.Column.ORDERS, orders)
                    .set(RunLog.Column.QUANTITY, u.requests());
            if (u.writeUnits() != 0) {
                row.set(RunLog.Column.WRITE_UNITS, u.writeUnits(), 1);
            }
            if (u.readUnits() != 0) {
                row.set(RunLog.Column.READ_UNITS, u.readUnits(), 1);
            }
            if (u.bytesPut() != 0) {
                row.set(RunLog.Column.MB_PUT, u.bytesPut() / 1e6, 2);
            }
            if (u.bytesGot() != 0) {
                row.set(RunLog.Column.MB_GOT, u.bytesGot() / 1e6, 2);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A priced quantity: a count as an integer, GB-seconds with two decimals. */
    private static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().scale() <= 0 ? quantity.toBigInteger().toString() : RunLog.decimal(quantity, 2);
    }

    static final String NOTES = """
            How the cost is counted: the requests are those of the functions and of the seller's uploads (an SDK
            interceptor on their clients), not the local runner's own (stack set-up, queue polling, copying
            back). DynamoDB units are computed from the item sizes as on-demand DynamoDB bills them (the
            emulator reports none). Lambda: the invocations of the local runner, which polls each queue with the
            template's batch size, one batch at a time: first the uploads until the ingest queue is empty (the
            store's match requests wait in its FIFO message group and reach match as one batch, as when all
            files are parsed before a match run ends; files arriving one after another's match cost a match
            and report run each), then all three functions until every queue is drained; GB-seconds = handler time
            measured in-process around each invocation × the template's memory size. That time runs on a shared
            2-core machine against an emulator on the same machine: a pessimistic stand-in for Lambda's. SQS:
            the functions' sends, EventBridge's of every upload into an inbox (one send each; S3's events on the
            default bus cost nothing, and the stack's own objects match no rule), and
            Lambda's poller taken as one ReceiveMessage and one DeleteMessageBatch per batch; its empty long
            polls of idle queues are a fixed monthly cost whatever the orders, not in this figure. SNS:
            publishes; deliveries to SQS are free, e-mail and SMS deliveries depend on the subscribers and are
            not included (e-mail: see the price table). Not included either: S3 and DynamoDB storage (per
            GB-month, kept by retention, not per order), CloudWatch Logs, the daily re-match rule, KMS, data
            transfer (none leaves the region), free tiers.
            """;

    private static String units(double units) {
        return units == 0 ? "" : "%,.1f".formatted(units);
    }

    private static String megabytes(long bytes) {
        return bytes == 0 ? "" : "%.2f".formatted(bytes / 1e6);
    }
}
