package recon.sample;

import recon.domain.LineClass;

/** The kinds of ledger line the generator writes, with the texts Alipay shows for them. */
enum EntryKind {
    SETTLEMENT(LineClass.SETTLEMENT, "交易付款", "交易付款"),
    COMMISSION(LineClass.COMMISSION, "收费", "天猫佣金"),
    POINTS(LineClass.POINTS, "收费", "天猫积分"),
    PAYMENT_FEE(LineClass.PAYMENT_FEE, "收费", "花呗支付服务费"),
    AFFILIATE_FEE(LineClass.AFFILIATE_FEE, "收费", "淘宝客佣金"),
    REFUND(LineClass.REFUND, "交易退款", "售后退款"),
    WITHDRAWAL(LineClass.WITHDRAWAL, "提现", "提现到银行卡"),
    AD_TOPUP(LineClass.AD_TOPUP, "转账", "直通车充值"),
    DEPOSIT(LineClass.DEPOSIT, "保证金", "天猫保证金缴纳"),
    /** A yearly platform fee with no order: what makes a FEE_RATIO_HIGH day. */
    ANNUAL_FEE(LineClass.COMMISSION, "收费", "年度软件服务费");

    final LineClass lineClass;
    /** 业务类型 */
    final String businessType;
    /** 业务描述, also the start of 备注 */
    final String description;

    EntryKind(LineClass lineClass, String businessType, String description) {
        this.lineClass = lineClass;
        this.businessType = businessType;
        this.description = description;
    }

    boolean income() {
        return this == SETTLEMENT;
    }
}
