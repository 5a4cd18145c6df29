package recon.sample;

import recon.domain.LineClass;

/**
 * The kinds of bill line the generator writes, with the texts Alipay shows for them and, for those the
 * WeChat bill has, its 账单项目 and 入账类型.
 */
enum EntryKind {
    SETTLEMENT(LineClass.SETTLEMENT, "交易付款", "交易付款", "交易收款", "交易"),
    COMMISSION(LineClass.COMMISSION, "收费", "天猫佣金", "技术服务费", "服务费"),
    POINTS(LineClass.POINTS, "收费", "天猫积分", "积分", "服务费"),
    PAYMENT_FEE(LineClass.PAYMENT_FEE, "收费", "花呗支付服务费", null, null),
    AFFILIATE_FEE(LineClass.AFFILIATE_FEE, "收费", "淘宝客佣金", "淘宝客佣金", "服务费"),
    REFUND(LineClass.REFUND, "交易退款", "售后退款", "交易退款", "退款"),
    WITHDRAWAL(LineClass.WITHDRAWAL, "提现", "提现到银行卡", "提现", "提现"),
    AD_TOPUP(LineClass.AD_TOPUP, "转账", "直通车充值", null, null),
    DEPOSIT(LineClass.DEPOSIT, "保证金", "天猫保证金缴纳", null, null),
    /** A yearly platform fee with no order: what makes a FEE_RATIO_HIGH day. */
    ANNUAL_FEE(LineClass.COMMISSION, "收费", "年度软件服务费", null, null);

    final LineClass lineClass;
    /** 业务类型 */
    final String businessType;
    /** 业务描述, also the start of 备注 */
    final String description;
    /** 账单项目 and 入账类型 in the WeChat bill; null for lines only the Alipay account has. */
    final String wechatItem;
    final String wechatEntryType;

    EntryKind(LineClass lineClass, String businessType, String description, String wechatItem, String wechatEntryType) {
        this.lineClass = lineClass;
        this.businessType = businessType;
        this.description = description;
        this.wechatItem = wechatItem;
        this.wechatEntryType = wechatEntryType;
    }

    boolean income() {
        return this == SETTLEMENT;
    }
}
