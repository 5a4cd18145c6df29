package recon.reconcile;

import java.time.LocalDate;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.Ids;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.Resolution;

/**
 * All records received so far for one store, merged by their natural keys: an order by 订单编号 (most
 * advanced status wins), a ledger line by its channel and 账务流水号 (支付流水号), a refund by 退款编号, an invoice by 发票号码 (the later state wins), a resolution by its whole
 * content; and the days each kind of export covers. Merging is commutative and idempotent, so neither
 * the order files arrive in nor a file given twice changes the content.
 */
public final class StoreRecords {
    /**
     * Two exports of the same ledger line normally agree; if not, keep a fixed one of them. Written
     * out field by field: it decides between the copies of every line of overlapping exports.
     */
    private static final Comparator<LedgerLine> LINE_CHOICE = (a, b) -> {
        int c = Long.compare(a.occurredAt(), b.occurredAt());
        if (c == 0) {
            c = Long.compare(a.incomeFen(), b.incomeFen());
        }
        if (c == 0) {
            c = Long.compare(a.expenseFen(), b.expenseFen());
        }
        if (c == 0) {
            c = Long.compare(a.balanceFen(), b.balanceFen());
        }
        if (c == 0) {
            c = a.lineClass().compareTo(b.lineClass());
        }
        if (c == 0) {
            c = compareOrderIds(a, b);
        }
        return c != 0 ? c : a.businessType().compareTo(b.businessType());
    };

    private final IdMap<Order> orders = new IdMap<>(Order::orderNumber, Order::orderId);
    /** Each channel's lines apart: the two bills number their lines each in its own way. */
    private final Map<Channel, IdMap<LedgerLine>> lines = new EnumMap<>(Channel.class);
    private final IdMap<Refund> refunds = new IdMap<>(Refund::refundNumber, Refund::refundId);
    /** By invoice number: few (only the orders that ask for one), so a plain map. */
    private final Map<String, Invoice> invoices = new HashMap<>();
    private final Map<FileKind, NavigableSet<LocalDate>> coveredDays = new EnumMap<>(FileKind.class);
    private final Set<Resolution> resolutions = new LinkedHashSet<>();

    public StoreRecords() {
        for (Channel channel : Channel.values()) {
            lines.put(channel, new IdMap<>(LedgerLine::lineNumber, LedgerLine::lineId));
        }
    }

    /** As the texts compare ("" for none), without making them when both are the same number. */
    private static int compareOrderIds(LedgerLine a, LedgerLine b) {
        if (a.orderNumber() != Ids.TEXT && a.orderNumber() == b.orderNumber()) {
            return 0;
        }
        return (a.hasOrderId() ? a.orderId() : "").compareTo(b.hasOrderId() ? b.orderId() : "");
    }

    public void add(Order order) {
        orders.merge(order, Order::latest);
    }

    public void add(LedgerLine line) {
        lines.get(line.channel()).merge(line, (a, b) -> LINE_CHOICE.compare(a, b) <= 0 ? a : b);
    }

    public void add(Refund refund) {
        refunds.merge(refund, Refund::latest);
    }

    public void add(Invoice invoice) {
        synchronized (invoices) {
            invoices.merge(invoice.invoiceId(), invoice, Invoice::latest);
        }
    }

    public void add(Resolution resolution) {
        synchronized (resolutions) {
            resolutions.add(resolution);
        }
    }

