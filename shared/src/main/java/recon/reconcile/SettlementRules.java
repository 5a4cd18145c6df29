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

/** 交易成功 orders against their settlement lines, and settlement lines against their orders. */
final class SettlementRules {
    /**
     * What the settlement check found for one 交易成功 order.
     *
     * @param expectedFen paid amount minus the 售中 refunds
     * @param duplicateFen the amount of the line found to be a duplicate, 0 when none
     * @param matched the settlement equals what was expected, within tolerance
     */
    record Outcome(long expectedFen, long duplicateFen, boolean matched) {}

    private final StoreConfig config;
    private final Coverage coverage;
    private final List<Anomaly> found;

    SettlementRules(StoreConfig config, Coverage coverage, List<Anomaly> found) {
        this.config = config;
        this.coverage = coverage;
        this.found = found;
    }

    /**
     * A 交易成功 order must receive its paid amount minus the refunds made before settlement (售中):
     * no settlement line by the due date plus grace is MISSING_SETTLEMENT; a wrong total is
     * DUPLICATE_SETTLEMENT when the excess is a repeated credit, else AMOUNT_MISMATCH.
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
        found.add(Anomalies.of(AMOUNT_MISMATCH, day(last), order.orderId(), last.lineId(), expected, actual));
        return new Outcome(expected, 0, false);
    }

    /**
     * Only called missing where the ledger covers the whole span from the due date (确认收货, else
     * payment — else creation — plus the auto-confirm days) to the due date plus grace.
     */
    private void checkMissing(Order order, long expected) {
        if (expected <= 0) {
            return;
        }
        long due;
        if (Times.isPresent(order.confirmedAt())) {
            due = Times.epochDay(order.confirmedAt());
        } else if (Times.isPresent(order.dayTime())) {
            due = Times.epochDay(order.dayTime()) + config.autoConfirmDays();
        } else {
            return; // an order without any time has no due date
        }
        if (coverage.coversAll(due, due + config.graceDays())) {
            found.add(Anomalies.of(MISSING_SETTLEMENT, due, order.orderId(), null, expected, 0));
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
     * Every settlement line, whatever its order's status: no known order is UNMATCHED_SETTLEMENT
     * (usually an order report not uploaded yet); a 交易关闭 order is SETTLEMENT_ON_CLOSED_ORDER.
     * Orders not final yet only mean the order report is older than the ledger.
     *
     * @param order the line's order, or null when unknown
     */
    void checkLine(LedgerLine line, Order order) {
        if (order == null) {
            found.add(Anomalies.of(UNMATCHED_SETTLEMENT, day(line), line.orderId(), line.lineId(), 0,
                    line.incomeFen()));
        } else if (order.status() == OrderStatus.CLOSED) {
            found.add(Anomalies.of(SETTLEMENT_ON_CLOSED_ORDER, day(line), line.orderId(), line.lineId(), 0,
                    line.incomeFen()));
        }
    }

    private static long day(LedgerLine line) {
        return Times.epochDay(line.occurredAt());
    }
}
