package recon.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Refund;

/**
 * The records of a store arranged once for the rules: every ledger line sorted by (occurredAt,
 * lineId) — so the lines of a day are consecutive — and the lines and refunds of each order id.
 */
final class StoreIndex {
    static final Comparator<LedgerLine> LEDGER_ORDER =
            Comparator.comparingLong(LedgerLine::occurredAt).thenComparing(LedgerLine::lineId);

    final StoreRecords records;
    final List<LedgerLine> lines;
    final Map<String, OrderLedger> byOrder;
    final Coverage coverage;

    StoreIndex(StoreRecords records) {
        this.records = records;
        this.lines = new ArrayList<>(records.ledgerLines());
        lines.sort(LEDGER_ORDER);
        this.byOrder = new HashMap<>();
        for (LedgerLine line : lines) {
            if (line.orderId() != null) {
                byOrder.computeIfAbsent(line.orderId(), id -> new OrderLedger()).add(line);
            }
        }
        for (Refund refund : records.refunds()) {
            byOrder.computeIfAbsent(refund.orderId(), id -> new OrderLedger()).add(refund);
        }
        byOrder.values().forEach(OrderLedger::sortRefunds);
        this.coverage = new Coverage(records.coveredDays());
    }

    OrderLedger ledgerOf(String orderId) {
        return byOrder.getOrDefault(orderId, OrderLedger.EMPTY);
    }

    /** The order of that id, or null when no order report holds it (or the id is null). */
    Order order(String orderId) {
        return orderId == null ? null : records.order(orderId);
    }
}
