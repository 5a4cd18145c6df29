package recon.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * One refund of the Tmall refund report (退款报表), normalized; the ids are kept compactly (see
 * {@link Ids}).
 *
 * <p>appliedAt: 退款的申请时间, epoch seconds or {@link Times#NONE}. completedAt: 退款完结时间,
 * epoch seconds or {@link Times#NONE}. declaredAfterSale: the report says 售后 (after the order
 * settled); false when it says 售中 or nothing.
 */
public final class Refund {
    /** Which of two reports of the same refund wins: the final status, then a fixed field order. */
    public static final Comparator<Refund> PROGRESS = Comparator
            .comparingInt((Refund r) -> r.status().rank)
            .thenComparing(Refund::status)
            .thenComparingLong(Refund::completedAt)
            .thenComparingLong(Refund::appliedAt)
            .thenComparingLong(Refund::refundFen)
            .thenComparing(Refund::declaredAfterSale)
            .thenComparing((a, b) -> Ids.compare(a.orderNumber, a.orderText, b.orderNumber, b.orderText));

    /** By the time that gives the refund its day, then by refund id. */
    public static final Comparator<Refund> BY_DAY_TIME = (a, b) -> {
        int byTime = Long.compare(a.dayTime(), b.dayTime());
        return byTime != 0 ? byTime : Ids.compare(a.refundNumber, a.refundText, b.refundNumber, b.refundText);
    };

    private final long refundNumber;
    private final String refundText;
    private final long orderNumber;
    private final String orderText;
    private final long refundFen;
    private final RefundStatus status;
    private final long appliedAt;
    private final long completedAt;
    private final boolean declaredAfterSale;

    public Refund(String refundId, String orderId, long refundFen, RefundStatus status, long appliedAt,
            long completedAt, boolean declaredAfterSale) {
        if (refundId == null || refundId.isEmpty() || orderId == null || orderId.isEmpty()) {
            throw new IllegalArgumentException("refund id and order id are required");
        }
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        this.refundNumber = Ids.number(refundId);
        this.refundText = Ids.text(refundId, refundNumber);
        this.orderNumber = Ids.number(orderId);
        this.orderText = Ids.text(orderId, orderNumber);
        this.refundFen = refundFen;
        this.status = status;
        this.appliedAt = appliedAt;
        this.completedAt = completedAt;
        this.declaredAfterSale = declaredAfterSale;
    }

    public static Refund latest(Refund a, Refund b) {
        return PROGRESS.compare(a, b) >= 0 ? a : b;
    }

    public String refundId() {
        return Ids.id(refundNumber, refundText);
    }

    /** The refund id as a number, or {@link Ids#TEXT}: a key that costs nothing to get. */
    public long refundNumber() {
        return refundNumber;
    }

    public String orderId() {
        return Ids.id(orderNumber, orderText);
    }

    /** The order id as a number, or {@link Ids#TEXT}. */
    public long orderNumber() {
        return orderNumber;
    }

    /** The order id when it is kept as text (see {@link Ids}), else null: with {@link #orderNumber()}, the key to group by. */
    public String orderIdText() {
        return orderText;
    }

    public long refundFen() {
        return refundFen;
    }

    public RefundStatus status() {
        return status;
    }

    public long appliedAt() {
        return appliedAt;
    }

    public long completedAt() {
        return completedAt;
    }

    public boolean declaredAfterSale() {
        return declaredAfterSale;
    }

    /** The time that gives the refund its day: 完结时间, else 申请时间. */
    public long dayTime() {
        return Times.isPresent(completedAt) ? completedAt : appliedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Refund r && refundNumber == r.refundNumber && Objects.equals(refundText, r.refundText)
                && orderNumber == r.orderNumber && Objects.equals(orderText, r.orderText)
                && refundFen == r.refundFen && status == r.status && appliedAt == r.appliedAt
                && completedAt == r.completedAt && declaredAfterSale == r.declaredAfterSale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(refundNumber, refundText, orderNumber, orderText, refundFen, status, appliedAt,
                completedAt, declaredAfterSale);
    }

    @Override
    public String toString() {
        return "Refund[refundId=" + refundId() + ", orderId=" + orderId() + ", refundFen=" + refundFen
                + ", status=" + status + ", appliedAt=" + appliedAt + ", completedAt=" + completedAt
                + ", declaredAfterSale=" + declaredAfterSale + "]";
    }
}
