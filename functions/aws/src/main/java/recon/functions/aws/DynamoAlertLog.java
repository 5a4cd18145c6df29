package recon.functions.aws;

import static recon.functions.aws.DynamoTable.s;

import java.util.Map;
import java.util.UUID;
import recon.port.AlertLog;
import recon.port.StoreRef;

/**
 * Alert claims ({@link TableKeys#alerted}: an anomaly's {type}#{day}#{orderId}#{lineId}, a rejected
 * file's FILE#{fileId}): firstSeenAt, claim (who claimed it); put only if absent.
 */
final class DynamoAlertLog implements AlertLog {
    private final DynamoTable table;

    DynamoAlertLog(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean claim(StoreRef store, String key) {
        return table.claim(table.item(TableKeys.store(store), TableKeys.alerted(key), Map.of(
                "firstSeenAt", s(table.clock().instant().toString()),
                "claim", s(UUID.randomUUID().toString()))));
    }

    @Override
    public void release(StoreRef store, String key) {
        table.delete(TableKeys.store(store), TableKeys.alerted(key));
    }
}
