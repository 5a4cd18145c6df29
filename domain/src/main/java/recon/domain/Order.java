package recon.domain;

import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One main order (主订单) of the Tmall order report, normalized. Times are epoch seconds or
 * {@link Times#NONE}. No personal data: the buyer is kept as a stable hash of the nick only. A store
 * holds a million orders, so the id is kept compactly (see {@link Ids}) and the buyer hash as the
 * number its 16 hex digits write.
 *
 * <p>category: 类目, or "" when the report has none; picks the contract's commission rate.
 * invoiceRequested: the buyer asked for an invoice (发票抬头 not empty).
 */
public final class Order {
    /**
     * Which of two reports of the same order wins, whatever the order they arrive in: the most
     * advanced status, then a fixed comparison of the other fields so the choice is deterministic.
     * Written out field by field: it decides between the copies of every order of overlapping reports.
     */
    public static final Comparator<Order> PROGRESS = (a, b) -> {
        int c = Integer.compare(a.status.rank, b.status.rank);
        if (c == 0) {
            c = a.status.compareTo(b.status);
        }
        if (c == 0) {
            c = Long.compare(a.confirmedAt, b.confirmedAt);
        }
        if (c == 0) {
            c = Long.compare(a.paidAt, b.paidAt);
        }
        if (c == 0) {
            c = Long.compare(a.createdAt, b.createdAt);
        }
        if (c == 0) {
            c = Long.compare(a.paidFen, b.paidFen);
        }
        if (c == 0) {
            c = a.category.compareTo(b.category);
        }
        if (c == 0) {
            c = Boolean.compare(a.invoiceRequested, b.invoiceRequested);
        }
        if (c == 0) {
            c = Boolean.compare(a.hasBuyer, b.hasBuyer);
        }
        return c != 0 ? c : Long.compareUnsigned(a.buyerHash, b.buyerHash);
    };

    private final long orderNumber;
    private final String orderText;
    private final long paidFen;
    private final OrderStatus status;
    private final long createdAt;
    private final long paidAt;
    private final long confirmedAt;
    private final String category;
    private final boolean invoiceRequested;
    private final boolean hasBuyer;
    private final long buyerHash;

    public Order(String orderId, long paidFen, OrderStatus status, long createdAt, long paidAt, long confirmedAt,
            String category, boolean invoiceRequested, String buyerHash) {
        if (orderId == null || orderId.isEmpty()) {
            throw new IllegalArgumentException("order id is required");
        }
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        this.orderNumber = Ids.number(orderId);
        this.orderText = Ids.text(orderId, orderNumber);
        this.paidFen = paidFen;
        this.status = status;
        this.createdAt = createdAt;
        this.paidAt = paidAt;
        this.confirmedAt = confirmedAt;
        this.category = category == null ? "" : category;
        this.invoiceRequested = invoiceRequested;
        this.hasBuyer = buyerHash != null && !buyerHash.isEmpty();
        this.buyerHash = hasBuyer ? buyerNumber(buyerHash) : 0;
    }

    /** The more advanced of two reports of the same order. */
    public static Order latest(Order a, Order b) {
        return PROGRESS.compare(a, b) >= 0 ? a : b;
    }

    public String orderId() {
        return Ids.id(orderNumber, orderText);
    }

    /** The order id as a number, or {@link Ids#TEXT}: a key that costs nothing to get. */
    public long orderNumber() {
        return orderNumber;
    }

    /** The order id when it is kept as text (see {@link Ids}), else null: with {@link #orderNumber()}, the key to group by. */
    public String orderIdText() {
        return orderText;
    }

    public long paidFen() {
        return paidFen;
    }

    public OrderStatus status() {
        return status;
    }

    public long createdAt() {
        return createdAt;
    }

    public long paidAt() {
        return paidAt;
    }

    public long confirmedAt() {
        return confirmedAt;
    }

    public String category() {
        return category;
    }

    public boolean invoiceRequested() {
        return invoiceRequested;
    }

    /** The 16 hex digits of the buyer hash, "" when the report named no buyer. */
    public String buyerHash() {
        return hasBuyer ? HexFormat.of().toHexDigits(buyerHash) : "";
    }

    private static long buyerNumber(String hash) {
        if (hash.length() != 16) {
            throw new IllegalArgumentException("a buyer hash has 16 hex digits: " + hash);
        }
        return HexFormat.fromHexDigitsToLong(hash);
    }

    /** The time that gives the order its day: 付款时间, else 创建时间. */
    public long dayTime() {
        return Times.isPresent(paidAt) ? paidAt : createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other && orderNumber == other.orderNumber
                && Objects.equals(orderText, other.orderText) && paidFen == other.paidFen
                && status == other.status && createdAt == other.createdAt && paidAt == other.paidAt
                && confirmedAt == other.confirmedAt && category.equals(other.category)
                && invoiceRequested == other.invoiceRequested && hasBuyer == other.hasBuyer
                && buyerHash == other.buyerHash;
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderNumber, orderText, paidFen, status, createdAt, paidAt, confirmedAt, category,
                invoiceRequested, hasBuyer, buyerHash);
    }

    @Override
    public String toString() {
        return "Order[orderId=" + orderId() + ", paidFen=" + paidFen + ", status=" + status + ", createdAt="
                + createdAt + ", paidAt=" + paidAt + ", confirmedAt=" + confirmedAt + ", category=" + category
                + ", invoiceRequested=" + invoiceRequested + ", buyerHash=" + buyerHash() + "]";
    }
}
