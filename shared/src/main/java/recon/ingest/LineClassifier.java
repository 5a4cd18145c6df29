package recon.ingest;

import recon.domain.Channel;
import recon.domain.LineClass;

/**
 * What a bill line is (docs/domain.md, "Line classes"), from its type (业务类型; the WeChat bill's 账单项目
 * and 入账类型), 备注 and 业务描述: the same rules for both channels, checked from the most specific text
 * to the most general; only the words of the sales lines differ between the two bills.
 */
final class LineClassifier {
    private LineClassifier() {}

    static LineClass classify(Channel channel, String type, String memo, String description, long incomeFen) {
        if (mentions(type, memo, description, "保证金")) {
            return LineClass.DEPOSIT;
        }
        if (mentions(type, memo, description, "提现")) {
            return LineClass.WITHDRAWAL;
        }
        boolean adPlatform = mentions(type, memo, description, "直通车")
                || mentions(type, memo, description, "万相台")
                || mentions(type, memo, description, "阿里妈妈");
        boolean adTypeOnly = type.contains("直通车") || type.contains("万相台") || type.contains("阿里妈妈");
        if (adPlatform && (adTypeOnly || mentions(type, memo, description, "充值"))) {
            return LineClass.AD_TOPUP;
        }
        if (mentions(type, memo, description, "天猫佣金")
                || mentions(type, memo, description, "技术服务费")
                || mentions(type, memo, description, "软件服务费")) {
            return LineClass.COMMISSION;
        }
        if (mentions(type, memo, description, "淘宝客")) {
            return LineClass.AFFILIATE_FEE;
        }
        if (mentions(type, memo, description, "支付服务费")) {
            return LineClass.PAYMENT_FEE;
        }
        if (mentions(type, memo, description, "积分")) {
            return LineClass.POINTS;
        }
        return switch (channel) {
            case ALIPAY -> sales(type, incomeFen, "交易退款", "交易付款", "在线支付", "交易收款");
            // the WeChat bill names its sales lines more briefly: 收款, 退款
            case TAOTIAN_WECHAT -> sales(type, incomeFen, "退款", "收款");
        };
    }

    /** REFUND when the type has the refund word; SETTLEMENT when it has a settlement word and the line has income. */
    private static LineClass sales(String type, long incomeFen, String refundWord, String... settlementWords) {
        if (type.contains(refundWord)) {
            return LineClass.REFUND;
        }
        if (incomeFen > 0) {
            for (String word : settlementWords) {
                if (type.contains(word)) {
                    return LineClass.SETTLEMENT;
                }
            }
        }
        return LineClass.OTHER;
    }

    private static boolean mentions(String type, String memo, String description, String word) {
        return type.contains(word) || memo.contains(word) || description.contains(word);
    }
}