    /** Files of this kind cover these days. */
    public void cover(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
        synchronized (coveredDays) {
            NavigableSet<LocalDate> days = coveredDays.computeIfAbsent(kind, k -> new TreeSet<>());
            for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
                days.add(d);
            }
        }
    }

    public Collection<Order> orders() {
        return Collections.unmodifiableCollection(orders.values());
    }

    public Order order(String orderId) {
        return orders.get(orderId);
    }

    /** The order of the line, or null when the line has no order id or no order report holds it. */
    public Order order(LedgerLine line) {
        return line.orderNumber() == Ids.TEXT ? orders.get(line.orderId()) : orders.get(line.orderNumber());
    }

    /** The lines of every channel. */
    public Collection<LedgerLine> ledgerLines() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<LedgerLine> iterator() {
                return lines.values().stream().flatMap(channelLines -> channelLines.values().stream()).iterator();
            }

            @Override
            public int size() {
                return lines.values().stream().mapToInt(IdMap::size).sum();
            }
        };
    }

    public Collection<Refund> refunds() {
        return Collections.unmodifiableCollection(refunds.values());
    }

    /** The days the received files of this kind cover: nothing they would hold is called missing outside them. */
    /** Every invoice, in the order they were issued (then by number). */
    public List<Invoice> invoices() {
        synchronized (invoices) {
            List<Invoice> sorted = new ArrayList<>(invoices.values());
            sorted.sort(Invoice.BY_ISSUE);
            return sorted;
        }
    }

    public NavigableSet<LocalDate> coveredDays(FileKind kind) {
        return Collections.unmodifiableNavigableSet(coveredDays.getOrDefault(kind, new TreeSet<>()));
    }

    /** The channels of the bills received: those whose files cover some day. */
    public Set<Channel> channelsBilled() {
        synchronized (coveredDays) {
            Set<Channel> billed = EnumSet.noneOf(Channel.class);
            for (Channel channel : Channel.values()) {
                if (!coveredDays.getOrDefault(channel.bill, Collections.emptyNavigableSet()).isEmpty()) {
                    billed.add(channel);
                }
            }
            return billed;
        }
    }

    /** The days the bills of every one of these channels cover. */
    public NavigableSet<LocalDate> ledgerDays(Set<Channel> channels) {
        NavigableSet<LocalDate> days = null;
        for (Channel channel : channels) {
            if (days == null) {
                days = new TreeSet<>(coveredDays(channel.bill));
            } else {
                days.retainAll(coveredDays(channel.bill));
            }
        }
        return days == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(days);
    }

    /** Every resolution received (the audit trail), sorted so that the output never depends on arrival. */
    public List<Resolution> resolutions() {
        List<Resolution> sorted = new ArrayList<>(resolutions);
        sorted.sort(Comparator.comparing(Resolution::anomalyId).thenComparing(Resolution.LATEST_LAST));
        return sorted;
    }

    /** A sink that adds records straight in: for records already known to be accepted (stored ones). */
    public RecordSink sink() {
        return new RecordSink() {
            @Override
            public void order(Order order) {
                add(order);
            }

            @Override
            public void ledgerLine(LedgerLine line) {
                add(line);
            }

            @Override
            public void refund(Refund refund) {
                add(refund);
            }

            @Override
            public void invoice(Invoice invoice) {
                add(invoice);
            }

            @Override
            public void resolution(Resolution resolution) {
                add(resolution);
            }

            @Override
            public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
                cover(kind, firstDay, lastDay);
            }
        };
    }

    /** A sink that holds one file's records apart until the file is known to be accepted. */
    public Batch newBatch() {
        return new Batch();
    }

    /** One file's records, added to the store only by {@link Batch#commit()}. */
    public final class Batch implements RecordSink {
        private List<Order> batchOrders = new ArrayList<>();
        private List<LedgerLine> batchLines = new ArrayList<>();
        private List<Refund> batchRefunds = new ArrayList<>();
        private List<Invoice> batchInvoices = new ArrayList<>();
        private List<Resolution> batchResolutions = new ArrayList<>();
        private List<Runnable> batchCoverage = new ArrayList<>();

        @Override
        public void order(Order order) {
            batchOrders.add(order);
        }

        @Override
        public void ledgerLine(LedgerLine line) {
            batchLines.add(line);
        }

        @Override
        public void refund(Refund refund) {
            batchRefunds.add(refund);
        }

        @Override
        public void invoice(Invoice invoice) {
            batchInvoices.add(invoice);
        }

        @Override
        public void resolution(Resolution resolution) {
            batchResolutions.add(resolution);
        }

        @Override
        public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
            batchCoverage.add(() -> cover(kind, firstDay, lastDay));
        }

        /** The rows of a resolutions file read into this batch, which are checked before they join the store. */
        public List<Resolution> resolutions() {
            return List.copyOf(batchResolutions);
        }

        /**
         * Adds the file's records to the store and lets go of them: a record the store already held
         * (the same line in an overlapping export) is garbage from here on. Once only. Batches of
         * several threads commit one at a time into each kind of record: a ledger file's lines go in
         * beside an order report's orders.
         */
        public void commit() {
            synchronized (lines) {
                batchLines.forEach(StoreRecords.this::add);
            }
            batchCoverage.forEach(Runnable::run);
            batchResolutions.forEach(StoreRecords.this::add);
            batchInvoices.forEach(StoreRecords.this::add);
            synchronized (orders) {
                batchOrders.forEach(StoreRecords.this::add);
            }
            synchronized (refunds) {
                batchRefunds.forEach(StoreRecords.this::add);
            }
            batchLines = null;
            batchCoverage = null;
            batchResolutions = null;
            batchInvoices = null;
            batchOrders = null;
            batchRefunds = null;
        }
    }
}
