package recon.functions.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeSet;
import recon.config.StoreConfigJson;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.port.StoreDays;
import recon.port.StoreRef;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.storage.RecordCodec;

/**
 * What the match and report functions' primings share: a store of one paid order, its records
 * unpacked from the record store's packing, reconciled with a config read from JSON, as both
 * functions do before their own work; and the request message they read.
 */
final class StorePriming {
    static final StoreRef STORE = new StoreRef("priming", "priming");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    /** The tiny store's records and their reconciliation. */
    record Reconciled(StoreConfig config, StoreRecords records, Reconciliation reconciliation) {}

    private StorePriming() {}

    static Reconciled reconcile() {
        StoreDaysMessage.decode(StoreDaysMessage.encode(new StoreDays(STORE, new TreeSet<>(List.of(DAY)))));
        long paidAt = Times.of(LocalDateTime.of(2026, 11, 2, 10, 16));
        RecordCodec.Encoder encoder = new RecordCodec.Encoder();
        encoder.order(new Order("3553498017448001", 19_900, OrderStatus.SUCCESS, paidAt - 60, paidAt, Times.NONE,
                "", false, ""));
        StoreRecords records = new StoreRecords();
        RecordCodec.decode(encoder.pack(), records.sink());
        StoreConfig config;
        try {
            config = StoreConfigJson.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read from memory: does not happen
        }
        return new Reconciled(config, records, new Reconciler(config).reconcile(records));
    }
}
