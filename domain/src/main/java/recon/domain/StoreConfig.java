package recon.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store's contract and thresholds (docs/contracts.md, "Store configuration"). Every value has the
 * documented default; {@link #DEFAULT} is the store with no config file.
 *
 * @param commissionDefault the contract's commission rate when the order's category has none
 * @param commissionByCategory rates by 类目
 * @param toleranceFen differences up to this are not anomalies
 * @param graceDays days after the due date before a settlement is called missing
 * @param autoConfirmDays days after payment the platform confirms receipt when the buyer does not
 * @param refundRateHigh refunds / settlements of a day above this is REFUND_RATE_HIGH
 * @param feeRatioFactor fees / settlements above the contract's ratio times this is FEE_RATIO_HIGH
 * @param autoResolve the rules that resolve small differences by themselves (合理误差), in their order
 * @param channels the channels the store's money settles through; empty: those it has sent a bill of
 * @param invoiceDays days after 确认收货 (else the automatic one) before an invoice asked for is missing
 */
public record StoreConfig(
        BigDecimal commissionDefault,
        Map<String, BigDecimal> commissionByCategory,
        long toleranceFen,
        int graceDays,
        int autoConfirmDays,
        BigDecimal refundRateHigh,
        BigDecimal feeRatioFactor,
        List<AutoResolve> autoResolve,
        Set<Channel> channels,
        int invoiceDays) {

    /** Days after 确认收货 (else the automatic one) an invoice asked for may take before it is missing. */
    public static final int DEFAULT_INVOICE_DAYS = 15;

    public static final StoreConfig DEFAULT = new StoreConfig(
            new BigDecimal("0.02"), Map.of(), 1, 3, 20, new BigDecimal("0.30"), new BigDecimal("1.5"));

    /**
     * An autoResolve rule: anomalies of this type whose difference is at most {@code maxFen} either way
     * are RESOLVED by the rule, with its note.
     */
    public record AutoResolve(AnomalyType type, long maxFen, String note) {
        public AutoResolve {
            if (type == null || maxFen < 0 || note == null || note.isBlank()) {
                throw new IllegalArgumentException("an autoResolve rule needs a type, a maxYuan not below 0 and a note");
            }
        }

        public boolean covers(Anomaly anomaly) {
            return anomaly.type() == type && Math.abs(anomaly.differenceFen()) <= maxFen;
        }
    }

    /** The contract and thresholds, with no autoResolve rule and the channels told by the bills sent. */
    public StoreConfig(BigDecimal commissionDefault, Map<String, BigDecimal> commissionByCategory, long toleranceFen,
            int graceDays, int autoConfirmDays, BigDecimal refundRateHigh, BigDecimal feeRatioFactor) {
        this(commissionDefault, commissionByCategory, toleranceFen, graceDays, autoConfirmDays, refundRateHigh,
                feeRatioFactor, List.of(), Set.of(), DEFAULT_INVOICE_DAYS);
    }

    public StoreConfig {
        commissionByCategory = Map.copyOf(commissionByCategory);
        autoResolve = List.copyOf(autoResolve);
        // in the enum's order: the first channel a day waits for is always the same
        channels = channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
        requireRate("commission.default", commissionDefault);
        commissionByCategory.forEach((category, rate) -> requireRate("commission.byCategory." + category, rate));
        requireNotNegative("toleranceYuan", toleranceFen);
        requireNotNegative("graceDays", graceDays);
        requireNotNegative("autoConfirmDays", autoConfirmDays);
        requireNotNegative("invoiceDays", invoiceDays);
        requireRate("refundRateHigh", refundRateHigh);
        if (feeRatioFactor == null || feeRatioFactor.signum() <= 0) {
            throw new IllegalArgumentException("feeRatioFactor：必须大于 0 must be a positive number");
        }
    }

    /** The commission rate of an order's category. */
    public BigDecimal commissionRate(String category) {
        return commissionByCategory.getOrDefault(category, commissionDefault);
    }

    /**
     * The channels whose bills must cover a day before money due on it is called missing: as configured,
     * else every channel the store has sent a bill of, else Alipay (a store that sent none).
     */
    public Set<Channel> channelsUsed(Collection<Channel> billed) {
        if (!channels.isEmpty()) {
            return channels;
        }
        return Collections.unmodifiableSet(billed.isEmpty() ? EnumSet.of(Channel.ALIPAY) : EnumSet.copyOf(billed));
    }

    // the messages reach the accountant through config.json's errors: the key, then Chinese, then English
    private static void requireRate(String key, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(key + "：必须是 0 到 1 之间的费率 must be a rate between 0 and 1");
        }
    }

    private static void requireNotNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + "：不能是负数 must not be negative");
        }
    }
}
