package recon.functions.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import recon.domain.Resolution;
import recon.port.ResolutionStore;
import recon.port.StoreRef;
import recon.storage.ResolutionCodec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resolution items ({@link TableKeys#resolutions}): data (B, {@link ResolutionCodec}), up to
 * {@link #PER_PART} rows a part. A file's items are keyed by its id (key and ETag), so the same file
 * again rewrites the same items and another file never replaces them: the audit trail only grows.
 */
final class DynamoResolutionStore implements ResolutionStore {
    /** Rows of about 200 bytes at most before gzip: a part stays far under the 400 KB item. */
    static final int PER_PART = 1_000;

    private final DynamoTable table;

    DynamoResolutionStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void save(StoreRef store, String fileId, List<Resolution> resolutions) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0, part = 0; from < resolutions.size(); from += PER_PART, part++) {
            byte[] data = ResolutionCodec.encode(resolutions.subList(from, Math.min(resolutions.size(), from + PER_PART)));
            items.add(table.item(TableKeys.store(store), TableKeys.resolutions(fileId, part),
                    Map.of("data", AttributeValue.fromB(SdkBytes.fromByteArray(data)))));
        }
        table.putAll(items);
    }

    @Override
    public List<Resolution> all(StoreRef store) {
        List<Resolution> all = new ArrayList<>();
        table.query(TableKeys.store(store), TableKeys.RESOLVED,
                item -> all.addAll(ResolutionCodec.decode(item.get("data").b().asByteArray())));
        return all;
    }
}
