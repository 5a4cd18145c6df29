package recon.domain;

/** The kind of an export, told from its header row, never from its name. */
public enum FileKind {
    TMALL_ORDERS("天猫订单报表"),
    TMALL_ITEMS("天猫宝贝报表"),
    ALIPAY_LEDGER("支付宝账务明细"),
    TAOTIAN_WECHAT("淘天微信账单"),
    TMALL_REFUNDS("天猫退款报表"),
    INVOICES("开票记录"),
    RESOLUTIONS("异常处理结果"),
    UNKNOWN("无法识别");

    public final String label;

    FileKind(String label) {
        this.label = label;
    }
}
