package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import recon.local.RequestMeter;

/** The pipeline's cost from what a run counted, at the price table's prices, and the section the bench prints. */
class PipelineCostTest {
    private static final List<PipelineCost.Function> FUNCTIONS = List.of(
            new PipelineCost.Function("parse", 1024, 1, 10, 10, 2.0),
            new PipelineCost.Function("match", 2048, 10, 3, 5, 1.5),
            new PipelineCost.Function("report", 2048, 10, 2, 2, 0.5));
    private static final List<PipelineBench.Peak> PEAKS = List.of(new PipelineBench.Peak("parse", 0.4, 180),
            new PipelineBench.Peak("match", 1.0, 900), new PipelineBench.Peak("report", 0.5, 400));
    private static final List<RequestMeter.Usage> REQUESTS = List.of(
            new RequestMeter.Usage("DynamoDb", "BatchWriteItem", 4, 100, 0, 0, 0),
            new RequestMeter.Usage("DynamoDb", "Query", 10, 0, 20, 0, 0),
            new RequestMeter.Usage("S3", "GetObject", 50, 0, 0, 0, 1_000_000),
            new RequestMeter.Usage("S3", "ListObjectsV2", 1, 0, 0, 0, 0),
            new RequestMeter.Usage("S3", "PutObject", 200, 0, 0, 2_000_000, 0),
            new RequestMeter.Usage("Sns", "Publish", 2, 0, 0, 0, 0),
            new RequestMeter.Usage("Sqs", "SendMessage", 2, 0, 0, 0, 0),
            new RequestMeter.Usage("Sqs", "SendMessageBatch", 3, 0, 0, 0, 0));

    private static Map<PriceList.Price, PipelineCost.Line> byPrice(PipelineCost cost) {
        return cost.lines().stream().collect(Collectors.toMap(PipelineCost.Line::price, Function.identity()));
    }

    @Test
    void pricesEveryServiceFromTheCountedRequestsAndTheHandlerTime() {
        // when
        Map<PriceList.Price, PipelineCost.Line> lines = byPrice(PipelineCost.of(50_000, FUNCTIONS, REQUESTS));

        // then: 15 invocations; 2.0 s at 1 GB + 1.5 s and 0.5 s at 2 GB = 6 GB-s
        assertThat(lines.get(PriceList.LAMBDA_REQUESTS).quantity()).isEqualByComparingTo("15");
        assertThat(lines.get(PriceList.LAMBDA_REQUESTS).cost()).isEqualByComparingTo("0.000003");
        assertThat(lines.get(PriceList.LAMBDA_DURATION).quantity()).isEqualByComparingTo("6");
        assertThat(lines.get(PriceList.LAMBDA_DURATION).cost()).isEqualByComparingTo("0.0000800004");
        assertThat(lines.get(PriceList.DYNAMODB_WRITES).cost()).isEqualByComparingTo("0.0000625");
        assertThat(lines.get(PriceList.DYNAMODB_READS).cost()).isEqualByComparingTo("0.0000025");
        // a LIST is billed as a PUT
        assertThat(lines.get(PriceList.S3_PUTS).quantity()).isEqualByComparingTo("201");
        assertThat(lines.get(PriceList.S3_PUTS).cost()).isEqualByComparingTo("0.001005");
        assertThat(lines.get(PriceList.S3_GETS).cost()).isEqualByComparingTo("0.00002");
        assertThat(lines.get(PriceList.SNS_PUBLISHES).cost()).isEqualByComparingTo("0.000001");
    }

    @Test
    void countsTheSqsRequestsOfThePollersAndOfTheBucketNotifications() {
        // when
        Map<PriceList.Price, PipelineCost.Line> lines = byPrice(PipelineCost.of(50_000, FUNCTIONS, REQUESTS));

        // then the standard ingest queue: 10 notifications by S3, a receive and a delete for each of parse's 10 batches
        assertThat(lines.get(PriceList.SQS_REQUESTS).quantity()).isEqualByComparingTo("30");
        assertThat(lines.get(PriceList.SQS_REQUESTS).cost()).isEqualByComparingTo("0.000012");
        // and the FIFO match and report queues: 5 sends by the functions, a receive and a delete for each of 5 batches
        assertThat(lines.get(PriceList.SQS_FIFO_REQUESTS).quantity()).isEqualByComparingTo("15");
        assertThat(lines.get(PriceList.SQS_FIFO_REQUESTS).cost()).isEqualByComparingTo("0.0000075");
    }

    @Test
    void scalesTheRunToOneHundredThousandOrders() {
        // given a run of 50,000 orders
        PipelineCost cost = PipelineCost.of(50_000, FUNCTIONS, REQUESTS);

        // then
        BigDecimal sum = new BigDecimal("0.000003").add(new BigDecimal("0.0000800004")).add(new BigDecimal("0.0000625"))
                .add(new BigDecimal("0.0000025")).add(new BigDecimal("0.001005")).add(new BigDecimal("0.00002"))
                .add(new BigDecimal("0.000012")).add(new BigDecimal("0.0000075")).add(new BigDecimal("0.000001"));
        assertThat(cost.total()).isEqualByComparingTo(sum);
        assertThat(cost.per100k(cost.total())).isEqualByComparingTo(sum.multiply(BigDecimal.TWO).setScale(6, RoundingMode.HALF_UP));
    }

