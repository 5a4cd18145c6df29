package recon.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.port.DayResult;
import recon.port.StoreRef;
import recon.storage.DayResultJson;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Day results of any size on a table that refuses items over 400 KB, as DynamoDB does. */
class DynamoResultStoreTest {
    private static final StoreRef STORE = new StoreRef("t1", "s1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private final TableStub dynamo = new TableStub();
    private final DynamoResultStore results = new DynamoResultStore(
            new DynamoTable(dynamo, "t", Duration.ofDays(400), Clock.systemUTC(), pause -> {}));

    @Test
    void splitCutsIntoPiecesOfAtMostTheSizeThatJoinPutsBackTogether() {
        byte[] bytes = new byte[10];
        new Random(1).nextBytes(bytes);

        assertThat(DynamoResultStore.split(bytes, 4)).extracting(p -> p.length).containsExactly(4, 4, 2);
        assertThat(DynamoResultStore.split(bytes, 5)).extracting(p -> p.length).containsExactly(5, 5);
        assertThat(DynamoResultStore.split(bytes, 10)).extracting(p -> p.length).containsExactly(10);
        assertThat(DynamoResultStore.split(new byte[0], 4)).extracting(p -> p.length).containsExactly(0);
        for (int size = 1; size <= 11; size++) {
            assertThat(DynamoResultStore.join(DynamoResultStore.split(bytes, size))).isEqualTo(bytes);
        }
    }

    @Test
    void smallResultIsOneItemOfGzippedText() {
        DayResult result = result(3, 1);

        results.save(result);

        assertThat(dayItems()).containsExactly("t1#s1#2026-11-02|RESULT");
        assertThat(results.result(STORE, DAY)).contains(result);
    }

    @Test
    void anAnomalyIdOfAnySavedResultStaysKnownWithItsDay() {
        DayResult first = result(3, 1);
        results.save(first);
        results.save(result(0, 2));
        String id = first.anomalies().get(1).id();

        assertThat(results.anomalyDays(STORE, List.of(id, "0000000000000000"))).isEqualTo(Map.of(id, DAY));
        assertThat(results.anomalyDays(new StoreRef("t1", "s2"), List.of(id))).isEmpty();
    }

    /** The items of the day's partition: the result's, not the anomaly ids' of the store's. */
    private List<String> dayItems() {
        return dynamo.items.keySet().stream().filter(key -> key.startsWith("t1#s1#2026-11-02|")).toList();
    }

    @Test
    void resultBiggerThanAnItemIsStoredInPartsAndReadBackWhole() {
        // given a day whose text, gzipped, needs several items
        DayResult result = result(22_000, 2);
        assertThat(DynamoResultStore.gzip(DayResultJson.json(result)).length).isGreaterThan(2 * DynamoResultStore.PART_BYTES);

        // when
        results.save(result);

        // then it takes a head and parts, each within the limit, and reads back equal
        assertThat(dynamo.items).hasSizeGreaterThanOrEqualTo(3);
        assertThat(results.result(STORE, DAY)).contains(result);
        assertThat(DayResultJson.hash(results.result(STORE, DAY).orElseThrow())).isEqualTo(DayResultJson.hash(result));
    }

    @Test
    void smallerResultReplacesABiggerOneAndLeavesNoPartBehind() {
        results.save(result(22_000, 3));

        DayResult smaller = result(5, 4);
        results.save(smaller);

        assertThat(dayItems()).containsExactly("t1#s1#2026-11-02|RESULT");
        assertThat(results.result(STORE, DAY)).contains(smaller);
    }

    @Test
    void readerWhoseHeadIsReplacedWhileItReadsReadsTheNewResultWhole() {
        // given a big result, and another saved just as a reader has read the first one's head
        DayResult first = result(22_000, 5);
        DayResult second = result(12_000, 6);
        results.save(first);
        dynamo.beforeNextPartRead = () -> results.save(second);

        // when
        var read = results.result(STORE, DAY);

        // then the reader found the first one's parts gone and read the second one, never a mix
        assertThat(read).contains(second);
    }

    @Test
    void resultWhosePartStaysGoneIsNeverReadInPartButCountsAsNone() {
        results.save(result(22_000, 7));
        dynamo.items.keySet().removeIf(key -> key.endsWith("00002"));

        assertThat(results.result(STORE, DAY)).isEmpty();
    }

    @Test
    void sameResultSavedAgainKeepsItsParts() {
        DayResult result = result(22_000, 13);
        results.save(result);
        var items = List.copyOf(dynamo.items.keySet());

        results.save(result);

        assertThat(dynamo.items.keySet()).containsExactlyElementsOf(items);
        assertThat(results.result(STORE, DAY)).contains(result);
    }

    @Test
    void saveThatDiesBeforeItsHeadLeavesTheEarlierResultReadable() {
        // given a result, then a bigger one whose save dies once its parts are written
        DayResult first = result(22_000, 8);
        results.save(first);
        dynamo.failHeadPuts = true;

        assertThatThrownBy(() -> results.save(result(25_000, 9))).isInstanceOf(DynamoDbException.class);

        // then the earlier one still reads back whole: the new parts are named by no head
        assertThat(results.result(STORE, DAY)).contains(first);
    }

    @Test
    void resultWhoseTextDoesNotMatchItsHashCountsAsNone() {
        results.save(result(3, 10));
        var head = new java.util.HashMap<>(dynamo.items.get("t1#s1#2026-11-02|RESULT"));
        head.put("hash", AttributeValue.fromS(DayResultJson.hash(result(3, 11))));
        dynamo.items.put("t1#s1#2026-11-02|RESULT", head);

        assertThat(results.result(STORE, DAY)).isEmpty();
    }

    @Test
    void resultWrittenAsPlainTextBeforeGzipIsStillRead() {
        DayResult result = result(3, 12);
        dynamo.items.put("t1#s1#2026-11-02|RESULT", Map.of("pk", AttributeValue.fromS("t1#s1#2026-11-02"),
                "sk", AttributeValue.fromS("RESULT"), "json", AttributeValue.fromS(DayResultJson.json(result)),
                "hash", AttributeValue.fromS(DayResultJson.hash(result))));

        assertThat(results.result(STORE, DAY)).contains(result);
    }

    /** A day with {@code anomalies} unmatched settlements of random ids: text that compresses about as badly as real ids do. */
    private static DayResult result(int anomalies, long seed) {
        Random random = new Random(seed);
        List<Anomaly> list = new ArrayList<>();
        for (int i = 0; i < anomalies; i++) {
            String lineId = "2026110222001" + String.format("%019d", random.nextLong(Long.MAX_VALUE));
            String orderId = String.format("%019d", random.nextLong(Long.MAX_VALUE));
            long fen = random.nextInt(1_000_000);
            list.add(new Anomaly(AnomalyType.UNMATCHED_SETTLEMENT, AnomalyType.UNMATCHED_SETTLEMENT.severity, DAY,
                    null, lineId, 0, fen, "备注中的订单号 " + orderId + " 找不到")
                    .withId(String.format("%016x", random.nextLong())));
        }
        DayFigures figures = new DayFigures(DAY, 0, anomalies, 123_45L * anomalies, Map.of(Channel.ALIPAY, 123_45L * anomalies), 0, 0, 0, 0, null, null, 0, anomalies, 0, 0, 0,
                anomalies == 0 ? Map.of() : Map.of(AnomalyType.UNMATCHED_SETTLEMENT, anomalies));
        return new DayResult(STORE, List.of(FileOutcome.accepted("支付宝账务明细.csv", FileKind.ALIPAY_LEDGER, anomalies)),
                figures, list);
    }
}
