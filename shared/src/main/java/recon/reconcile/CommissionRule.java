package recon.reconcile;

import static recon.domain.AnomalyType.FEE_MISMATCH;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        long charged = 0;
        for (LedgerLine line : commissions) {
            charged += line.expenseFen() - line.incomeFen();
        }
        long settled = ledger.settledFen() - duplicateFen;
        long expectedFee = Rates.apply(settled, config.commissionRate(order.category()));
        if (order.category().isEmpty() && !config.commissionByCategory().isEmpty()) {
            // the report gives no 类目 (the classic layout has none): any rate of the contract may be the order's,
            // so the fee is wrong only where none of them explains it, and then against the nearest
            long nearest = Long.MAX_VALUE;
            for (BigDecimal rate : contractRates()) {
                long fee = Rates.apply(settled, rate);
                if (Math.abs(charged - fee) <= allowed(fee)) {
                    return;
                }
                if (nearest == Long.MAX_VALUE || Math.abs(charged - fee) < Math.abs(charged - nearest)) {
                    nearest = fee;
                }
            }
            expectedFee = nearest;
        } else if (Math.abs(charged - expectedFee) <= allowed(expectedFee)) {
            return;
        }
        Severity severity = charged > expectedFee ? Severity.HIGH : Severity.MEDIUM;
        LedgerLine last = commissions.isEmpty() ? null : commissions.getLast();
        long day = last == null ? firstSettlementDay : Times.epochDay(last.occurredAt());
        found.add(Anomalies.of(FEE_MISMATCH, severity, day, order.orderId(), last == null ? null : last.lineId(), null,
                expectedFee, charged, waiting));
    }

    /** What a fee may be off by: max(tolerance, 2 % of it). */
    private long allowed(long fee) {
        return Math.max(config.toleranceFen(), Rates.apply(fee, Rates.TWO_PERCENT));
    }

    /** Every rate the contract names: its default and those of its 类目. */
    private Set<BigDecimal> contractRates() {
        return contractRates(config);
    }

    private static TreeSet<BigDecimal> contractRates(StoreConfig config) {
        TreeSet<BigDecimal> rates = new TreeSet<>(config.commissionByCategory().values());
        rates.add(config.commissionDefault());
        return rates;
    }

    /**
     * The rate a day's fee ratio counts an order's settlement at: its 类目's, or, where the report gives no
     * 类目 and the contract has rates by 类目, the highest the contract names (no day is called costly for
     * a rate that is only a guess).
     */
    static BigDecimal rateForFeeRatio(StoreConfig config, String category) {
        return category.isEmpty() && !config.commissionByCategory().isEmpty()
                ? contractRates(config).last() : config.commissionRate(category);
    }
}
