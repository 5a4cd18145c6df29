package recon.reconcile;

import static recon.domain.AnomalyType.FEE_RATIO_HIGH;
import static recon.domain.AnomalyType.REFUND_RATE_HIGH;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.StoreConfig;
import recon.domain.Waiting;

/**
 * Risk warnings on the totals of one store-day: PENDING while the bills of a channel the store uses
 * do not cover the day, whose missing settlements, refunds or fees would change the ratio.
 */
final class DayRiskRules {
    private final StoreConfig config;
    private final LedgerCoverage bills;
    private final Coverage orderReports;
    private final List<Anomaly> found;

    DayRiskRules(StoreConfig config, LedgerCoverage bills, Coverage orderReports, List<Anomaly> found) {
        this.config = config;
        this.bills = bills;
        this.orderReports = orderReports;
        this.found = found;
    }

    void check(DayBook.Day day) {
        if (day.settledAmount <= 0) {
            return;
        }
        checkRefundRate(day);
        checkFeeRatio(day);
    }

    /** REFUND_RATE_HIGH: refunds / settlements of the day above refundRateHigh. */
    private void checkRefundRate(DayBook.Day day) {
        BigDecimal limit = BigDecimal.valueOf(day.settledAmount).multiply(config.refundRateHigh());
        if (BigDecimal.valueOf(day.refundAmount).compareTo(limit) > 0) {
            found.add(Anomalies.of(REFUND_RATE_HIGH, day.day, null, null,
                    Rates.apply(day.settledAmount, config.refundRateHigh()), day.refundAmount,
                    bills.waitingFor(day.day, day.day)));
        }
    }

    /**
     * FEE_RATIO_HIGH: commission and other fees above settlements × the contract rate × feeRatioFactor,
     * the contract rate being the mean of the orders' rates weighted by their settlement (the store
     * default when no settlement of the day has a known order). PENDING also while some settlement's order
     * is unknown and the order reports do not cover the days it could have been paid on: its category's
     * rate could raise the threshold.
     */
    private void checkFeeRatio(DayBook.Day day) {
        long fees = day.commissionAmount + day.otherFeeAmount;
        long threshold = feeThreshold(day);
        if (fees > threshold) {
            long knownIncome = day.knownSettledByRate.values().stream().mapToLong(Long::longValue).sum();
            Waiting waiting = bills.waitingFor(day.day, day.day);
            if (waiting == null && knownIncome < day.settledAmount) {
                waiting = orderReports.waitingFor(day.day - SettlementRules.ORDER_LOOKBACK_DAYS, day.day);
            }
            found.add(Anomalies.of(FEE_RATIO_HIGH, day.day, null, null, threshold, fees, waiting));
        }
    }

    private long feeThreshold(DayBook.Day day) {
        long knownIncome = 0;
        BigDecimal weightedFees = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, Long> byRate : day.knownSettledByRate.entrySet()) {
            knownIncome += byRate.getValue();
            weightedFees = weightedFees.add(byRate.getKey().multiply(BigDecimal.valueOf(byRate.getValue())));
        }
        BigDecimal settledTimesFactor = BigDecimal.valueOf(day.settledAmount).multiply(config.feeRatioFactor());
        if (knownIncome == 0) {
            return settledTimesFactor.multiply(config.commissionDefault()).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
        // settled × (weightedFees / knownIncome) × factor, divided last so the rounding is exact
        return settledTimesFactor.multiply(weightedFees)
                .divide(BigDecimal.valueOf(knownIncome), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
