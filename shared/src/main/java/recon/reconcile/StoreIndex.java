package recon.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.Ids;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.Refund;
import recon.domain.RefundStatus;

/**
 * The records of a store arranged once for the rules: every bill line sorted by (occurredAt,
 * channel, lineId) — so the lines of a day are consecutive — and the orders, their lines and their
 * successful refunds sorted by order id, so the rules meet each order id once by walking the three
 * side by side (a map of a million order ids would cost more than the records).
 */
final class StoreIndex {
    /** What the rules do with one order id. */
    interface OrderVisitor {
        /**
         * @param order the order of that id, or null when no order report holds it
         * @param ledger the lines and successful refunds of that id (none for an order that has none)
         */
        void visit(Order order, OrderLedger ledger);
    }

    /** The radix sort of {@link #byOrderId} takes 16 bits of the order number a pass. */
    private static final int RADIX_BITS = 16;
    private static final int RADIX = 1 << RADIX_BITS;

    final List<LedgerLine> lines;
    /** What the received bills, order reports and refund reports cover. */
    final LedgerCoverage ledgerCoverage;
    final Coverage orderCoverage;
    final Coverage refundCoverage;
    final Coverage invoiceCoverage;
    private final Order[] orders;
    /** SETTLEMENT, REFUND and COMMISSION lines with an order id, by order id, then as in {@link #lines}. */
    private final LedgerLine[] orderLines;
    /** The successful refunds and those in progress, by order id. */
    private final Refund[] refunds;

