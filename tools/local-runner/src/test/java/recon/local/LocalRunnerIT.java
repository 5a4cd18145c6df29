package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import recon.functions.aws.AwsClients;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** The emulated stack and the runner against the emulator, with stand-in handlers. */
@ExtendWith(EmulatorExtension.class)
class LocalRunnerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private static EmulatedStack newStack(AwsClients clients) {
        return EmulatedStack.create(clients, "t" + UUID.randomUUID().toString().substring(0, 8), Duration.ofSeconds(1));
    }

    private LocalRunner runner(AwsClients clients, EmulatedStack stack,
            RecordingHandler parse, RecordingHandler match, RecordingHandler report) {
        return new LocalRunner(clients.sqs(), List.of(
                new LocalRunner.Subscription("parse", stack.ingest(), parse),
                new LocalRunner.Subscription("match", stack.match(), match),
                new LocalRunner.Subscription("report", stack.report(), report)),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /** The object keys of the upload events among the messages. */
    private static List<String> eventKeys(List<SQSEvent.SQSMessage> messages) throws IOException {
        List<String> keys = new ArrayList<>();
        for (SQSEvent.SQSMessage message : messages) {
            JsonNode event = JSON.readTree(message.getBody());
            assertThat(event.path("detail-type").asText()).isEqualTo("Object Created");
            keys.add(event.path("detail").path("object").path("key").asText());
        }
        return keys;
    }

    @Test
    void onlyAnUploadIntoAStoresInboxReachesTheIngestHandlerWithItsKeyAsItIs(AwsClients clients) throws IOException {
        // given a stack, an upload with a Chinese name, a space and a '+', and objects outside an inbox
        EmulatedStack stack = newStack(clients);
        String key = "tenants/t1/stores/s1/inbox/2026-11/支付宝账务明细 11月+补.csv";
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromString("a,b\n1,2\n"));
        for (String other : List.of("tenants/t1/stores/s1/reports/2026-11-02/report.csv", "tenants/t1/stores/s1/config.json",
                "tenants/t1/stores/s1/rejected/a.csv.error.json", "elsewhere/x.csv")) {
            clients.s3().putObject(b -> b.bucket(stack.bucket()).key(other), RequestBody.fromString("x"));
        }
        RecordingHandler parse = RecordingHandler.succeeding();

        // when the runner drains the queues
        LocalRunner.Result result = runner(clients, stack, parse, RecordingHandler.succeeding(), RecordingHandler.succeeding())
                .runUntilDrained(TIMEOUT);

        // then the ingest handler got exactly the upload, its key not encoded
        assertThat(result.drained()).isTrue();
        assertThat(eventKeys(parse.seen)).containsExactly(key);
        // and the event has the fields Lambda fills
        SQSEvent.SQSMessage delivered = parse.seen.get(0);
        assertThat(delivered.getEventSource()).isEqualTo("aws:sqs");
        assertThat(delivered.getEventSourceArn()).isEqualTo(stack.ingest().arn());
        assertThat(delivered.getAwsRegion()).isEqualTo(stack.ingest().region());
        assertThat(delivered.getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
        assertThat(delivered.getReceiptHandle()).isNotBlank();
    }

    @Test
    void failedMessageIsRedeliveredAndEndsInDeadLetterQueueAfterThreeReceives(AwsClients clients) {
        // given a match message the handler always fails, next to one it handles
        EmulatedStack stack = newStack(clients);
        String poison = "{\"tenant\":\"t1\",\"store\":\"s1\",\"days\":[\"2026-13-40\"]}";
        String fine = "{\"tenant\":\"t1\",\"store\":\"s1\",\"days\":[\"2026-11-02\"]}";
        send(clients, stack.match(), poison);
        send(clients, stack.match(), fine);
        RecordingHandler match = new RecordingHandler(m -> m.getBody().equals(poison), m -> {});

        // when
        LocalRunner.Result result = runner(clients, stack, RecordingHandler.succeeding(), match, RecordingHandler.succeeding())
                .runUntilDrained(TIMEOUT);

        // then the failed one came three times, then went to the dead-letter queue; the other came once
        assertThat(result.drained()).isTrue();
        assertThat(match.seen.stream().filter(m -> m.getBody().equals(poison))
                .map(m -> m.getAttributes().get("ApproximateReceiveCount"))).containsExactly("1", "2", "3");
        assertThat(match.bodies()).filteredOn(fine::equals).hasSize(1);
        assertThat(result.byFunction().get("match").failed()).isEqualTo(3);
        List<Message> dead = clients.sqs().receiveMessage(b -> b.queueUrl(stack.match().deadLetterUrl()).maxNumberOfMessages(10)).messages();
        assertThat(dead).extracting(Message::body).containsExactly(poison);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("match: 1 of");
    }

    @Test
    void handlerThatThrowsGetsTheWholeBatchBack(AwsClients clients) {
        // given a report message and a handler that throws the first time only
        EmulatedStack stack = newStack(clients);
        send(clients, stack.report(), "{\"tenant\":\"t1\",\"store\":\"s1\",\"days\":[]}");
        int[] calls = {0};
        RecordingHandler report = new RecordingHandler(m -> false, m -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("table unavailable");
            }
        });

        // when
        LocalRunner.Result result = runner(clients, stack, RecordingHandler.succeeding(), RecordingHandler.succeeding(), report)
                .runUntilDrained(TIMEOUT);

        // then it came back and the second try removed it
        assertThat(result.drained()).isTrue();
        assertThat(report.seen).extracting(m -> m.getAttributes().get("ApproximateReceiveCount")).containsExactly("1", "2");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("report: the handler threw", "table unavailable");
    }

    @Test
    void runnerStopsWhenEveryQueueIsDrained(AwsClients clients) {
        // given handlers that pass work on: ingest → match → report, as the pipeline does
        EmulatedStack stack = newStack(clients);
        RecordingHandler report = RecordingHandler.succeeding();
        RecordingHandler match = new RecordingHandler(m -> false,
                m -> send(clients, stack.report(), "report " + m.getBody()));
        RecordingHandler parse = new RecordingHandler(m -> false,
                m -> send(clients, stack.match(), "match"));
        for (int i = 0; i < 12; i++) {
            String key = "tenants/t1/stores/s1/inbox/f" + i + ".csv";
            clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromString("x"));
        }

        // when
        LocalRunner.Result result = runner(clients, stack, parse, match, report).runUntilDrained(TIMEOUT);

        // then it stopped with everything handled once, in batches of at most ten
        assertThat(result.drained()).isTrue();
        assertThat(result.took()).isLessThan(TIMEOUT);
        int uploads = (int) parse.bodies().stream().filter(b -> b.contains("ObjectCreated")).count();
        assertThat(uploads).isEqualTo(12);
        assertThat(match.seen).hasSize(parse.seen.size());
        assertThat(report.bodies()).hasSize(parse.seen.size()).allMatch("report match"::equals);
        assertThat(parse.batchSizes).allMatch(n -> n <= 10);
        assertThat(result.byFunction().get("parse").messages()).isEqualTo(parse.seen.size());
    }

    @Test
    void runnerGivesUpAtTheTimeoutWhenWorkNeverEnds(AwsClients clients) {
        // given a handler that always puts another message on its own queue
        EmulatedStack stack = newStack(clients);
        send(clients, stack.match(), "again");
        RecordingHandler match = new RecordingHandler(m -> false,
                m -> send(clients, stack.match(), "again"));

        // when
        LocalRunner.Result result = runner(clients, stack, RecordingHandler.succeeding(), match, RecordingHandler.succeeding())
                .runUntilDrained(Duration.ofSeconds(2));

        // then
        assertThat(result.drained()).isFalse();
        assertThat(match.seen).hasSizeGreaterThan(1);
    }

    @Test
    void alertCollectorGetsTheTopicsMessageWithItsAttributes(AwsClients clients) {
        // given an alert published as the match function does: JSON structure, subject, attributes
        EmulatedStack stack = newStack(clients);
        clients.sns().publish(b -> b.topicArn(stack.alertTopicArn())
                .subject("t1/s1: 2 new anomalies")
                .messageStructure("json")
                .message("{\"default\":\"AMOUNT_MISMATCH 2\",\"sms\":\"2 个新异常\"}")
                .messageAttributes(Map.of(
                        "tenantId", MessageAttributeValue.builder().dataType("String").stringValue("t1").build(),
                        "storeId", MessageAttributeValue.builder().dataType("String").stringValue("s1").build(),
                        "severity", MessageAttributeValue.builder().dataType("String").stringValue("HIGH").build(),
                        "anomalyCount", MessageAttributeValue.builder().dataType("Number").stringValue("2").build())));

        // when
        List<AlertCollector.Alert> alerts = AlertCollector.drain(clients.sqs(), stack.alerts());

        // then
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo("t1/s1: 2 new anomalies");
            assertThat(alert.message()).isEqualTo("AMOUNT_MISMATCH 2");
            assertThat(alert.attributes()).containsEntry("tenantId", "t1").containsEntry("storeId", "s1")
                    .containsEntry("severity", "HIGH").containsEntry("anomalyCount", "2");
            assertThat(alert.timestamp()).isNotBlank();
        });
        assertThat(AlertCollector.drain(clients.sqs(), stack.alerts())).isEmpty();
    }

    /** Sends to a match or report queue (FIFO) as the functions do: in store t1/s1's message group, with a fresh deduplication id. */
    private static void send(AwsClients clients, EmulatedStack.Queue queue, String body) {
        clients.sqs().sendMessage(b -> b.queueUrl(queue.url()).messageBody(body)
                .messageGroupId("t1#s1").messageDeduplicationId(UUID.randomUUID().toString()));
    }
}
