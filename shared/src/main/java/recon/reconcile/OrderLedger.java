package recon.reconcile;

import java.util.ArrayList;
import java.util.List;
import recon.domain.LedgerLine;
import recon.domain.Refund;

/**
 * What the ledger and the refund report hold for one order id: its SETTLEMENT, REFUND and
 * COMMISSION lines, each sorted by (occurredAt, lineId), its successful refunds and those still in
 * progress (处理中), each sorted by (dayTime, refundId). Most orders have one or two lines, so the lists
 * are made only when needed.
 */
final class OrderLedger {
    private List<LedgerLine> settlements = List.of();
    private List<LedgerLine> refundLines = List.of();
    private List<LedgerLine> commissions = List.of();
    private List<Refund> successfulRefunds = List.of();
    private List<Refund> refundsInProgress = List.of();

    /** Lines must come in (occurredAt, lineId) order. */
    void add(LedgerLine line) {
        switch (line.lineClass()) {
            case SETTLEMENT -> settlements = append(settlements, line);
            case REFUND -> refundLines = append(refundLines, line);
            case COMMISSION -> commissions = append(commissions, line);
            default -> { }
        }
    }

    /** Successful refunds, and refunds in progress, must come in (dayTime, refundId) order; others are not kept. */
    void add(Refund refund) {
        switch (refund.status()) {
            case SUCCESS -> successfulRefunds = append(successfulRefunds, refund);
            case PENDING -> refundsInProgress = append(refundsInProgress, refund);
            default -> { }
        }
    }

    /** The refunds the refund reports show in progress (处理中), in (dayTime, refundId) order. */
    List<Refund> refundsInProgress() {
        return refundsInProgress;
    }

    /** Every successful refund, 售中 and 售后, in (dayTime, refundId) order. */
    List<Refund> successfulRefunds() {
        return successfulRefunds;
    }

    List<LedgerLine> settlements() {
        return settlements;
    }

    List<LedgerLine> refundLines() {
        return refundLines;
    }

    List<LedgerLine> commissions() {
        return commissions;
    }

    boolean isSettled() {
        return !settlements.isEmpty();
    }

    long firstSettlementAt() {
        return settlements.getFirst().occurredAt();
    }

    /** Σ income of the settlement lines: what the order actually received. */
    long settledFen() {
        long sum = 0;
        for (LedgerLine line : settlements) {
            sum += line.incomeFen();
        }
        return sum;
    }

    /**
     * 售后: the report says so, or the refund completed (else was applied for) at or after the first
     * settlement. Only these are debited from the account; the others (售中) just make the settlement smaller.
     */
    boolean isAfterSale(Refund refund) {
        return refund.declaredAfterSale() || (isSettled() && refund.dayTime() >= firstSettlementAt());
    }

    long preSettlementRefundFen() {
        long sum = 0;
        for (Refund refund : successfulRefunds) {
            if (!isAfterSale(refund)) {
                sum += refund.refundFen();
            }
        }
        return sum;
    }

    /** The after-sale successful refunds, in (dayTime, refundId) order. */
    List<Refund> afterSaleRefunds() {
        if (successfulRefunds.isEmpty()) {
            return List.of();
        }
        List<Refund> after = new ArrayList<>(successfulRefunds.size());
        for (Refund refund : successfulRefunds) {
            if (isAfterSale(refund)) {
                after.add(refund);
            }
        }
        return after;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> target = list.isEmpty() ? new ArrayList<>(2) : list;
        target.add(item);
        return target;
    }
}
