package recon.functions.aws;

import static recon.functions.aws.DynamoTable.n;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import recon.port.RecordChunk;
import recon.port.RecordStore;
import recon.port.StoreRef;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Record chunk items ({@link TableKeys#recordChunk}): data (B, the packed records), count. */
final class DynamoRecordStore implements RecordStore {
    private final DynamoTable table;

    DynamoRecordStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void save(StoreRef store, List<RecordChunk> chunks) {
        table.putAll(chunks.stream()
                .map(c -> table.item(TableKeys.day(store, c.day()), TableKeys.recordChunk(c.fileId(), c.part()), Map.of(
                        "data", AttributeValue.fromB(SdkBytes.fromByteArray(c.data())),
                        "count", n(c.count()))))
                .toList());
    }

    @Override
    public void load(StoreRef store, Collection<LocalDate> days, Consumer<RecordChunk> each) {
        for (LocalDate day : days) {
            table.query(TableKeys.day(store, day), TableKeys.RECORDS, item -> {
                String[] key = item.get("sk").s().split("#");
                each.accept(new RecordChunk(day, key[1], Integer.parseInt(key[2]),
                        Integer.parseInt(item.get("count").n()), item.get("data").b().asByteArray()));
            });
        }
    }
}
