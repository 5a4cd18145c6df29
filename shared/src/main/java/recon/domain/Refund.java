package recon.domain;

import java.util.Comparator;

/**
 * One refund of the Tmall refund report (退款报表), normalized.
 *
 * @param appliedAt 退款的申请时间, epoch seconds or {@link Times#NONE}
 * @param completedAt 退款完结时间, epoch seconds or {@link Times#NONE}
 * @param declaredAfterSale the report says 售后 (after the order settled); false when it says 售中 or nothing
 */
public record Refund(
        String refundId,
        String orderId,
        long refundFen,
        RefundStatus status,
        long appliedAt,
        long completedAt,
        boolean declaredAfterSale) {

    /** Which of two reports of the same refund wins: the final status, then a fixed field order. */
    public static final Comparator<Refund> PROGRESS = Comparator
            .comparingInt((Refund r) -> r.status().rank)
            .thenComparing(Refund::status)
            .thenComparingLong(Refund::completedAt)
            .thenComparingLong(Refund::appliedAt)
            .thenComparingLong(Refund::refundFen)
            .thenComparing(Refund::declaredAfterSale)
            .thenComparing(Refund::orderId);

    public Refund {
        if (refundId == null || refundId.isEmpty() || orderId == null || orderId.isEmpty()) {
            throw new IllegalArgumentException("refund id and order id are required");
        }
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
    }

    public static Refund latest(Refund a, Refund b) {
        return PROGRESS.compare(a, b) >= 0 ? a : b;
    }

    /** The time that gives the refund its day: 完结时间, else 申请时间. */
    public long dayTime() {
        return Times.isPresent(completedAt) ? completedAt : appliedAt;
    }
}
