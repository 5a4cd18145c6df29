package recon.report;

/**
 * The balance line of a period: opening balance + income − expense should be the closing balance.
 * Over a month a difference also shows a gap between days (an export missing). Null balances: the
 * period has no ledger line.
 */
public record BalanceCheck(Long openingFen, long incomeFen, long expenseFen, Long closingFen) {
    public boolean hasLines() {
        return openingFen != null && closingFen != null;
    }

    public long expectedClosingFen() {
        return (openingFen == null ? 0 : openingFen) + incomeFen - expenseFen;
    }

    /** Actual closing balance minus the expected one. */
    public long differenceFen() {
        return hasLines() ? closingFen - expectedClosingFen() : 0;
    }

    public boolean balanced(long toleranceFen) {
        return Math.abs(differenceFen()) <= toleranceFen;
    }
}
