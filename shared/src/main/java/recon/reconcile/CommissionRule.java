package recon.reconcile;

import static recon.domain.AnomalyType.FEE_MISMATCH;

import java.util.List;
import recon.domain.Anomaly;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Severity;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.domain.Waiting;

/**
 * 天猫佣金: the COMMISSION lines of a settled order must come to the settlement (less a duplicate
 * credit) times the contract rate of the order's category, within max(tolerance, 2 %).
 */
final class CommissionRule {
    private final StoreConfig config;
    private final LedgerCoverage coverage;
    private final List<Anomaly> found;

    CommissionRule(StoreConfig config, LedgerCoverage coverage, List<Anomaly> found) {
        this.config = config;
        this.coverage = coverage;
        this.found = found;
    }

    /**
     * @param order a known order that is not 交易关闭
     * @param duplicateFen the amount of a duplicate settlement line, not a sale so not charged, or 0
     */
    void check(Order order, OrderLedger ledger, long duplicateFen) {
        if (!ledger.isSettled()) {
            return;
        }
        long firstSettlementDay = Times.epochDay(ledger.firstSettlementAt());
        List<LedgerLine> commissions = ledger.commissions();
        // a commission line may be on a day the bills do not cover yet, from payment to the day after
        // the first settlement known: the anomaly waits for it
        Waiting waiting = coverage.waitingFor(SettlementRules.paidDay(order, firstSettlementDay), firstSettlementDay + 1);
        long expectedFee = Rates.apply(ledger.settledFen() - duplicateFen, config.commissionRate(order.category()));
        long charged = 0;
        for (LedgerLine line : commissions) {
            charged += line.expenseFen() - line.incomeFen();
        }
        long allowed = Math.max(config.toleranceFen(), Rates.apply(expectedFee, Rates.TWO_PERCENT));
        if (Math.abs(charged - expectedFee) <= allowed) {
            return;
        }
        Severity severity = charged > expectedFee ? Severity.HIGH : Severity.MEDIUM;
        LedgerLine last = commissions.isEmpty() ? null : commissions.getLast();
        long day = last == null ? firstSettlementDay : Times.epochDay(last.occurredAt());
        found.add(Anomalies.of(FEE_MISMATCH, severity, day, order.orderId(), last == null ? null : last.lineId(), null,
                expectedFee, charged, waiting));
    }
}
