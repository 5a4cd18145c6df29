package recon.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import recon.domain.LineClass;
import recon.domain.StoreConfig;

/**
 * The fees of a period: by line class, and the commission by 类目 against the contract rate.
 *
 * @param settledFen what the period's settlement lines brought in, the base of every rate
 * @param contractFeeFen commission due by the contract on the settlements of known orders
 * @param knownSettledFen settlements of known orders (the base of the contract rate)
 * @param feeRatioFactor fees above the contract rate times this are flagged FEE_RATIO_HIGH
 */
public record Fees(
        List<ByClass> byClass,
        List<ByCategory> byCategory,
        long settledFen,
        long knownSettledFen,
        long contractFeeFen,
        BigDecimal feeRatioFactor) {

    /** The fee lines of one class. */
    public record ByClass(LineClass lineClass, long lines, long amountFen) {}

    /**
     * Commission of the orders of one 类目.
     *
     * @param category the 类目; "" when the order report has none, null for orders not in any order report
     * @param contract the 类目's contract rate and the config key it comes from
     */
    public record ByCategory(String category, StoreConfig.Commission contract, long settledFen, long chargedFen) {
        public BigDecimal contractRate() {
            return contract.rate();
        }

        public long contractFeeFen() {
            return BigDecimal.valueOf(settledFen).multiply(contractRate()).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    public Fees {
        byClass = List.copyOf(byClass);
        byCategory = List.copyOf(byCategory);
    }

    public long totalFen() {
        return byClass.stream().mapToLong(ByClass::amountFen).sum();
    }

    /** The contract's commission rate weighted by what each 类目 settled; null without known settlements. */
    public BigDecimal contractRate() {
        return ratio(contractFeeFen, knownSettledFen);
    }

    /** part / settledFen as a rate with 4 decimals, null when nothing settled. */
    public BigDecimal rateOf(long partFen) {
        return ratio(partFen, settledFen);
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
