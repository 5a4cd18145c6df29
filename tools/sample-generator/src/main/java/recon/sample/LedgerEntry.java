package recon.sample;

/**
 * A ledger line before it gets its 账务流水号 and balance.
 *
 * @param order the order it belongs to, or null
 * @param plant the planted anomaly that names this line, or null
 */
record LedgerEntry(long occurredAt, EntryKind kind, long amountFen, PlannedOrder order, PlantNote plant) {
    long netFen() {
        return kind.income() ? amountFen : -amountFen;
    }
}
