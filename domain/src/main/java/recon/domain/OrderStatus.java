package recon.domain;

/** 订单状态 of a Tmall order. {@code rank} orders the statuses along the order's life. */
public enum OrderStatus {
    AWAITING_PAYMENT("等待买家付款", 0),
    AWAITING_SHIPMENT("买家已付款，等待卖家发货", 1),
    SHIPPED("卖家已发货，等待买家确认", 2),
    /** 交易成功: final; the money is due to the seller. */
    SUCCESS("交易成功", 3),
    /** 交易关闭: final; nothing is due. */
    CLOSED("交易关闭", 3);

    public final String label;
    public final int rank;

    OrderStatus(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public boolean isFinal() {
        return rank == 3;
    }
}
