package recon.functions.aws;

import static recon.functions.aws.DynamoTable.n;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import recon.port.RecordChunk;
import recon.port.RecordStore;
import recon.port.StoreRef;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Record chunk items ({@link TableKeys#recordChunk}): data (B, the packed records), count; a store-day's
 * chunks under one partition key per {@value TableKeys#CHUNKS_PER_PARTITION} parts of a file
 * ({@link TableKeys#recordPartition}).
 */
final class DynamoRecordStore implements RecordStore {
    private final DynamoTable table;

    DynamoRecordStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void save(StoreRef store, List<RecordChunk> chunks) {
        table.putAll(chunks.stream()
                .map(c -> table.item(TableKeys.recordPartition(store, c.day(), c.part()), TableKeys.recordChunk(c.fileId(), c.part()), Map.of(
                        "data", AttributeValue.fromB(SdkBytes.fromByteArray(c.data())),
                        "count", n(c.count()))))
                .toList());
    }

    /**
     * Each day's partitions one after the other: the next is asked for only when the parts met so far reach
     * into it (some file filled the one before), so a day of a small store costs one query. A part met twice
     * (written before the chunks were spread over partitions, then again after) is handed over once.
     */
    @Override
    public void load(StoreRef store, Collection<LocalDate> days, Consumer<RecordChunk> each) {
        for (LocalDate day : days) {
            Set<String> seen = new HashSet<>();
            int[] highestPart = {-1};
            for (int shard = 0; highestPart[0] >= shard * TableKeys.CHUNKS_PER_PARTITION - 1; shard++) {
                table.query(TableKeys.recordShard(store, day, shard), TableKeys.RECORDS, item -> {
                    String[] key = item.get("sk").s().split("#");
                    int part = Integer.parseInt(key[2]);
                    highestPart[0] = Math.max(highestPart[0], part);
                    if (seen.add(key[1] + "#" + part)) {
                        each.accept(new RecordChunk(day, key[1], part, Integer.parseInt(item.get("count").n()),
                                item.get("data").b().asByteArray()));
                    }
                });
            }
        }
    }
}
