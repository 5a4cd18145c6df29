package recon.domain;

import java.util.Comparator;

/**
 * One main order (主订单) of the Tmall order report, normalized. Times are epoch seconds or
 * {@link Times#NONE}. No personal data: the buyer is kept as a stable hash of the nick only.
 *
 * @param category 类目, or "" when the report has none; picks the contract's commission rate
 * @param invoiceRequested the buyer asked for an invoice (发票抬头 not empty)
 */
public record Order(
        String orderId,
        long paidFen,
        OrderStatus status,
        long createdAt,
        long paidAt,
        long confirmedAt,
        String category,
        boolean invoiceRequested,
        String buyerHash) {

    /**
     * Which of two reports of the same order wins, whatever the order they arrive in: the most
     * advanced status, then a fixed comparison of the other fields so the choice is deterministic.
     */
    public static final Comparator<Order> PROGRESS = Comparator
            .comparingInt((Order o) -> o.status().rank)
            .thenComparing(Order::status)
            .thenComparingLong(Order::confirmedAt)
            .thenComparingLong(Order::paidAt)
            .thenComparingLong(Order::createdAt)
            .thenComparingLong(Order::paidFen)
            .thenComparing(Order::category)
            .thenComparing(Order::invoiceRequested)
            .thenComparing(Order::buyerHash);

    public Order {
        if (orderId == null || orderId.isEmpty()) {
            throw new IllegalArgumentException("order id is required");
        }
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        category = category == null ? "" : category;
        buyerHash = buyerHash == null ? "" : buyerHash;
    }

    /** The more advanced of two reports of the same order. */
    public static Order latest(Order a, Order b) {
        return PROGRESS.compare(a, b) >= 0 ? a : b;
    }

    /** The time that gives the order its day: 付款时间, else 创建时间. */
    public long dayTime() {
        return Times.isPresent(paidAt) ? paidAt : createdAt;
    }
}
