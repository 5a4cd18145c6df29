package recon.functions.aws;

import static recon.functions.aws.DynamoTable.s;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import recon.pipeline.DayResult;
import recon.pipeline.ResultStore;
import recon.pipeline.StoreRef;

/** Day result items: pk "{t}#{s}#{day}", sk "RESULT"; json (the day's summary.json without files), hash, updatedAt. */
final class DynamoResultStore implements ResultStore {
    private static final String SK = "RESULT";

    private final DynamoTable table;

    DynamoResultStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<DayResult> result(StoreRef store, LocalDate day) {
        return table.get(DynamoRecordStore.dayKey(store, day), SK).map(item -> DayResult.fromJson(item.get("json").s()));
    }

    @Override
    public void save(DayResult result) {
        table.put(table.item(DynamoRecordStore.dayKey(result.store(), result.day()), SK, Map.of(
                "json", s(result.json()),
                "hash", s(result.hash()),
                "updatedAt", s(table.clock().instant().toString()))));
    }
}