    @Test
    void benchSectionPrintsTheCostPer100kOrdersWithItsTablesAndPrices() {
        // given
        PipelineCost cost = PipelineCost.of(50_000, FUNCTIONS, REQUESTS);
        PipelineBench.Result result = new PipelineBench.Result(PipelineBench.Pattern.MONTHLY, 5, 1, true, 0, 12.0, FUNCTIONS, PEAKS, REQUESTS, cost, cost);

        // when
        String report = PipelineBench.report(result, 50_000, "abc1234", "1.00 1.00 1.00", "2.00 1.00 1.00");

        // then
        assertThat(report).contains("pipeline cost · monthly uploads · 50,000 orders · commit abc1234")
                .contains("**Cost per 100k orders: $%.4f**".formatted(cost.per100k(cost.total())))
                .contains("| Lambda | duration, arm64, GB-seconds | 6 | 0.0000133334 | 1 | 0.000080 | 0.000160 |")
                .contains("| SQS | standard queue requests | 30 | 0.40 | 1,000,000 | 0.000012 | 0.000024 |")
                .contains("| SQS | FIFO queue requests | 15 | 0.50 | 1,000,000 | 0.000008 | 0.000015 |")
                .contains("| parse | 1,024 | 1 | 10 | 10 | 2.0 | 2.0 | 0.4 | 180 |")
                .contains("| S3 | PutObject | 200 |  |  | 2.00 |  |")
                .contains("Prices: us-east-1")
                .contains("| DynamoDB | write request units (on demand) | 0.625 | 1,000,000 | aws.amazon.com/dynamodb/pricing/on-demand |")
                .contains("pessimistic");
    }

    @Test
    void theLastLineGivesTheCostPer100kOrdersWithThePatternAndTheOrders() {
        PipelineCost cost = PipelineCost.of(20_000, FUNCTIONS, REQUESTS);
        PipelineCost night = PipelineCost.of(20_000, List.of(new PipelineCost.Function("parse", 1024, 1, 0, 0, 0),
                new PipelineCost.Function("match", 2048, 10, 1, 1, 0.5)), List.of());
        PipelineBench.Result result = new PipelineBench.Result(PipelineBench.Pattern.DAILY, 93, 31, true, 0, 12.0, FUNCTIONS,
                PEAKS, REQUESTS, cost, night);

        assertThat(PipelineBench.costLine(result, 20_000))
                .isEqualTo("cost per 100k orders: $%.4f (daily uploads, 20,000 orders)".formatted(cost.per100k(cost.total())))
                .matches("cost per 100k orders: \\$\\d+\\.\\d{4} \\(daily uploads, 20,000 orders\\)");
        assertThat(PipelineBench.report(result, 20_000, "abc1234", "1", "1"))
                .contains("daily uploads · 20,000 orders", "uploaded every morning (the day before's files, 31 mornings)")
                .contains("A night with no upload (the schedule's re-match of the store, after the month): $%.6f"
                        .formatted(night.total()));
        assertThat(PipelineBench.Pattern.of("monthly")).isEqualTo(PipelineBench.Pattern.MONTHLY);
        assertThatThrownBy(() -> PipelineBench.Pattern.of("weekly")).hasMessageContaining("monthly or daily");
    }

    @Test
    void benchSectionSaysWhenTheQueuesWereNotDrained() {
        PipelineBench.Result result = new PipelineBench.Result(PipelineBench.Pattern.MONTHLY, 5, 1, false, 2, 12.0, FUNCTIONS,
                PEAKS, REQUESTS, PipelineCost.of(50_000, FUNCTIONS, REQUESTS), PipelineCost.of(50_000, FUNCTIONS, REQUESTS));

        assertThat(result.ok()).isFalse();
        assertThat(PipelineBench.report(result, 50_000, "abc1234", "1", "1")).contains("**NOT drained**, 2 dead letters");
    }

    @Test
    void benchUsesTheMemoryAndBatchSizesOfTheTemplate() throws IOException {
        JsonNode resources = new YAMLMapper().readTree(BenchCommand.projectRoot().resolve("template.yaml").toFile()).path("Resources");

        assertThat(function(resources, "ParseFunction", "Uploads")).containsExactly(PipelineBench.PARSE_MEMORY_MB, PipelineBench.PARSE_BATCH);
        assertThat(function(resources, "MatchFunction", "MatchRequests")).containsExactly(PipelineBench.MATCH_MEMORY_MB, PipelineBench.MATCH_BATCH);
        assertThat(function(resources, "ReportFunction", "ReportRequests")).containsExactly(PipelineBench.REPORT_MEMORY_MB, PipelineBench.REPORT_BATCH);
    }

    private static List<Integer> function(JsonNode resources, String name, String event) {
        JsonNode properties = resources.path(name).path("Properties");
        return List.of(properties.path("MemorySize").asInt(), properties.path("Events").path(event).path("Properties").path("BatchSize").asInt());
    }
}
