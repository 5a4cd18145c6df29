package recon.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import recon.domain.Ids;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.Refund;
import recon.domain.RefundStatus;

/**
 * The records of a store arranged once for the rules: every ledger line sorted by (occurredAt,
 * lineId) — so the lines of a day are consecutive — and the orders, their lines and their
 * successful refunds sorted by order id, so the rules meet each order id once by walking the three
 * side by side (a map of a million order ids would cost more than the records).
 */
final class StoreIndex {
    /** What the rules do with one order id. */
    interface OrderVisitor {
        /**
         * @param order the order of that id, or null when no order report holds it
         * @param ledger the order's lines and successful refunds (some, since no order has neither)
         */
        void visit(Order order, OrderLedger ledger);
    }

    final StoreRecords records;
    final List<LedgerLine> lines;
    final Coverage coverage;
    private final Order[] orders;
    /** SETTLEMENT, REFUND and COMMISSION lines with an order id, by order id, then as in {@link #lines}. */
    private final LedgerLine[] orderLines;
    private final Refund[] successfulRefunds;

    StoreIndex(StoreRecords records) {
        this.records = records;
        this.lines = new ArrayList<>(records.ledgerLines());
        lines.sort(LedgerLine.BY_TIME);
        this.orders = records.orders().toArray(Order[]::new);
        Arrays.sort(orders, (a, b) -> compare(keyOf(a), keyOf(b)));
        this.orderLines = lines.stream()
                .filter(line -> line.hasOrderId() && isOrderLine(line.lineClass()))
                .toArray(LedgerLine[]::new);
        Arrays.sort(orderLines, (a, b) -> compare(keyOf(a), keyOf(b))); // stable: time order kept
        this.successfulRefunds = records.refunds().stream()
                .filter(refund -> refund.status() == RefundStatus.SUCCESS)
                .toArray(Refund[]::new);
        Comparator<Refund> byOrderId = (a, b) -> compare(keyOf(a), keyOf(b));
        Arrays.sort(successfulRefunds, byOrderId.thenComparing(Refund.BY_DAY_TIME));
        this.coverage = new Coverage(records.coveredDays());
    }

    private static boolean isOrderLine(LineClass lineClass) {
        return lineClass == LineClass.SETTLEMENT || lineClass == LineClass.REFUND || lineClass == LineClass.COMMISSION;
    }

    /** Visits every order id that has an order, an order line or a successful refund, once. */
    void forEachOrderId(OrderVisitor visitor) {
        int o = 0;
        int l = 0;
        int r = 0;
        while (o < orders.length || l < orderLines.length || r < successfulRefunds.length) {
            Key next = null;
            if (o < orders.length) {
                next = keyOf(orders[o]);
            }
            if (l < orderLines.length) {
                next = smaller(next, keyOf(orderLines[l]));
            }
            if (r < successfulRefunds.length) {
                next = smaller(next, keyOf(successfulRefunds[r]));
            }
            Order order = null;
            if (o < orders.length && compare(keyOf(orders[o]), next) == 0) {
                order = orders[o++];
            }
            OrderLedger ledger = new OrderLedger();
            for (; l < orderLines.length && compare(keyOf(orderLines[l]), next) == 0; l++) {
                ledger.add(orderLines[l]);
            }
            for (; r < successfulRefunds.length && compare(keyOf(successfulRefunds[r]), next) == 0; r++) {
                ledger.add(successfulRefunds[r]);
            }
            visitor.visit(order, ledger);
        }
    }

    /** The order of the line, or null when it has no order id or no order report holds it. */
    Order order(LedgerLine line) {
        return records.order(line);
    }

    /** An order id to group by: its number, and its text only when it is not kept as a number. */
    private record Key(long number, String text) {}

    private static Key keyOf(Order order) {
        return new Key(order.orderNumber(), order.orderNumber() == Ids.TEXT ? order.orderId() : null);
    }

    private static Key keyOf(LedgerLine line) {
        return new Key(line.orderNumber(), line.orderNumber() == Ids.TEXT ? line.orderId() : null);
    }

    private static Key keyOf(Refund refund) {
        return new Key(refund.orderNumber(), refund.orderNumber() == Ids.TEXT ? refund.orderId() : null);
    }

    private static Key smaller(Key a, Key b) {
        return a == null || compare(b, a) < 0 ? b : a;
    }

    /** A fixed order of order ids, for grouping only (texts first, then numbers). */
    private static int compare(Key a, Key b) {
        int byNumber = Long.compare(a.number, b.number);
        if (byNumber != 0 || a.number != Ids.TEXT) {
            return byNumber;
        }
        return a.text.compareTo(b.text);
    }
}
