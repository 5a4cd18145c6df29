package recon.functions.aws;

import static recon.functions.aws.DynamoTable.s;

import java.util.Map;
import java.util.Objects;
import recon.domain.Anomaly;
import recon.pipeline.AlertLog;
import recon.pipeline.StoreRef;

/** Alerted anomaly items: pk "{t}#{s}", sk "ALERTED#{type}#{day}#{orderId}#{lineId}", firstSeenAt; put only if absent. */
final class DynamoAlertLog implements AlertLog {
    private final DynamoTable table;

    DynamoAlertLog(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean firstSeen(StoreRef store, Anomaly a) {
        String sk = "ALERTED#" + a.type() + "#" + a.day() + "#" + Objects.toString(a.orderId(), "")
                + "#" + Objects.toString(a.lineId(), "");
        return table.putIfAbsent(table.item(DynamoFileManifest.storeKey(store), sk,
                Map.of("firstSeenAt", s(table.clock().instant().toString()))));
    }
}
