package recon.domain;

/** The anomaly codes of docs/domain.md, with the Chinese name an accountant reads in the reports. */
public enum AnomalyType {
    MISSING_SETTLEMENT("未结算", Severity.HIGH),
    AMOUNT_MISMATCH("结算金额不符", Severity.HIGH),
    DUPLICATE_SETTLEMENT("重复结算", Severity.MEDIUM),
    SETTLEMENT_ON_CLOSED_ORDER("已关闭订单收到结算", Severity.MEDIUM),
    UNMATCHED_SETTLEMENT("结算找不到订单", Severity.LOW),
    REFUND_NOT_DEDUCTED("退款未扣款", Severity.MEDIUM),
    REFUND_AMOUNT_MISMATCH("退款金额不符", Severity.HIGH),
    UNEXPLAINED_REFUND("无退款记录的扣款", Severity.HIGH),
    FEE_MISMATCH("佣金与合同不符", Severity.HIGH),
    BALANCE_BREAK("当日余额不连续", Severity.HIGH),
    BALANCE_GAP("日间余额断档", Severity.MEDIUM),
    REFUND_RATE_HIGH("退款率过高", Severity.MEDIUM),
    FEE_RATIO_HIGH("费用率过高", Severity.MEDIUM),
    INVOICE_MISSING("未开发票", Severity.MEDIUM),
    INVOICE_DUPLICATE("重复开票", Severity.MEDIUM),
    INVOICE_AMOUNT_MISMATCH("开票金额不符", Severity.MEDIUM),
    INVOICE_WITHOUT_ORDER("发票找不到订单", Severity.LOW);

    public final String label;
    public final Severity severity;

    AnomalyType(String label, Severity severity) {
        this.label = label;
        this.severity = severity;
    }
}
