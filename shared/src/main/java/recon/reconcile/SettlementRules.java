package recon.reconcile;

import static recon.domain.AnomalyType.AMOUNT_MISMATCH;
import static recon.domain.AnomalyType.DUPLICATE_SETTLEMENT;
import static recon.domain.AnomalyType.MISSING_SETTLEMENT;
import static recon.domain.AnomalyType.SETTLEMENT_ON_CLOSED_ORDER;
import static recon.domain.AnomalyType.UNMATCHED_SETTLEMENT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.domain.Waiting;

/** 交易成功 orders against their settlement lines, and settlement lines against their orders. */
final class SettlementRules {
    /**
     * A settlement line's order was paid at most this many days before it (payment, shipment, 10 days
     * to the automatic 确认收货, extensions): a line without its order is PENDING until the order reports
     * cover that span.
     */
    static final int ORDER_LOOKBACK_DAYS = 45;
    /**
     * What the settlement check found for one 交易成功 order.
     *
     * @param expectedFen paid amount minus the 售中 refunds
     * @param duplicateFen the amount of the line found to be a duplicate, 0 when none
     * @param matched the settlement equals what was expected, within tolerance
     */
    record Outcome(long expectedFen, long duplicateFen, boolean matched) {}

    private final StoreConfig config;
    private final LedgerCoverage ledgerDays;
    private final Coverage orderReports;
    private final Coverage refundReports;
    private final List<Anomaly> found;

    SettlementRules(StoreConfig config, LedgerCoverage ledger, Coverage orderReports, Coverage refundReports,
            List<Anomaly> found) {
        this.config = config;
        this.ledgerDays = ledger;
        this.orderReports = orderReports;
        this.refundReports = refundReports;
        this.found = found;
    }

    /**
     * A 交易成功 order must receive its paid amount minus the refunds made before settlement (售中):
     * no settlement line by the due date plus grace is MISSING_SETTLEMENT; a wrong total is
     * DUPLICATE_SETTLEMENT when the excess is a repeated credit, else AMOUNT_MISMATCH — PENDING when it
     * is short and the refund reports do not cover the days from payment to settlement.
     */
    Outcome check(Order order, OrderLedger ledger) {
        long expected = order.paidFen() - ledger.preSettlementRefundFen();
        if (!ledger.isSettled()) {
            checkMissing(order, expected);
            return new Outcome(expected, 0, false);
        }
        long actual = ledger.settledFen();
        if (Math.abs(expected - actual) <= config.toleranceFen()) {
            return new Outcome(expected, 0, true);
        }
        List<LedgerLine> lines = ledger.settlements();
        LedgerLine duplicate = duplicateLine(lines, actual - expected);
        if (duplicate != null) {
            found.add(Anomalies.of(DUPLICATE_SETTLEMENT, day(duplicate), order.orderId(), duplicate.lineId(),
                    expected, actual));
            return new Outcome(expected, duplicate.incomeFen(), false);
        }
        LedgerLine last = lines.getLast();
        // less than expected could be another settlement line on a day the ledgers do not cover yet, or a
        // 售中 refund the refund reports received so far do not hold
        Waiting waiting = null;
        if (actual < expected) {
            long settledOn = day(lines.getFirst());
            long paidOn = paidDay(order, settledOn);
            waiting = ledgerDays.waitingFor(paidOn, day(last));
            if (waiting == null) {
                waiting = refundReports.waitingFor(paidOn, settledOn);
            }
        }
        found.add(Anomalies.of(AMOUNT_MISMATCH, day(last), order.orderId(), last.lineId(), expected, actual, waiting));
        return new Outcome(expected, 0, false);
    }

    /**
     * Called missing where the bills of every channel the store uses cover every day the settlement
     * could have come on: from 确认收货
     * to it plus grace, or, where the report gives no 确认收货时间, from payment (else creation) to
     * payment plus the auto-confirm days plus grace — the buyer may have confirmed on any day before.
     * PENDING where a channel's bills do not cover that span but cover a later day (an export is
     * missing); not yet an anomaly where the span ends after a channel's last bill (an open item).
     */
    private void checkMissing(Order order, long expected) {
        if (expected <= 0) {
            return;
        }
        long due;
        long from;
        if (Times.isPresent(order.confirmedAt())) {
            due = Times.epochDay(order.confirmedAt());
            from = due;
        } else if (Times.isPresent(order.dayTime())) {
            from = Times.epochDay(order.dayTime());
            due = from + config.autoConfirmDays();
        } else {
            return; // an order without any time has no due date
        }
        long end = due + config.graceDays();
        if (ledgerDays.speaksFor(from, end)) {
            found.add(Anomalies.of(MISSING_SETTLEMENT, due, order.orderId(), null, expected, 0,
                    ledgerDays.waitingFor(from, end)));
        }
    }

    /**
     * The last line after the first whose income is the excess (within tolerance) while another
     * line of the order has the very same income; null when the excess is no repeated credit.
     */
    private LedgerLine duplicateLine(List<LedgerLine> lines, long excess) {
        if (lines.size() < 2) {
            return null;
        }
        Map<Long, Integer> linesByIncome = new HashMap<>();
        for (LedgerLine line : lines) {
            linesByIncome.merge(line.incomeFen(), 1, Integer::sum);
        }
        for (int i = lines.size() - 1; i >= 1; i--) {
            LedgerLine line = lines.get(i);
            if (Math.abs(line.incomeFen() - excess) <= config.toleranceFen()
                    && linesByIncome.get(line.incomeFen()) >= 2) {
                return line;
            }
        }
        return null;
    }

    /**
     * Every settlement line, whatever its order's status: no known order is UNMATCHED_SETTLEMENT, PENDING
     * while the order reports do not cover the days its order could have been paid on (usually an
     * order report not uploaded yet); a 交易关闭 order is SETTLEMENT_ON_CLOSED_ORDER.
     * Orders not final yet only mean the order report is older than the ledger.
     *
     * @param order the line's order, or null when unknown
     */
    void checkLine(LedgerLine line, Order order) {
        if (order == null) {
            long day = day(line);
            // a line without an order id has no order that a report could bring
            Waiting waiting = line.hasOrderId() ? orderReports.waitingFor(day - ORDER_LOOKBACK_DAYS, day) : null;
            found.add(Anomalies.of(UNMATCHED_SETTLEMENT, day, line.orderId(), line.lineId(), 0, line.incomeFen(),
                    waiting));
        } else if (order.status() == OrderStatus.CLOSED) {
            found.add(Anomalies.of(SETTLEMENT_ON_CLOSED_ORDER, day(line), line.orderId(), line.lineId(), 0,
                    line.incomeFen()));
        }
    }

    /** The epoch day the order was paid on (else created), never after the given day. */
    static long paidDay(Order order, long notAfter) {
        return Times.isPresent(order.dayTime()) ? Math.min(Times.epochDay(order.dayTime()), notAfter) : notAfter;
    }

    private static long day(LedgerLine line) {
        return Times.epochDay(line.occurredAt());
    }
}
