package recon.report;

/**
 * The balance line of a period: opening balance + income − expense should be the closing balance.
 * Over a month a difference also shows a gap between days (an export missing). It can be checked only
 * where every Alipay line of the period states its balance: a ledger without the 账户余额 column (some
 * exports and tools drop it) still gives its income and expense, not the balances.
 *
 * @param openingFen null when no line of the period states a balance, as closingFen
 * @param lines the period's Alipay ledger lines
 * @param linesWithoutBalance those of them that state no balance
 */
public record BalanceCheck(Long openingFen, long incomeFen, long expenseFen, Long closingFen, int lines,
        int linesWithoutBalance) {
    public boolean hasLines() {
        return lines > 0;
    }

    /** Every line states its balance: the balance line can be checked (余额核对), else 余额无法核对. */
    public boolean checkable() {
        return hasLines() && linesWithoutBalance == 0 && openingFen != null && closingFen != null;
    }

    public long expectedClosingFen() {
        return (openingFen == null ? 0 : openingFen) + incomeFen - expenseFen;
    }

    /** Actual closing balance minus the expected one; 0 when it cannot be checked. */
    public long differenceFen() {
        return checkable() ? closingFen - expectedClosingFen() : 0;
    }

    public boolean balanced(long toleranceFen) {
        return Math.abs(differenceFen()) <= toleranceFen;
    }

    /** Why the balance cannot be checked, for the page and the workbook; null when it can or there is no line. */
    public String uncheckable() {
        if (!hasLines() || checkable()) {
            return null;
        }
        return "余额无法核对：本期 %,d 笔支付宝账务明细中有 %,d 笔没有账户余额（导出文件没有该列），收支已计入，余额不能核对"
                .formatted(lines, linesWithoutBalance);
    }
}
