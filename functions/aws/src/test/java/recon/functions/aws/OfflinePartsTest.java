package recon.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import recon.port.StoreDays;
import recon.port.StoreRef;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The parts of the adapters that need no emulator: retries, messages, priming. */
class OfflinePartsTest {

    @Test
    void batchWritesGoInTwentyFivesAndRetryWhatWasLeftUnprocessed() {
        List<Integer> sizes = new ArrayList<>();
        List<Duration> pauses = new ArrayList<>();
        DynamoDbClient dynamo = new StubDynamo(request -> {
            List<WriteRequest> items = request.requestItems().get("t");
            sizes.add(items.size());
            // the first call of each batch leaves its last two items unprocessed
            return sizes.size() % 2 == 1 ? items.subList(items.size() - 2, items.size()) : List.of();
        });
        DynamoTable table = new DynamoTable(dynamo, "t", Duration.ofDays(1), Clock.systemUTC(), pauses::add);

        table.putAll(items(30));

        assertThat(sizes).containsExactly(25, 2, 5, 2);
        assertThat(pauses).hasSize(2).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofMillis(100)));
    }

    @Test
    void batchWritesGiveUpAfterBoundedAttempts() {
        List<Duration> pauses = new ArrayList<>();
        DynamoDbClient dynamo = new StubDynamo(request -> request.requestItems().get("t"));
        DynamoTable table = new DynamoTable(dynamo, "t", Duration.ofDays(1), Clock.systemUTC(), pauses::add);

        assertThatThrownBy(() -> table.putAll(items(3))).hasMessageContaining("unprocessed");
        assertThat(pauses).hasSize(DynamoTable.MAX_ATTEMPTS - 1)
                .allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void storeDaysMessagesRoundTripAndRecentDaysIsUnderstood() {
        StoreDays request = new StoreDays(new StoreRef("t1", "s1"),
                new TreeSet<>(List.of(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 2))));

        String body = StoreDaysMessage.encode(request);

        assertThat(body).isEqualTo("{\"tenant\":\"t1\",\"store\":\"s1\",\"days\":[\"2026-11-02\",\"2026-11-03\"]}");
        assertThat(StoreDaysMessage.decode(body)).isEqualTo(new StoreDaysMessage.ForStore(request));
        assertThat(StoreDaysMessage.decode("{\"recentDays\":7}")).isEqualTo(new StoreDaysMessage.Recent(7));
        for (String bad : List.of("{\"recentDays\":0}", "{\"tenant\":\"T1\",\"store\":\"s1\",\"days\":[\"2026-11-02\"]}",
                "{\"tenant\":\"t1\",\"store\":\"s1\",\"days\":[\"2026-13-02\"]}", "{\"tenant\":\"t1\",\"store\":\"s1\",\"days\":[]}", "[]")) {
            assertThatThrownBy(() -> StoreDaysMessage.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void alertClaimKeysTooLongForASortKeyGoByTheirHashAndStayDistinct() {
        String shortKey = "UNMATCHED_SETTLEMENT#2026-11-02#3553498017448001#20261102001";
        String longKey = "UNMATCHED_SETTLEMENT#2026-11-02#3553498017448001#" + "流水".repeat(400);
        String otherLongKey = longKey + "2";

        assertThat(TableKeys.alerted(shortKey)).isEqualTo("ALERTED#" + shortKey);
        assertThat(TableKeys.alerted(longKey)).startsWith("ALERTED#SHA256#")
                .isEqualTo(TableKeys.alerted(longKey)).isNotEqualTo(TableKeys.alerted(otherLongKey));
        assertThat(TableKeys.alerted(longKey).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(TableKeys.MAX_SORT_KEY_BYTES);
    }

    @Test
    void parsePrimingReadsATinyExportForReal() {
        var outcome = ParsePriming.run();

        assertThat(outcome.accepted()).as(outcome.error()).isTrue();
        assertThat(outcome.rows()).isEqualTo(1);
    }

    @Test
    void matchPrimingReconcilesTheUnpackedOrderWithTheConfigReadFromJson() {
        var reconciliation = MatchPriming.run();

        assertThat(reconciliation.days()).extracting(d -> d.day()).contains(StorePriming.DAY);
        assertThat(reconciliation.days().stream().mapToLong(d -> d.ordersPaid()).sum()).isEqualTo(1);
    }

    @Test
    void reportPrimingWritesTheFourReportFilesOfTheTinyStore() {
        assertThat(ReportPriming.run()).containsExactly("summary.json", "report.csv", "report.xlsx", "report.html");
    }

    @Test
    void sdkPrimingSendsEachKindOfRequestToTheCannedAnswerWithoutFailing() {
        assertThatCode(SdkPriming::s3).doesNotThrowAnyException();
        assertThatCode(SdkPriming::dynamo).doesNotThrowAnyException();
        assertThatCode(SdkPriming::sqs).doesNotThrowAnyException();
        assertThatCode(SdkPriming::sns).doesNotThrowAnyException();
    }

    private static List<Map<String, AttributeValue>> items(int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s" + i)));
        }
        return items;
    }

    /** Answers batch writes only, leaving unprocessed what the function says. */
    private record StubDynamo(java.util.function.Function<BatchWriteItemRequest, List<WriteRequest>> unprocessed)
            implements DynamoDbClient {
        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            List<WriteRequest> left = unprocessed.apply(request);
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(left.isEmpty() ? Map.of() : Map.of("t", List.copyOf(left))).build();
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(Consumer<BatchWriteItemRequest.Builder> request) {
            return batchWriteItem(BatchWriteItemRequest.builder().applyMutation(request).build());
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
