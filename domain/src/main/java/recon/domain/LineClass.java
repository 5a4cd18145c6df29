package recon.domain;

/** What an Alipay account-log line is, from its 业务类型, 备注, 业务描述 and order reference. */
public enum LineClass {
    SETTLEMENT("交易结算", Kind.SALES),
    REFUND("交易退款", Kind.SALES),
    COMMISSION("天猫佣金", Kind.FEE),
    AFFILIATE_FEE("淘宝客佣金", Kind.FEE),
    PAYMENT_FEE("支付服务费", Kind.FEE),
    POINTS("天猫积分", Kind.FEE),
    WITHDRAWAL("提现", Kind.TRANSFER),
    AD_TOPUP("推广充值", Kind.TRANSFER),
    DEPOSIT("保证金", Kind.TRANSFER),
    OTHER("其他", Kind.OTHER);

    /** How a class counts in the day figures. */
    public enum Kind { SALES, FEE, TRANSFER, OTHER }

    public final String label;
    public final Kind kind;

    LineClass(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }
}
