package recon.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A store's contract and thresholds (docs/contracts.md, "Store configuration"). Every value has the
 * documented default; {@link #DEFAULT} is the store with no config file.
 *
 * @param commissionDefault the contract's commission rate when the order's category has none
 * @param commissionByCategory rates by 类目, each for that 类目 and the 类目 under it ({@link #commission})
 * @param toleranceFen differences up to this are not anomalies
 * @param graceDays days after the due date before a settlement is called missing
 * @param autoConfirmDays days after payment the platform confirms receipt when the buyer does not
 * @param refundRateHigh refunds / settlements of a day above this is REFUND_RATE_HIGH
 * @param feeRatioFactor fees / settlements above the contract's ratio times this is FEE_RATIO_HIGH
 * @param autoResolve the rules that resolve small differences by themselves (合理误差), in their order
 * @param channels the channels the store's money settles through; empty: those it has sent a bill of
 * @param invoiceDays days after 确认收货 (else the automatic one) before an invoice asked for is missing
 * @param accounts the accounts the store's files must name, by kind; none: the first file's
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
        int invoiceDays,
        Map<StoreAccount.Kind, String> accounts) {

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
                feeRatioFactor, List.of(), Set.of(), DEFAULT_INVOICE_DAYS, Map.of());
    }

    public StoreConfig {
        commissionByCategory = Map.copyOf(commissionByCategory);
        autoResolve = List.copyOf(autoResolve);
        accounts = Map.copyOf(accounts);
        // in the enum's order: the first channel a day waits for is always the same
        channels = channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
        requireRate("commission.default", commissionDefault);
        commissionByCategory.forEach((category, rate) -> requireRate("commission.byCategory." + category, rate));
        requireOneKeyPerCategory(commissionByCategory.keySet());
        requireNotNegative("toleranceYuan", toleranceFen);
        requireNotNegative("graceDays", graceDays);
        requireNotNegative("autoConfirmDays", autoConfirmDays);
        requireNotNegative("invoiceDays", invoiceDays);
        requireRate("refundRateHigh", refundRateHigh);
        if (feeRatioFactor == null || feeRatioFactor.signum() <= 0) {
            throw new IllegalArgumentException("feeRatioFactor：必须大于 0 must be a positive number");
        }
    }

    /**
     * A 类目's contract rate and where it comes from.
     *
     * @param key the byCategory key the rate is taken from; null: the default rate
     */
    public record Commission(BigDecimal rate, String key) {
        /** The rate's place in config.json: {@code byCategory."女装"} or {@code default}. */
        public String source() {
            return key == null ? "default" : byCategoryKey(key);
        }
    }

    /** {@code byCategory."女装"}: a key as the console and the reports name it. */
    public static String byCategoryKey(String key) {
        return "byCategory.\"" + key + "\"";
    }

    /** The commission rate of an order's category: {@link #commission}'s. */
    public BigDecimal commissionRate(String category) {
        return commission(category).rate();
    }

    /**
     * The contract rate of an order's 类目: that of the most specific byCategory key the 类目 is, or is
     * under ({@link CategoryPath}), else the default rate. Every rate the rules and reports use comes
     * from here. No two keys name one 类目 (the constructor refuses them), so the most specific is one.
     */
    public Commission commission(String category) {
        String matched = null;
        int deepest = 0;
        for (String key : commissionByCategory.keySet()) {
            int depth = CategoryPath.depthUnder(key, category);
            if (depth > deepest) {
                matched = key;
                deepest = depth;
            }
        }
        return matched == null ? new Commission(commissionDefault, null)
                : new Commission(commissionByCategory.get(matched), matched);
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

    /** 女装/女士精品 and 女装 > 女士精品 are one 类目: which of the two rates it gets would be a guess. */
    private static void requireOneKeyPerCategory(Set<String> keys) {
        Map<String, String> byPath = new HashMap<>();
        for (String key : new TreeSet<>(keys)) {
            String same = byPath.putIfAbsent(CategoryPath.canonical(key), key);
            if (same != null) {
                throw new IllegalArgumentException("commission.byCategory." + key + "：与 \"" + same
                        + "\" 是同一个类目 names the same category as \"" + same + "\"");
            }
        }
    }

    private static void requireNotNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + "：不能是负数 must not be negative");
        }
    }
}
