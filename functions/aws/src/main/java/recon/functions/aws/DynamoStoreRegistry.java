package recon.functions.aws;

import static recon.functions.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import recon.port.StoreRef;
import recon.port.StoreRegistry;

/** Store items ({@link TableKeys#STORES}): tenant, store. Every upload renews the item's expiry. */
final class DynamoStoreRegistry implements StoreRegistry {
    private final DynamoTable table;

    DynamoStoreRegistry(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void register(StoreRef store) {
        table.put(table.item(TableKeys.STORES, TableKeys.store(store),
                Map.of("tenant", s(store.tenant()), "store", s(store.store()))));
    }

    @Override
    public List<StoreRef> stores() {
        List<StoreRef> stores = new ArrayList<>();
        table.query(TableKeys.STORES, null, item -> stores.add(new StoreRef(item.get("tenant").s(), item.get("store").s())));
        return stores;
    }
}
