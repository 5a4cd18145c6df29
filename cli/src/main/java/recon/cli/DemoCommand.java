package recon.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import recon.domain.Channel;
import recon.domain.Money;
import recon.functions.aws.AwsClients;
import recon.functions.aws.JsonLog;
import recon.functions.aws.Settings;
import recon.local.AlertCollector;
import recon.local.EmulatedStack;
import recon.local.Emulator;
import recon.local.LocalRunner;
import recon.local.RequestMeter;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./recon demo}: the serverless pipeline on the local emulator. Uploads exports to the emulated
 * bucket, runs the parse, match and report functions in-process until the queues are drained, and
 * copies what they wrote back to a folder with the alerts they sent, and the requests they made.
 */
final class DemoCommand {
    /** Short, so that a failed message comes back (and reaches its dead-letter queue) within seconds. */
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The functions' log lines, in the output folder. */
    static final String LOG_FILE = "logs.jsonl";

    /** Builds one pipeline function as its Lambda constructor does, from the clients and the environment. */
    @FunctionalInterface
    interface HandlerFactory {
        RequestHandler<SQSEvent, SQSBatchResponse> create(AwsClients clients, Settings settings);
    }

    /** The three functions the template deploys, each triggered by its queue. */
    record Pipeline(HandlerFactory parse, HandlerFactory match, HandlerFactory report) {}

    /** A file to upload to the bucket under this key. */
    private record Upload(String key, Path file) {}

    private final PrintStream out;
    private final PrintStream err;
    private final Pipeline pipeline;
    /** The emulator to use; null: the one {@link Emulator#start()} gives. */
    private final URI endpoint;

    DemoCommand(PrintStream out, PrintStream err, Pipeline pipeline) {
        this(out, err, pipeline, null);
    }

    DemoCommand(PrintStream out, PrintStream err, Pipeline pipeline, URI endpoint) {
        this.out = out;
        this.err = err;
        this.pipeline = pipeline;
        this.endpoint = endpoint;
    }

    int run(List<String> argList) throws IOException {
        Args args = new Args(argList, Set.of("tenant", "store", "config", "out"));
        Path outDir = Path.of(args.optional("out", "out/demo"));
        Path samples = null;
        try {
            List<Upload> uploads;
            if (args.positional().isEmpty()) {
                if (!args.optional("tenant", "").isEmpty() || !args.optional("store", "").isEmpty()
                        || !args.optional("config", "").isEmpty()) {
                    throw new Args.UsageException("--tenant、--store 和 --config 要和上传的文件一起给出 go with the files to upload");
                }
                samples = Files.createTempDirectory("recon-demo-");
                uploads = sampleUploads(samples);
            } else {
                uploads = givenUploads(args, outDir);
            }
            return runPipeline(uploads, outDir);
        } finally {
            if (samples != null) {
                deleteTree(samples);
            }
        }
    }

    /** Generated exports of every sample store (two tenants), with each store's config.json. */
    private List<Upload> sampleUploads(Path samples) throws IOException {
        Manifest manifest = new SampleGenerator(SampleGenerator.Options.defaults()).generate(samples);
        List<Upload> uploads = new ArrayList<>();
        for (StoreSample store : manifest.stores()) {
            String prefix = storePrefix(store.tenant(), store.store());
            Path config = store.dir().resolve("config.json");
            if (Files.isRegularFile(config)) {
                uploads.add(new Upload(prefix + "config.json", config));
            }
            for (String name : Stream.concat(store.files().stream(), store.rejectedFiles().stream()).toList()) {
                uploads.add(new Upload(prefix + "inbox/" + name, store.dir().resolve(name)));
            }
        }
        out.printf("generated samples for %d stores (%d files)%n", manifest.stores().size(), uploads.size());
        return uploads;
    }

    /** The files on the command line, for one store (t1/s1 unless given), with its --config (else a folder's config.json). */
    private static List<Upload> givenUploads(Args args, Path outDir) throws IOException {
        String tenant = ReconcileCommand.id(args.optional("tenant", "t1"), "--tenant");
        String store = ReconcileCommand.id(args.optional("store", "s1"), "--store");
        String prefix = storePrefix(tenant, store);
        List<Upload> uploads = new ArrayList<>();
        ReconcileCommand.Inputs found = ReconcileCommand.inputFiles(args.positional(), outDir);
        String config = args.optional("config", found.config() == null ? null : found.config().toString());
        if (config != null) {
            if (!Files.isRegularFile(Path.of(config))) {
                throw new Args.UsageException("--config " + config + "：找不到文件 no such file");
            }
            uploads.add(new Upload(prefix + "config.json", Path.of(config)));
        }
        Set<String> names = new HashSet<>();
        for (Path file : found.files()) {
            String name = file.getFileName().toString();
            if (!names.add(name)) {
                throw new Args.UsageException("有两个文件都叫 " + name + "，收件箱里每个名字只能有一个 two files are named " + name
                        + "; an inbox holds one of each name");
            }
            uploads.add(new Upload(prefix + "inbox/" + name, file));
        }
        return uploads;
    }

