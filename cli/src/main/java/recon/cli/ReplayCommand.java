package recon.cli;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.functions.aws.Settings;
import recon.local.EmulatedStack;
import recon.local.LocalRunner;
import recon.port.DayRange;
import recon.port.FileEntry;
import recon.port.StoreDays;
import recon.port.StoreRef;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@code ./recon replay}: recovers after failures or lost objects. Moves every message of the three
 * dead-letter queues back to the queue it came from, then asks for a store (one day, or every day its
 * processed files hold records of) to be matched and reported again. The deployed functions pick the
 * requests up; on an emulator, {@code --local} runs the real functions here until the queues are drained.
 * Every stage is idempotent, so replaying what already succeeded changes nothing.
 */
final class ReplayCommand {
    /** The stack's resources, named as the functions' environment (Settings) and the template's Outputs name them. */
    static final String INGEST_QUEUE_URL = "INGEST_QUEUE_URL";
    static final String INGEST_DLQ_URL = "INGEST_DLQ_URL";
    static final String MATCH_DLQ_URL = "MATCH_DLQ_URL";
    static final String REPORT_DLQ_URL = "REPORT_DLQ_URL";
    static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";

    /** Messages moved from one dead-letter queue in one run: a message failing again cannot keep it going. */
    static final int MAX_MOVED_PER_QUEUE = 10_000;
    private static final int BATCH_SIZE = 10;
    /** A moved message is deleted within this time; if the run dies first it comes back to the DLQ, not lost. */
    private static final int RECEIVE_VISIBILITY_SECONDS = 60;
    private static final Duration LOCAL_RUN_TIMEOUT = Duration.ofMinutes(15);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** A dead-letter queue and the queue its messages go back to. */
    private record DeadLetters(String name, String url, String sourceUrl) {}

    /** What the command line asks for. {@code day} is null for every day of the store. */
    record Request(StoreRef store, LocalDate day, boolean local, String stack) {}

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final DemoCommand.Pipeline pipeline;
    private final Function<String, Map<String, String>> stackOutputs;

    /**
     * @param environment the variables naming the stack (System.getenv() from the command line)
     * @param pipeline the functions {@code --local} runs
     */
    ReplayCommand(PrintStream out, PrintStream err, Map<String, String> environment, DemoCommand.Pipeline pipeline) {
        this(out, err, environment, pipeline, StackOutputs::read);
    }

