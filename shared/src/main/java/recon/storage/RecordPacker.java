package recon.storage;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import recon.domain.FileKind;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.Resolution;
import recon.domain.Times;
import recon.port.RecordChunk;

/**
 * Packs one upload's records into chunks by day: a day's chunk goes out when it holds
 * {@link #MAX_RECORDS} records or {@link #MAX_RAW_BYTES}, and the biggest open chunk goes out early
 * when all of them together hold {@link #MAX_BUFFERED_BYTES}, so memory stays bounded whatever the
 * file's size or the number of its days. Deterministic: the same records in the same order give
 * the same chunks. Ingest bounds a record's ids and texts (a record is at most about 1 KB), so a
 * chunk stays well under DynamoDB's 400 KB item even where gzip cannot shrink it.
 */
public final class RecordPacker implements RecordSink {
    static final int MAX_RECORDS = 2_000;
    static final int MAX_RAW_BYTES = 300 * 1024;
    static final int MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

    private final String fileId;
    private final LocalDate undatedDay;
    private final Consumer<RecordChunk> out;
    private final Map<LocalDate, RecordCodec.Encoder> open = new TreeMap<>();
    private final Map<LocalDate, Integer> nextPart = new HashMap<>();
    private final NavigableSet<LocalDate> days = new TreeSet<>();
    private long buffered;

    /**
     * @param undatedDay where a record without any time goes (a refund with neither 申请时间 nor 完结时间)
     */
    public RecordPacker(String fileId, LocalDate undatedDay, Consumer<RecordChunk> out) {
        this.fileId = fileId;
        this.undatedDay = undatedDay;
        this.out = out;
    }

    /** The day a record is stored under: the day it counts on in the reconciliation. */
    static LocalDate dayOf(long time, LocalDate undatedDay) {
        return Times.isPresent(time) ? Times.day(time) : undatedDay;
    }

    @Override
    public void order(Order order) {
        LocalDate day = dayOf(order.dayTime(), undatedDay);
        add(day, encoder -> encoder.order(order));
    }

    @Override
    public void ledgerLine(LedgerLine line) {
        add(Times.day(line.occurredAt()), encoder -> encoder.ledgerLine(line));
    }

    @Override
    public void refund(Refund refund) {
        add(dayOf(refund.dayTime(), undatedDay), encoder -> encoder.refund(refund));
    }

    @Override
    public void invoice(Invoice invoice) {
        add(Times.day(invoice.issuedAt()), encoder -> encoder.invoice(invoice));
    }

    @Override
    public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
        // coverage goes to the file manifest, not into the record chunks
    }

    @Override
    public void resolution(Resolution resolution) {
        // resolutions go to the resolution store (the audit trail), not into the record chunks
    }

    /** Sends every chunk still open, day by day. */
    public void finish() {
        for (LocalDate day : open.keySet().toArray(LocalDate[]::new)) {
            flush(day);
        }
    }

    /** The days that got records. */
    public NavigableSet<LocalDate> days() {
        return Collections.unmodifiableNavigableSet(days);
    }

    private void add(LocalDate day, Consumer<RecordCodec.Encoder> record) {
        RecordCodec.Encoder encoder = open.computeIfAbsent(day, d -> new RecordCodec.Encoder());
        int before = encoder.rawSize();
        record.accept(encoder);
        buffered += encoder.rawSize() - before;
        days.add(day);
        if (encoder.count() >= MAX_RECORDS || encoder.rawSize() >= MAX_RAW_BYTES) {
            flush(day);
        }
        if (buffered >= MAX_BUFFERED_BYTES) {
            flush(biggestOpenDay());
        }
    }

    private LocalDate biggestOpenDay() {
        LocalDate biggest = null;
        int size = -1;
        for (Map.Entry<LocalDate, RecordCodec.Encoder> e : open.entrySet()) {
            if (e.getValue().rawSize() > size) {
                biggest = e.getKey();
                size = e.getValue().rawSize();
            }
        }
        return biggest;
    }

    private void flush(LocalDate day) {
        RecordCodec.Encoder encoder = open.remove(day);
        buffered -= encoder.rawSize();
        int part = nextPart.merge(day, 1, Integer::sum) - 1;
        out.accept(new RecordChunk(day, fileId, part, encoder.count(), encoder.pack()));
    }
}
