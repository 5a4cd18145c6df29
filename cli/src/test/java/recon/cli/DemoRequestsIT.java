package recon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.functions.aws.AwsClients;
import recon.functions.match.MatchHandler;
import recon.functions.parse.ParseHandler;
import recon.functions.report.ReportHandler;
import recon.local.EmulatorExtension;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/** {@code ./recon demo} with the real functions writes the requests they made, and the capacity they consumed, to requests.json. */
@ExtendWith(EmulatorExtension.class)
class DemoRequestsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void demoCountsTheRequestsAndCapacityOfThePipeline(URI endpoint, AwsClients clients) throws IOException {
        // given one generated store's exports and its config
        StoreSample store = new SampleGenerator(new SampleGenerator.Options(300, 31, 7, LocalDate.of(2026, 11, 1)))
                .generate(work.resolve("samples")).stores().get(1);
        List<String> args = new ArrayList<>(List.of("--tenant", store.tenant(), "--store", store.store(),
                "--config", store.dir().resolve("config.json").toString(), "--out", work.resolve("demo").toString()));
        Stream.concat(store.files().stream(), store.rejectedFiles().stream()).forEach(f -> args.add(store.dir().resolve(f).toString()));
        List<String> tablesBefore = clients.dynamo().listTablesPaginator().tableNames().stream().toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DemoCommand demo = new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new DemoCommand.Pipeline(ParseHandler::new, MatchHandler::new, ReportHandler::new), endpoint);

        // when
        int exit = demo.run(args);

        // then every kind of request the pipeline makes was counted
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode requests = JSON.readTree(work.resolve("demo/requests.json").toFile());
        Map<String, JsonNode> operations = new HashMap<>();
        for (String section : List.of("functions", "runner")) {
            requests.path(section).path("operations").forEach(o -> operations.merge(o.path("service").asText() + " " + o.path("operation").asText(), o,
                    (a, b) -> JSON.createObjectNode().put("requests", a.path("requests").asLong() + b.path("requests").asLong())));
        }
        for (String operation : List.of("S3 PutObject", "S3 GetObject", "Sqs ReceiveMessage", "Sqs SendMessage", "Sns Publish",
                "DynamoDb BatchWriteItem", "DynamoDb Query")) {
            assertThat(operations.get(operation)).as(operation + " in " + operations.keySet()).isNotNull();
            assertThat(operations.get(operation).path("requests").asLong()).as(operation).isPositive();
        }
        assertThat(requests.path("orders").asLong()).isPositive();
        assertThat(requests.path("functions").path("total").path("per10kOrders").path("requests").asDouble()).isPositive();

        // and every record item written cost at least one write unit
        List<String> newTables = new ArrayList<>(clients.dynamo().listTablesPaginator().tableNames().stream().toList());
        newTables.removeAll(tablesBefore);
        assertThat(newTables).hasSize(1);
        long recordItems = clients.dynamo().scanPaginator(b -> b.tableName(newTables.get(0))).items().stream()
                .filter(item -> item.get("sk").s().startsWith("R#")).count();
        assertThat(recordItems).isPositive();
        JsonNode batchWrites = requests.path("functions").path("operations").findParents("operation").stream()
                .filter(o -> o.path("operation").asText().equals("BatchWriteItem")).findFirst().orElseThrow();
        assertThat(batchWrites.path("writeUnits").asDouble()).isGreaterThanOrEqualTo(recordItems);
    }
}
