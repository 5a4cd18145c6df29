package recon.domain;

/** 退款状态. Only SUCCESS moves money. */
public enum RefundStatus {
    PENDING("处理中", 0),
    CLOSED("退款关闭", 1),
    SUCCESS("退款成功", 1);

    public final String label;
    public final int rank;

    RefundStatus(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }
}
