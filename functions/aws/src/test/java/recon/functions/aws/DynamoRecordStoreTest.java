package recon.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import recon.port.RecordChunk;
import recon.port.StoreRef;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store-day's chunks spread over partition keys, 32 parts of a file a key, and read back whole. */
class DynamoRecordStoreTest {
    private static final StoreRef STORE = new StoreRef("t1", "s1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 11);

    private final TableStub dynamo = new TableStub();
    private final DynamoTable table = new DynamoTable(dynamo, "t", Duration.ofDays(400), Clock.systemUTC(), pause -> {});
    private final DynamoRecordStore records = new DynamoRecordStore(table);

    private static List<RecordChunk> parts(String fileId, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(part -> new RecordChunk(DAY, fileId, part, 1, new byte[] {(byte) part}))
                .toList();
    }

    private List<RecordChunk> load() {
        List<RecordChunk> loaded = new ArrayList<>();
        records.load(STORE, List.of(DAY), loaded::add);
        return loaded;
    }

    @Test
    void aBigDaysChunksGoToOnePartitionKeyPer32PartsOfAFileAndComeBackOnceEach() {
        records.save(STORE, parts("f1", 0, 70));
        records.save(STORE, parts("f2", 0, 3));

        assertThat(dynamo.items.keySet()).filteredOn(k -> k.startsWith("t1#s1#2026-11-11|"))
                .hasSize(32 + 3);
        assertThat(dynamo.items).containsKeys("t1#s1#2026-11-11|R#f1#00031", "t1#s1#2026-11-11#B1|R#f1#00032",
                "t1#s1#2026-11-11#B1|R#f1#00063", "t1#s1#2026-11-11#B2|R#f1#00069", "t1#s1#2026-11-11|R#f2#00002");
        List<RecordChunk> loaded = load();
        assertThat(loaded).extracting(c -> c.fileId() + "#" + c.part() + "=" + c.data()[0])
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 73)
                        .mapToObj(i -> i < 70 ? "f1#" + i + "=" + i : "f2#" + (i - 70) + "=" + (i - 70)).toList());
        assertThat(dynamo.queried).containsExactly("t1#s1#2026-11-11", "t1#s1#2026-11-11#B1", "t1#s1#2026-11-11#B2");
    }

    @Test
    void aSmallDayCostsOneQuery() {
        records.save(STORE, parts("f1", 0, 31));

        assertThat(load()).hasSize(31);
        assertThat(dynamo.queried).containsExactly("t1#s1#2026-11-11");
    }

    @Test
    void aFileOfExactly32PartsLooksOnceIntoTheNextKeyAndFindsItEmpty() {
        records.save(STORE, parts("f1", 0, 32));

        assertThat(load()).hasSize(32);
        assertThat(dynamo.queried).containsExactly("t1#s1#2026-11-11", "t1#s1#2026-11-11#B1");
    }

    @Test
    void chunksWrittenUnderTheDaysKeyAloneAreReadAndAPartWrittenAgainUnderItsNewKeyComesOnce() {
        // as written before the chunks were spread: all 41 parts under the day's key
        for (RecordChunk chunk : parts("f1", 0, 41)) {
            dynamo.items.put("t1#s1#2026-11-11|" + TableKeys.recordChunk("f1", chunk.part()), Map.of(
                    "pk", AttributeValue.fromS("t1#s1#2026-11-11"),
                    "sk", AttributeValue.fromS(TableKeys.recordChunk("f1", chunk.part())),
                    "data", AttributeValue.fromB(SdkBytes.fromByteArray(chunk.data())),
                    "count", AttributeValue.fromN("1")));
        }
        // then the same file read again: parts 32 to 40 go to the second key
        records.save(STORE, parts("f1", 32, 41));

        assertThat(load()).extracting(RecordChunk::part).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 41).boxed().toList());
    }
}