    /** @param stackOutputs the outputs of a deployed stack by its name ({@code --stack}) */
    ReplayCommand(PrintStream out, PrintStream err, Map<String, String> environment, DemoCommand.Pipeline pipeline,
            Function<String, Map<String, String>> stackOutputs) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.pipeline = pipeline;
        this.stackOutputs = stackOutputs;
    }

    int run(List<String> argList) {
        Request request = parse(argList);
        Settings settings = settings(request.local(), request.stack());
        String endpoint = environment.get(ENDPOINT_URL);
        AwsClients clients = endpoint == null || endpoint.isBlank()
                ? AwsClients.fromEnvironment() : AwsClients.forEndpoint(URI.create(endpoint));
        SqsClient sqs = clients.sqs();

        boolean complete = true;
        for (DeadLetters deadLetters : deadLetterQueues(settings)) {
            complete &= redrive(sqs, deadLetters);
        }

        Adapters adapters = new Adapters(clients, settings, Clock.systemUTC());
        List<StoreDays> requests = requests(request, adapters.fileManifest().files(request.store()));
        if (requests.isEmpty()) {
            err.printf("recon: %s has no processed file: nothing to match (check --tenant and --store)%n", request.store());
            complete = false;
        } else {
            adapters.matchRequests().send(requests);
            requests.forEach(adapters.reportRequests()::send);
            int days = requests.stream().mapToInt(r -> r.days().size()).sum();
            out.printf("requested     match and reports of %s: %d days, %s..%s (%d messages each)%n", request.store(), days,
                    requests.getFirst().days().first(), requests.getLast().days().last(), requests.size());
        }

        if (request.local()) {
            complete &= runLocally(clients, settings);
        }
        return complete ? Main.OK : Main.FAILED;
    }

    /** Checks the arguments: {@code --tenant T --store S [--day yyyy-MM-dd] [--local]}. */
    static Request parse(List<String> argList) {
        // --local is a flag; Args takes options with values
        boolean local = argList.contains("--local");
        Args args = new Args(argList.stream().filter(a -> !a.equals("--local")).toList(),
                Set.of("tenant", "store", "day", "stack"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("replay takes no files, got " + args.positional().getFirst());
        }
        String tenant = ReconcileCommand.id(args.required("tenant"), "--tenant");
        String store = ReconcileCommand.id(args.required("store"), "--store");
        String day = args.optional("day", null);
        return new Request(new StoreRef(tenant, store), day == null ? null : day(day), local, args.optional("stack", null));
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value, DAY);
        } catch (DateTimeParseException e) {
            throw new Args.UsageException("--day must be a day as yyyy-MM-dd, got " + value);
        }
    }

    /**
     * The variables this run needs, all checked at once; a missing one is a usage error naming them. The
     * outputs of a stack named ({@code --stack}) fill in what the environment does not set.
     */
    private Settings settings(boolean local, String stack) {
        Map<String, String> environment = new HashMap<>();
        if (stack != null) {
            environment.putAll(StackOutputs.asVariables(stackOutputs.apply(stack)));
        }
        this.environment.forEach((name, value) -> {
            if (!value.isBlank()) {
                environment.put(name, value);
            }
        });
        List<String> needed = new ArrayList<>(List.of(Settings.TABLE_NAME, INGEST_QUEUE_URL, Settings.MATCH_QUEUE_URL,
                Settings.REPORT_QUEUE_URL, INGEST_DLQ_URL, MATCH_DLQ_URL, REPORT_DLQ_URL));
        if (local) {
            // the functions run here and need the rest of their environment
            needed.addAll(List.of(Settings.BUCKET_NAME, Settings.ALERT_TOPIC_ARN, ENDPOINT_URL));
        }
        List<String> missing = needed.stream().filter(name -> environment.getOrDefault(name, "").isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new Args.UsageException("set the environment variable" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + (local && missing.contains(ENDPOINT_URL)
                    ? " (--local runs the functions on this machine, against an emulator only)" : "")
                    + " (or name the deployed stack: --stack NAME); see docs/operations.md, Replay");
        }
        return new Settings(environment);
    }

    private List<DeadLetters> deadLetterQueues(Settings settings) {
        return List.of(
                new DeadLetters("ingest", settings.require(INGEST_DLQ_URL), settings.require(INGEST_QUEUE_URL)),
                new DeadLetters("match", settings.require(MATCH_DLQ_URL), settings.require(Settings.MATCH_QUEUE_URL)),
                new DeadLetters("report", settings.require(REPORT_DLQ_URL), settings.require(Settings.REPORT_QUEUE_URL)));
    }

    /**
     * Moves the dead letters back, ten at a time: receive, send to the source queue, delete. A message
     * is deleted only once it was sent, so a failure in between leaves it in the DLQ (it may then be
     * delivered twice, which the functions take). Returns false when some could not be moved or more remain.
     */
    private boolean redrive(SqsClient sqs, DeadLetters deadLetters) {
        int moved = 0;
        int failed = 0;
        while (moved + failed < MAX_MOVED_PER_QUEUE) {
            int wanted = Math.min(BATCH_SIZE, MAX_MOVED_PER_QUEUE - moved - failed);
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(deadLetters.url())
                    .maxNumberOfMessages(wanted)
                    .waitTimeSeconds(1)
                    .visibilityTimeout(RECEIVE_VISIBILITY_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)
                    .messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                break;
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                Message message = messages.get(i);
                SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(message.body()).messageAttributes(message.messageAttributes());
                String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                if (group != null) {
                    // back into its store's group (FIFO); a fresh deduplication id, as the functions send:
                    // the message's old one may still be within the five minutes that would drop it
                    entry.messageGroupId(group).messageDeduplicationId(UUID.randomUUID().toString());
                }
                entries.add(entry.build());
            }
            SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(deadLetters.sourceUrl()).entries(entries));
            List<DeleteMessageBatchRequestEntry> deletes = sent.successful().stream()
                    .map(s -> DeleteMessageBatchRequestEntry.builder().id(s.id())
                            .receiptHandle(messages.get(Integer.parseInt(s.id())).receiptHandle()).build())
                    .toList();
            if (!deletes.isEmpty()) {
                var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(deadLetters.url()).entries(deletes));
                if (deleted.hasFailed() && !deleted.failed().isEmpty()) {
                    err.printf("recon: %d %s dead letters were sent back but not deleted: they will be delivered twice%n",
                            deleted.failed().size(), deadLetters.name());
                }
            }
            moved += deletes.size();
            failed += sent.failed().size();
            sent.failed().forEach(f -> err.printf("recon: %s dead letter not sent back: %s %s%n", deadLetters.name(), f.code(), f.message()));
        }
        out.printf("dead letters  %-6s %d moved back%s%n", deadLetters.name(), moved, failed > 0 ? ", " + failed + " failed" : "");
        boolean bounded = moved + failed >= MAX_MOVED_PER_QUEUE;
        if (bounded) {
            err.printf("recon: stopped after %d %s dead letters; run replay again for the rest%n", MAX_MOVED_PER_QUEUE, deadLetters.name());
        }
        return failed == 0 && !bounded;
    }

    /**
     * The match requests: the given day, or every day the store's processed files hold records of or
     * cover, one request per month so that each match loads a bounded stretch of records.
     */
    static List<StoreDays> requests(Request request, List<FileEntry> files) {
        if (request.day() != null) {
            return List.of(new StoreDays(request.store(), new TreeSet<>(Set.of(request.day()))));
        }
        TreeMap<YearMonth, TreeSet<LocalDate>> byMonth = new TreeMap<>();
        for (FileEntry file : files) {
            if (file.status() != FileEntry.Status.DONE) {
                continue;
            }
            List<DayRange> ranges = new ArrayList<>();
            file.coverage().forEach(c -> ranges.add(new DayRange(c.first(), c.last())));
            if (file.recordDays() != null) {
                ranges.add(file.recordDays());
            }
            for (DayRange range : ranges) {
                range.first().datesUntil(range.last().plusDays(1)).forEach(day ->
                        byMonth.computeIfAbsent(YearMonth.from(day), m -> new TreeSet<>()).add(day));
            }
        }
        return byMonth.values().stream().map(days -> new StoreDays(request.store(), days)).toList();
    }

    /** Runs the three functions here, as the demo does, until the queues are drained; false when not drained or dead letters remain. */
    private boolean runLocally(AwsClients clients, Settings settings) {
        SqsClient sqs = clients.sqs();
        EmulatedStack.Queue ingest = queue(sqs, settings.require(INGEST_QUEUE_URL), settings.require(INGEST_DLQ_URL));
        EmulatedStack.Queue match = queue(sqs, settings.require(Settings.MATCH_QUEUE_URL), settings.require(MATCH_DLQ_URL));
        EmulatedStack.Queue report = queue(sqs, settings.require(Settings.REPORT_QUEUE_URL), settings.require(REPORT_DLQ_URL));
        LocalRunner runner = new LocalRunner(sqs, List.of(
                new LocalRunner.Subscription("parse", ingest, pipeline.parse().create(clients, settings)),
                new LocalRunner.Subscription("match", match, pipeline.match().create(clients, settings)),
                new LocalRunner.Subscription("report", report, pipeline.report().create(clients, settings))),
                err);
        LocalRunner.Result result = runner.runUntilDrained(LOCAL_RUN_TIMEOUT);
        result.byFunction().forEach((name, c) -> out.printf("  %-7s %4d invocations %6d messages %4d failed%n",
                name, c.invocations(), c.messages(), c.failed()));
        if (!result.drained()) {
            err.printf("recon: the queues were not drained after %d minutes%n", LOCAL_RUN_TIMEOUT.toMinutes());
        }
        int ingestLeft = waiting(sqs, ingest.deadLetterUrl());
        int matchLeft = waiting(sqs, match.deadLetterUrl());
        int reportLeft = waiting(sqs, report.deadLetterUrl());
        out.printf("dead letters  ingest %d, match %d, report %d left%n", ingestLeft, matchLeft, reportLeft);
        return result.drained() && ingestLeft + matchLeft + reportLeft == 0;
    }

    private static EmulatedStack.Queue queue(SqsClient sqs, String url, String deadLetterUrl) {
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new EmulatedStack.Queue(url.substring(url.lastIndexOf('/') + 1), url, arn, deadLetterUrl);
    }

    private static int waiting(SqsClient sqs, String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
