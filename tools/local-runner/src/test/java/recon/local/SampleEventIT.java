package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.functions.aws.AwsClients;
import recon.functions.parse.ParseHandler;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import software.amazon.awssdk.services.sqs.model.Message;

/** The sample event of events/ (as S3, EventBridge and SQS really write it) reaches the parse function intact. */
@ExtendWith(EmulatorExtension.class)
class SampleEventIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda's own field names differ in case from the event class's setters (eventSourceARN). */
    private static final ObjectMapper LAMBDA_JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** The sample's key: Chinese characters, a space. */
    private static final String SAMPLE_KEY = "tenants/t1/stores/s1/inbox/2026-11/支付宝账务明细 11月.csv";

    @TempDir
    Path samples;

    @Test
    void uploadEventDeliveredThroughEventBridgeAndSqsHasItsExportParsed(AwsClients clients) throws IOException {
        // given an export stored under the sample's key, in a stack whose bucket the event is made to name
        StoreSample store = new SampleGenerator(new SampleGenerator.Options(300, 31, 5, LocalDate.of(2026, 11, 1)))
                .generate(samples).stores().get(0);
        String export = store.files().stream().filter(f -> f.endsWith(".csv")).findFirst().orElseThrow();
        RealPipeline pipeline = new RealPipeline(clients);
        pipeline.upload(SAMPLE_KEY, store.dir().resolve(export));
        SQSEvent event = sampleEvent(pipeline.stack.bucket());

        // when the parse function gets the event as Lambda delivers it
        SQSBatchResponse response = new ParseHandler(clients, pipeline.stack.settings())
                .handleRequest(event, new LocalContext("parse", Duration.ofMinutes(1), System.err));

        // then the message succeeded and the file is processed under its key and name
        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, String> files = pipeline.items("FILE#");
        assertThat(files).hasSize(1);
        assertThat(files.values().iterator().next()).contains("DONE", SAMPLE_KEY, "支付宝账务明细 11月.csv");
        assertThat(pipeline.items("R#")).isNotEmpty().allSatisfy((key, item) -> assertThat(key).startsWith("t1#s1#2026-"));
        // and the store's days were sent to be matched
        List<Message> matchRequests = clients.sqs().receiveMessage(b -> b.queueUrl(pipeline.stack.match().url())
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(matchRequests).singleElement().satisfies(m -> {
            JsonNode request = JSON.readTree(m.body());
            assertThat(request.path("tenant").asText()).isEqualTo("t1");
            assertThat(request.path("store").asText()).isEqualTo("s1");
            assertThat(request.path("days")).isNotEmpty();
        });
    }

    /** events/upload-via-eventbridge-sqs.json read as Lambda's runtime reads it, the S3 event in its body naming the given bucket. */
    private static SQSEvent sampleEvent(String bucket) throws IOException {
        Path file = Emulator.repositoryRoot().resolve("events/upload-via-eventbridge-sqs.json");
        SQSEvent event = LAMBDA_JSON.readValue(Files.readString(file), SQSEvent.class);
        assertThat(event.getRecords()).hasSize(1);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        assertThat(message.getEventSourceArn()).startsWith("arn:aws:sqs:");
        JsonNode body = JSON.readTree(message.getBody());
        ((ObjectNode) body.path("detail").path("bucket")).put("name", bucket);
        message.setBody(body.toString());
        event.setRecords(new ArrayList<>(event.getRecords()));
        return event;
    }
}