    private int runPipeline(List<Upload> uploads, Path outDir) throws IOException {
        long started = System.nanoTime();
        // the functions log as in Lambda, one JSON object a line, into a file beside their output
        Path logFile = outDir.resolve(LOG_FILE);
        Files.createDirectories(outDir);
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
            JsonLog.install(log, Level.INFO);
            try {
                return runPipeline(uploads, outDir, logFile, started);
            } finally {
                Main.quietLog();
            }
        }
    }

    private int runPipeline(List<Upload> uploads, Path outDir, Path logFile, long started) throws IOException {
        try (Emulator emulator = endpoint == null ? Emulator.start() : null) {
            URI at = emulator == null ? endpoint : emulator.endpoint();
            out.printf("emulator      %s%s%n", at, emulator != null && emulator.startedHere() ? " (moto, started for this run)" : "");
            // the functions' requests apart from the runner's, which stand in for AWS itself and the seller
            RequestMeter functionRequests = new RequestMeter();
            RequestMeter runnerRequests = new RequestMeter();
            AwsClients functionClients = AwsClients.forEndpoint(at, functionRequests);
            AwsClients clients = AwsClients.forEndpoint(at, runnerRequests);
            String runId = "demo-" + UUID.randomUUID().toString().substring(0, 8);
            EmulatedStack stack = EmulatedStack.create(clients, runId, VISIBILITY_TIMEOUT);
            Settings settings = stack.settings();
            LocalRunner runner = new LocalRunner(clients.sqs(), List.of(
                    new LocalRunner.Subscription("parse", stack.ingest(), pipeline.parse().create(functionClients, settings)),
                    new LocalRunner.Subscription("match", stack.match(), pipeline.match().create(functionClients, settings)),
                    new LocalRunner.Subscription("report", stack.report(), pipeline.report().create(functionClients, settings))),
                    err);

            // configurations first, so that the first match of a store already reads its own
            uploads.stream().sorted(Comparator.comparing((Upload u) -> !u.key().endsWith("/config.json")))
                    .forEach(u -> clients.s3().putObject(b -> b.bucket(stack.bucket()).key(u.key()), RequestBody.fromFile(u.file())));
            out.printf("uploaded      %d files to s3://%s/%s%n", uploads.size(), stack.bucket(), EmulatedStack.UPLOAD_PREFIX);

            LocalRunner.Result result = runner.runUntilDrained(RUN_TIMEOUT);
            result.byFunction().forEach((name, c) -> out.printf("  %-7s %4d invocations %6d messages %4d failed%n",
                    name, c.invocations(), c.messages(), c.failed()));
            if (!result.drained()) {
                err.printf("recon: the queues were not drained after %d minutes; what follows is partial%n", RUN_TIMEOUT.toMinutes());
            }

            List<Path> copied = copyOutputs(clients.s3(), stack.bucket(), outDir);
            List<AlertCollector.Alert> alerts = AlertCollector.drain(clients.sqs(), stack.alerts());
            writeAlerts(alerts, outDir.resolve("alerts.json"));
            Outputs outputs = Outputs.read(outDir, copied);
            printDays(outputs);
            out.printf("dead letters  ingest %d, match %d, report %d%n", deadLetters(clients, stack.ingest()),
                    deadLetters(clients, stack.match()), deadLetters(clients, stack.report()));
            out.printf("reports       %s (%d objects)%n", outDir.resolve("tenants").resolve("{tenant}/stores/{store}/reports"), copied.size());
            out.printf("alerts        %s (%d)%n", outDir.resolve("alerts.json"), alerts.size());
            Requests requests = new Requests(outputs.ordersPaid(), functionRequests.usage(), runnerRequests.usage());
            requests.print(out);
            requests.write(outDir.resolve("requests.json"));
            out.printf("requests      %s%n", outDir.resolve("requests.json"));
            out.printf("logs          %s%n", logFile);
            out.printf("took          %.1f s%n", (System.nanoTime() - started) / 1e9);

            List<String> missing = uploads.stream().map(Upload::key)
                    .filter(key -> key.contains("/inbox/") && !outputs.processed(key)).toList();
            if (!missing.isEmpty()) {
                err.printf("recon: %d uploaded files have neither a report nor a rejection:%n", missing.size());
                missing.forEach(key -> err.println("  " + key));
            }
            if (!missing.isEmpty() || !result.drained()) {
                return Main.FAILED;
            }
            out.println("every uploaded file was processed");
            return Main.OK;
        }
    }

    private static String storePrefix(String tenant, String store) {
        return "tenants/" + tenant + "/stores/" + store + "/";
    }

    /** Copies every object under tenants/ to outDir, keeping its key as the relative path; returns the files. */
    private static List<Path> copyOutputs(S3Client s3, String bucket, Path outDir) throws IOException {
        Path root = outDir.toAbsolutePath().normalize();
        List<Path> copied = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(EmulatedStack.UPLOAD_PREFIX)).contents()) {
            Path target = root.resolve(object.key()).normalize();
            if (!target.startsWith(root.resolve("tenants"))) {
                throw new IOException("object key leaves the output folder: " + object.key());
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(object.key()))) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            copied.add(target);
        }
        return copied;
    }

    private static void writeAlerts(List<AlertCollector.Alert> alerts, Path file) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        for (AlertCollector.Alert alert : alerts) {
            ObjectNode node = list.addObject();
            node.put("subject", alert.subject());
            node.put("message", alert.message());
            ObjectNode attributes = node.putObject("attributes");
            alert.attributes().forEach(attributes::put);
            node.put("timestamp", alert.timestamp());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(list) + "\n");
    }

    private static int deadLetters(AwsClients clients, EmulatedStack.Queue queue) {
        return Integer.parseInt(clients.sqs().getQueueAttributes(b -> b.queueUrl(queue.deadLetterUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private void printDays(Outputs outputs) {
        out.println();
        out.printf("%-12s %-10s %8s %14s %14s %12s %6s%n", "store", "day", "settled", "yuan", "of it WeChat", "refunds",
                "anomalies");
        for (Outputs.Day day : outputs.days()) {
            out.printf("%-12s %-10s %8d %14s %14s %12s %6d%n", day.tenant() + "/" + day.store(), day.day(),
                    day.settledCount(), day.settledAmount(), day.settledByWeChat(), day.refundAmount(), day.anomalies());
        }
        if (outputs.days().isEmpty()) {
            out.println("(no day reports)");
        }
        out.println();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** What the pipeline wrote, read from the copied objects: day summaries and rejections. */
    record Outputs(List<Day> days, Set<String> reportedFiles, Set<String> rejectedKeys) {
        record Day(String tenant, String store, String day, long ordersPaid, long settledCount, String settledAmount,
                String settledByWeChat, String refundAmount, int anomalies) {}

        private static final Pattern DAY_FOLDER = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        static Outputs read(Path outDir, List<Path> copied) throws IOException {
            Path tenants = outDir.toAbsolutePath().normalize().resolve("tenants");
            List<Day> days = new ArrayList<>();
            Set<String> reportedFiles = new HashSet<>();
            Set<String> rejectedKeys = new HashSet<>();
            for (Path file : copied) {
                // tenants/{t}/stores/{s}/reports/{day}/summary.json or tenants/{t}/stores/{s}/rejected/{name}.error.json
                Path relative = tenants.relativize(file);
                if (relative.getNameCount() < 4) {
                    continue;
                }
                String tenant = relative.getName(0).toString();
                String store = relative.getName(2).toString();
                String area = relative.getName(3).toString();
                String name = file.getFileName().toString();
                boolean dayFolder = relative.getNameCount() == 6 && DAY_FOLDER.matcher(relative.getName(4).toString()).matches();
                if (area.equals("reports") && name.equals("summary.json") && dayFolder) {
                    // day folders only: a month's summary.json repeats its days
                    JsonNode summary = JSON.readTree(file.toFile());
                    for (JsonNode f : summary.path("files")) {
                        reportedFiles.add(storePrefix(tenant, store) + f.path("name").asText());
                    }
                    int anomalies = summary.path("anomalies").size();
                    for (JsonNode d : summary.path("days")) {
                        days.add(new Day(tenant, store, d.path("day").asText(), d.path("ordersPaid").asLong(), d.path("settledCount").asLong(),
                                d.path("settledAmount").asText(Money.format(0)),
                                d.path("settledByChannel").path(Channel.TAOTIAN_WECHAT.name()).asText(Money.format(0)),
                                d.path("refundAmount").asText(Money.format(0)), anomalies));
                    }
                } else if (area.equals("rejected") && name.endsWith(".error.json")) {
                    JsonNode error = JSON.readTree(file.toFile());
                    rejectedKeys.add(error.path("key").asText());
                    reportedFiles.add(storePrefix(tenant, store) + error.path("file").asText());
                }
            }
            days.sort(Comparator.comparing(Day::tenant).thenComparing(Day::store).thenComparing(Day::day));
            return new Outputs(days, reportedFiles, rejectedKeys);
        }

        /** The orders of the uploaded order reports, each counted on its paid day (orders never paid are not counted). */
        long ordersPaid() {
            return days.stream().mapToLong(Day::ordersPaid).sum();
        }

        /**
         * An uploaded inbox file is processed when a summary lists it (by its name or its path in the
         * inbox, or as the ZIP holding a listed member) or a rejection names it.
         */
        boolean processed(String key) {
            if (rejectedKeys.contains(key)) {
                return true;
            }
            int inbox = key.indexOf("/inbox/");
            String prefix = key.substring(0, inbox + 1);
            String inboxPath = key.substring(inbox + "/inbox/".length());
            String name = inboxPath.substring(inboxPath.lastIndexOf('/') + 1);
            for (String listed : reportedFiles) {
                if (!listed.startsWith(prefix)) {
                    continue;
                }
                String file = listed.substring(prefix.length());
                if (file.equals(name) || file.equals(inboxPath) || file.startsWith(name + "/") || file.startsWith(inboxPath + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The requests of the run per service and operation, with the DynamoDB capacity units (obtained as
     * {@link RequestMeter} says) and the S3 bytes, and the same per 10,000 orders: the orders paid in
     * the uploaded order reports, summed from the ordersPaid of the day summaries.
     */
    record Requests(long orders, List<RequestMeter.Usage> functions, List<RequestMeter.Usage> runner) {
        private static final String FUNCTIONS = "functions (parse, match, report)";
        private static final String RUNNER = "local runner (stack set-up, uploads, queue polling in Lambda's place, copying back)";
        private static final String ORDERS_FROM = "ordersPaid summed over the day summaries (reports/{day}/summary.json)";
        private static final String UNITS_FROM = "DynamoDB on-demand units computed from the item sizes as AWS bills them"
                + " (writes: ceil(item size / 1 KB) per item put; reads: ceil(size of the items returned / 4 KB) per GetItem"
                + " or Query page, halved when eventually consistent), or the ConsumedCapacity a response reported";

        /** Two lines a person reads; every operation, with the per-10,000-orders figures, is in requests.json. */
        void print(PrintStream out) {
            out.println();
            line(out, "functions", total(functions));
            line(out, "runner", total(runner));
        }

        private void line(PrintStream out, String title, RequestMeter.Usage t) {
            out.printf("%-13s %,d requests, %s DynamoDB write units, %s read units, %s MB to S3, %s MB from S3%n", title,
                    t.requests(), or0(units(t.writeUnits())), or0(units(t.readUnits())), or0(megabytes(t.bytesPut())),
                    or0(megabytes(t.bytesGot())));
        }

        private static String or0(String figure) {
            return figure.isEmpty() ? "0" : figure;
        }

        private static RequestMeter.Usage total(List<RequestMeter.Usage> usage) {
            return new RequestMeter.Usage("total", "", usage.stream().mapToLong(RequestMeter.Usage::requests).sum(),
                    usage.stream().mapToDouble(RequestMeter.Usage::writeUnits).sum(), usage.stream().mapToDouble(RequestMeter.Usage::readUnits).sum(),
                    usage.stream().mapToLong(RequestMeter.Usage::bytesPut).sum(), usage.stream().mapToLong(RequestMeter.Usage::bytesGot).sum());
        }

        private static String units(double units) {
            return units == 0 ? "" : String.format("%.1f", units);
        }

        private static String megabytes(long bytes) {
            return bytes == 0 ? "" : String.format("%.2f", bytes / 1e6);
        }

        void write(Path file) throws IOException {
            ObjectNode root = JSON.createObjectNode();
            root.put("orders", orders);
            root.put("ordersFrom", ORDERS_FROM);
            root.put("capacityUnits", UNITS_FROM);
            section(root.putObject("functions"), FUNCTIONS, functions);
            section(root.putObject("runner"), RUNNER, runner);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        }

        private void section(ObjectNode node, String title, List<RequestMeter.Usage> usage) {
            node.put("what", title);
            ArrayNode operations = node.putArray("operations");
            usage.forEach(u -> usage(operations.addObject(), u));
            usage(node.putObject("total"), total(usage));
        }

        private void usage(ObjectNode node, RequestMeter.Usage u) {
            if (!u.operation().isEmpty()) {
                node.put("service", u.service());
                node.put("operation", u.operation());
            }
            node.put("requests", u.requests());
            node.put("writeUnits", u.writeUnits());
            node.put("readUnits", u.readUnits());
            node.put("bytesPut", u.bytesPut());
            node.put("bytesGot", u.bytesGot());
            if (orders > 0) {
                ObjectNode per = node.putObject("per10kOrders");
                per.put("requests", u.requests() * 10_000.0 / orders);
                per.put("writeUnits", u.writeUnits() * 10_000 / orders);
                per.put("readUnits", u.readUnits() * 10_000 / orders);
            }
        }
    }
}
