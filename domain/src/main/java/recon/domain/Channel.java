package recon.domain;

/**
 * Where a buyer's payment settles, and so which account's bill lists the order's money: Alipay
 * payments into the Alipay account (支付宝账务明细), WeChat Pay payments, since September 2024, into
 * the store's 聚合结算账户 (淘天微信账单).
 */
public enum Channel {
    ALIPAY("支付宝", FileKind.ALIPAY_LEDGER),
    TAOTIAN_WECHAT("微信支付", FileKind.TAOTIAN_WECHAT);

    public final String label;
    /** The export that lists this channel's money. */
    public final FileKind bill;

    Channel(String label, FileKind bill) {
        this.label = label;
        this.bill = bill;
    }
}
