package recon.functions.aws;

import static recon.functions.aws.DynamoTable.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import recon.port.AlertLog;
import recon.port.StoreRef;

/**
 * Alert claims: pk "{t}#{s}", sk "ALERTED#{key}" (an anomaly's {type}#{day}#{orderId}#{lineId}, a
 * rejected file's FILE#{fileId}), firstSeenAt, claim (who claimed it); put only if absent. A key too
 * long for a sort key (ids as long as an export's cell allows) goes by its SHA-256: "ALERTED#SHA256#{hex}".
 */
final class DynamoAlertLog implements AlertLog {
    /** DynamoDB's limit on a sort key, in UTF-8 bytes. */
    static final int MAX_SORT_KEY_BYTES = 1024;
    private static final String PREFIX = "ALERTED#";

    private final DynamoTable table;

    DynamoAlertLog(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean claim(StoreRef store, String key) {
        return table.claim(table.item(DynamoFileManifest.storeKey(store), sortKey(key), Map.of(
                "firstSeenAt", s(table.clock().instant().toString()),
                "claim", s(UUID.randomUUID().toString()))));
    }

    @Override
    public void release(StoreRef store, String key) {
        table.delete(DynamoFileManifest.storeKey(store), sortKey(key));
    }

    static String sortKey(String key) {
        String sortKey = PREFIX + key;
        if (sortKey.getBytes(StandardCharsets.UTF_8).length <= MAX_SORT_KEY_BYTES) {
            return sortKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return PREFIX + "SHA256#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