    /**
     * @param channelsUsed the channels whose bills must cover a day before money due on it is missing
     */
    StoreIndex(StoreRecords records, Set<Channel> channelsUsed) {
        // the orders and the refunds are sorted on another core, where there is one, while the lines are sorted here
        Executor otherCore = Runtime.getRuntime().availableProcessors() > 1 ? ForkJoinPool.commonPool() : Runnable::run;
        CompletableFuture<Order[]> sortedOrders = CompletableFuture.supplyAsync(() -> byOrderId(records.orders()), otherCore);
        CompletableFuture<Refund[]> sortedRefunds =
                CompletableFuture.supplyAsync(() -> successfulOrInProgressByOrderId(records.refunds()), otherCore);
        this.lines = new ArrayList<>(records.ledgerLines());
        lines.sort(LedgerLine.BY_TIME);
        this.orderLines = byOrderId(lines.stream()
                .filter(line -> line.hasOrderId() && isOrderLine(line.lineClass()))
                .toArray(LedgerLine[]::new));
        this.orders = sortedOrders.join();
        this.refunds = sortedRefunds.join();
        Map<Channel, Coverage> bills = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            bills.put(channel, new Coverage(channel.bill, records.coveredDays(channel.bill)));
        }
        this.ledgerCoverage = new LedgerCoverage(bills, channelsUsed);
        this.orderCoverage = new Coverage(FileKind.TMALL_ORDERS, records.coveredDays(FileKind.TMALL_ORDERS));
        this.refundCoverage = new Coverage(FileKind.TMALL_REFUNDS, records.coveredDays(FileKind.TMALL_REFUNDS));
        this.invoiceCoverage = new Coverage(FileKind.INVOICES, records.coveredDays(FileKind.INVOICES));
    }

    private static Order[] byOrderId(Collection<Order> orders) {
        Order[] sorted = orders.toArray(Order[]::new);
        Arrays.sort(sorted, (a, b) -> Ids.compareKeys(a.orderNumber(), a.orderIdText(), b.orderNumber(), b.orderIdText()));
        return sorted;
    }

    /** The successful refunds and those in progress by order id, each order's by (dayTime, refundId). */
    private static Refund[] successfulOrInProgressByOrderId(Collection<Refund> refunds) {
        Refund[] successful = refunds.stream()
                .filter(refund -> refund.status() != RefundStatus.CLOSED)
                .toArray(Refund[]::new);
        Comparator<Refund> byOrderId = (a, b) -> Ids.compareKeys(a.orderNumber(), a.orderIdText(), b.orderNumber(), b.orderIdText());
        Arrays.sort(successful, byOrderId.thenComparing(Refund.BY_DAY_TIME));
        return successful;
    }

    /**
     * The lines sorted by order id, each order's lines kept in the order given (a stable sort).
     * There are millions, and comparing them one by one means reaching each line again and again:
     * the numbered ids go through a radix sort of their numbers, the few others through a sort.
     */
    private static LedgerLine[] byOrderId(LedgerLine[] lines) {
        LedgerLine[] texts = Arrays.stream(lines).filter(l -> l.orderNumber() == Ids.TEXT).toArray(LedgerLine[]::new);
        Arrays.sort(texts, (a, b) -> a.orderId().compareTo(b.orderId()));
        LedgerLine[] sorted = Arrays.copyOf(texts, lines.length);
        int n = 0;
        long[] keys = new long[lines.length - texts.length];
        for (LedgerLine line : lines) {
            if (line.orderNumber() != Ids.TEXT) {
                sorted[texts.length + n] = line;
                keys[n++] = line.orderNumber();
            }
        }
        LedgerLine[] lineBuffer = new LedgerLine[n];
        long[] keyBuffer = new long[n];
        int[] starts = new int[RADIX + 1];
        for (int shift = 0; shift < Long.SIZE; shift += RADIX_BITS) {
            Arrays.fill(starts, 0);
            for (long key : keys) {
                starts[digit(key, shift) + 1]++;
            }
            for (int d = 0; d < RADIX; d++) {
                starts[d + 1] += starts[d];
            }
            for (int i = 0; i < n; i++) {
                int at = starts[digit(keys[i], shift)]++;
                keyBuffer[at] = keys[i];
                lineBuffer[at] = sorted[texts.length + i];
            }
            System.arraycopy(lineBuffer, 0, sorted, texts.length, n);
            long[] swap = keys;
            keys = keyBuffer;
            keyBuffer = swap;
        }
        return sorted;
    }

    private static int digit(long key, int shift) {
        return (int) (key >>> shift) & (RADIX - 1);
    }

    private static boolean isOrderLine(LineClass lineClass) {
        return lineClass == LineClass.SETTLEMENT || lineClass == LineClass.REFUND || lineClass == LineClass.COMMISSION;
    }

    /** Visits every order id that has an order, an order line, or a refund successful or in progress, once. */
    void forEachOrderId(OrderVisitor visitor) {
        int o = 0;
        int l = 0;
        int r = 0;
        while (o < orders.length || l < orderLines.length || r < refunds.length) {
            // the smallest order id among the three heads
            long number = Long.MAX_VALUE;
            String text = null;
            if (o < orders.length) {
                number = orders[o].orderNumber();
                text = orders[o].orderIdText();
            }
            if (l < orderLines.length && Ids.compareKeys(orderLines[l].orderNumber(), orderLines[l].orderIdText(), number, text) < 0) {
                number = orderLines[l].orderNumber();
                text = orderLines[l].orderIdText();
            }
            if (r < refunds.length
                    && Ids.compareKeys(refunds[r].orderNumber(), refunds[r].orderIdText(), number, text) < 0) {
                number = refunds[r].orderNumber();
                text = refunds[r].orderIdText();
            }
            Order order = null;
            if (o < orders.length && Ids.compareKeys(orders[o].orderNumber(), orders[o].orderIdText(), number, text) == 0) {
                order = orders[o++];
            }
            OrderLedger ledger = new OrderLedger();
            for (; l < orderLines.length && Ids.compareKeys(orderLines[l].orderNumber(), orderLines[l].orderIdText(), number, text) == 0;
                    l++) {
                ledger.add(orderLines[l]);
            }
            for (; r < refunds.length
                    && Ids.compareKeys(refunds[r].orderNumber(), refunds[r].orderIdText(), number, text) == 0; r++) {
                ledger.add(refunds[r]);
            }
            visitor.visit(order, ledger);
        }
    }
}
