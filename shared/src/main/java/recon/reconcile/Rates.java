package recon.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one place a rate meets money: exact decimal product, rounded half-up to the fen. */
final class Rates {
    static final BigDecimal TWO_PERCENT = new BigDecimal("0.02");

    private Rates() {}

    static long apply(long fen, BigDecimal rate) {
        return BigDecimal.valueOf(fen).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
