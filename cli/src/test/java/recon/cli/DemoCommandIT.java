package recon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.functions.aws.AwsClients;
import recon.functions.aws.Settings;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * {@code ./recon demo} on the emulator with stand-in functions that pass work along as the real ones
 * do: parse rejects *.bad.csv, loses lost*.csv and sends the rest to match; match alerts and asks for
 * a report; report writes a summary.json listing the store's accepted files.
 */
class DemoCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-11-02";

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int demo(String... args) throws IOException {
        return new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new StandIns().pipeline()).run(List.of(args));
    }

    private Path file(String name, String text) throws IOException {
        Path file = work.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void processesGivenFilesAndCopiesReportsRejectionsAndAlertsBack() throws IOException {
        // given an accepted export, a rejected one and a config
        Path accepted = file("支付宝 账务.csv", "a,b\n");
        Path rejected = file("orders.bad.csv", "?\n");
        Path config = file("config.json", "{\"graceDays\": 5}");
        Path outDir = work.resolve("out");

        // when
        int exit = demo("--tenant", "t7", "--store", "s2", "--config", config.toString(), "--out", outDir.toString(),
                accepted.toString(), rejected.toString());

        // then every file was processed and the pipeline's objects are in the folder under their keys
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path store = outDir.resolve("tenants/t7/stores/s2");
        assertThat(store.resolve("config.json")).hasContent("{\"graceDays\": 5}");
        assertThat(store.resolve("inbox/支付宝 账务.csv")).hasContent("a,b");
        assertThat(store.resolve("rejected/orders.bad.csv.error.json")).exists();
        JsonNode summary = JSON.readTree(store.resolve("reports/" + DAY + "/summary.json").toFile());
        assertThat(summary.path("files").get(0).path("name").asText()).isEqualTo("支付宝 账务.csv");
        JsonNode alerts = JSON.readTree(outDir.resolve("alerts.json").toFile());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("subject").asText()).isEqualTo("t7/s2 新异常");
        assertThat(alerts.get(0).path("attributes").path("tenantId").asText()).isEqualTo("t7");
        assertThat(alerts.get(0).path("attributes").path("anomalyCount").asText()).isEqualTo("1");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsPattern("t7/s2\\s+" + DAY + "\\s+1\\s+10.00\\s+0.00\\s+0.00\\s+1")
                .contains("every uploaded file was processed", "dead letters  ingest 0, match 0, report 0");
    }

    @Test
    void failsNamingTheFilesThatWereNeitherReportedNorRejected() throws IOException {
        // given a file the stand-in parse function drops
        Path fine = file("a.csv", "a\n");
        Path lost = file("lost.csv", "b\n");

        // when
        int exit = demo("--out", work.resolve("out").toString(), fine.toString(), lost.toString());

        // then
        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("1 uploaded files have neither a report nor a rejection", "tenants/t1/stores/s1/inbox/lost.csv")
                .doesNotContain("inbox/a.csv");
    }

    @Test
    void withoutFilesUploadsTheSamplesOfEveryStoreWithTheirConfig() throws IOException {
        // given the samples the demo generates
        Manifest expected = new SampleGenerator(SampleGenerator.Options.defaults()).generate(work.resolve("expected"));
        Path outDir = work.resolve("out");

        // when
        int exit = demo("--out", outDir.toString());

        // then all stores of both tenants were uploaded, each with its config
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(expected.stores()).extracting(StoreSample::tenant).contains("t1", "t2");
        for (StoreSample store : expected.stores()) {
            Path dir = outDir.resolve("tenants").resolve(store.tenant()).resolve("stores").resolve(store.store());
            assertThat(dir.resolve("config.json")).exists();
            for (String name : store.files()) {
                assertThat(dir.resolve("inbox").resolve(name)).hasSameBinaryContentAs(store.dir().resolve(name));
                assertThat(dir.resolve("reports/" + DAY + "/summary.json")).content().contains(name);
            }
            for (String name : store.rejectedFiles()) {
                assertThat(dir.resolve("inbox").resolve(name)).exists();
            }
        }
    }

    @Test
    void storeOptionsWithoutFilesAreAUsageError() {
        assertThatThrownBy(() -> demo("--tenant", "t1")).isInstanceOf(Args.UsageException.class)
                .hasMessageContaining("go with the files");
    }

    /** The three stand-in functions, sharing what parse accepted per store. */
    private static final class StandIns {
        private final Map<String, Set<String>> acceptedByStore = new ConcurrentHashMap<>();

        DemoCommand.Pipeline pipeline() {
            return new DemoCommand.Pipeline(this::parse, this::match, this::report);
        }

        private RequestHandler<SQSEvent, SQSBatchResponse> parse(AwsClients clients, Settings settings) {
            return each(message -> {
                // the uploads rule sends only keys under a store's inbox/, one per event, as they are
                String key = read(message.getBody()).path("detail").path("object").path("key").asText();
                String store = key.substring(0, key.indexOf("/inbox/") + 1);
                String name = key.substring(key.lastIndexOf('/') + 1);
                if (name.endsWith(".bad.csv")) {
                    put(clients, settings, store + "rejected/" + name + ".error.json",
                            JSON.createObjectNode().put("file", name).put("key", key).put("kind", "UNKNOWN").put("error", "无法识别的文件表头"));
                } else if (!name.startsWith("lost")) {
                    acceptedByStore.computeIfAbsent(store, s -> ConcurrentHashMap.newKeySet()).add(name);
                    String[] parts = store.split("/");
                    clients.sqs().sendMessage(b -> b.queueUrl(settings.require(Settings.MATCH_QUEUE_URL)).messageBody(
                            "{\"tenant\":\"" + parts[1] + "\",\"store\":\"" + parts[3] + "\",\"days\":[\"" + DAY + "\"]}")
                            .messageGroupId(parts[1] + "#" + parts[3]).messageDeduplicationId(UUID.randomUUID().toString()));
                }
            });
        }

        private RequestHandler<SQSEvent, SQSBatchResponse> match(AwsClients clients, Settings settings) {
            return each(message -> {
                JsonNode request = read(message.getBody());
                String tenant = request.path("tenant").asText();
                String store = request.path("store").asText();
                clients.sns().publish(b -> b.topicArn(settings.require(Settings.ALERT_TOPIC_ARN))
                        .subject(tenant + "/" + store + " 新异常").message("AMOUNT_MISMATCH 1")
                        .messageAttributes(Map.of(
                                "tenantId", MessageAttributeValue.builder().dataType("String").stringValue(tenant).build(),
                                "anomalyCount", MessageAttributeValue.builder().dataType("Number").stringValue("1").build())));
                clients.sqs().sendMessage(b -> b.queueUrl(settings.require(Settings.REPORT_QUEUE_URL)).messageBody(message.getBody())
                        .messageGroupId(tenant + "#" + store).messageDeduplicationId(UUID.randomUUID().toString()));
            });
        }

        private RequestHandler<SQSEvent, SQSBatchResponse> report(AwsClients clients, Settings settings) {
            return each(message -> {
                JsonNode request = read(message.getBody());
                String store = "tenants/" + request.path("tenant").asText() + "/stores/" + request.path("store").asText() + "/";
                ObjectNode summary = JSON.createObjectNode();
                acceptedByStore.get(store).forEach(name -> summary.withArray("files").addObject().put("name", name).put("status", "ACCEPTED"));
                summary.withArray("days").addObject().put("day", DAY).put("settledCount", 1).put("settledAmount", "10.00").put("refundAmount", "0.00");
                summary.withArray("anomalies").addObject().put("type", "AMOUNT_MISMATCH");
                put(clients, settings, store + "reports/" + DAY + "/summary.json", summary);
            });
        }

        /** A handler that acts on each message and fails none. */
        private static RequestHandler<SQSEvent, SQSBatchResponse> each(java.util.function.Consumer<SQSEvent.SQSMessage> action) {
            return (event, context) -> {
                event.getRecords().forEach(action);
                return new SQSBatchResponse(List.of());
            };
        }

        private static void put(AwsClients clients, Settings settings, String key, JsonNode json) {
            clients.s3().putObject(b -> b.bucket(settings.require(Settings.BUCKET_NAME)).key(key), RequestBody.fromString(json.toString()));
        }

        private static JsonNode read(String json) {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
