package recon.sample;

/**
 * A bill line before it gets its id (and, in the Alipay account, its balance).
 *
 * @param order the order it belongs to, or null
 * @param plant the planted anomaly that names this line, or null
 * @param wechat the line is in the WeChat bill rather than the Alipay account log
 */
record LedgerEntry(long occurredAt, EntryKind kind, long amountFen, PlannedOrder order, PlantNote plant,
        boolean wechat) {

    /** A line of the account the order's money goes to (Alipay for a line without order). */
    LedgerEntry(long occurredAt, EntryKind kind, long amountFen, PlannedOrder order, PlantNote plant) {
        this(occurredAt, kind, amountFen, order, plant, order != null && order.wechat);
    }

    long netFen() {
        return kind.income() ? amountFen : -amountFen;
    }
}
