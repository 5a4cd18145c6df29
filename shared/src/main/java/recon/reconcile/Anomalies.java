package recon.reconcile;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.Severity;
import recon.domain.Waiting;

/** Makes anomalies with their message: a short Chinese sentence with no personal data. */
final class Anomalies {
    private static final Map<AnomalyType, String> MESSAGES = new EnumMap<>(Map.ofEntries(
            Map.entry(AnomalyType.MISSING_SETTLEMENT, "订单已交易成功，到期未收到结算款"),
            Map.entry(AnomalyType.AMOUNT_MISMATCH, "结算金额与应收不符"),
            Map.entry(AnomalyType.DUPLICATE_SETTLEMENT, "同一订单重复结算"),
            Map.entry(AnomalyType.SETTLEMENT_ON_CLOSED_ORDER, "已关闭订单收到结算款"),
            Map.entry(AnomalyType.UNMATCHED_SETTLEMENT, "结算款找不到对应订单（订单报表可能未上传）"),
            Map.entry(AnomalyType.REFUND_NOT_DEDUCTED, "售后退款成功，账户未见退款扣款"),
            Map.entry(AnomalyType.REFUND_AMOUNT_MISMATCH, "退款扣款金额与退款记录不符"),
            Map.entry(AnomalyType.UNEXPLAINED_REFUND, "退款扣款没有对应的成功退款记录"),
            Map.entry(AnomalyType.FEE_MISMATCH, "佣金与合同费率不符"),
            Map.entry(AnomalyType.BALANCE_BREAK, "当日账户余额不连续"),
            Map.entry(AnomalyType.BALANCE_GAP, "与前一日期末余额不衔接（可能缺少导出文件）"),
            Map.entry(AnomalyType.REFUND_RATE_HIGH, "当日退款率过高"),
            Map.entry(AnomalyType.FEE_RATIO_HIGH, "当日费用率高于合同"),
            Map.entry(AnomalyType.INVOICE_MISSING, "买家要求开票，到期未开具发票"),
            Map.entry(AnomalyType.INVOICE_DUPLICATE, "同一订单重复开票，未红冲"),
            Map.entry(AnomalyType.INVOICE_AMOUNT_MISMATCH, "开票金额与应开票金额（实付减退款）不符"),
            Map.entry(AnomalyType.INVOICE_WITHOUT_ORDER, "发票找不到对应订单（订单报表可能未上传）")));
    /** INVOICE_AMOUNT_MISMATCH where the excess is what was refunded after the invoice. */
    static final String NOT_REVERSED_AFTER_REFUND = "退款后未红冲：订单已退款，已开发票未相应红冲";

    private Anomalies() {}

    /** An OPEN anomaly with its type's default severity, on the given epoch day. */
    static Anomaly of(AnomalyType type, long day, String orderId, String lineId, long expectedFen, long actualFen) {
        return of(type, type.severity, day, orderId, lineId, null, expectedFen, actualFen, null);
    }

    /** An invoice anomaly; {@code message} null for its type's own. */
    static Anomaly invoice(AnomalyType type, long day, String orderId, String invoiceId, long expectedFen,
            long actualFen, String message, Waiting waitingFor) {
        return new Anomaly(type, type.severity, LocalDate.ofEpochDay(day), orderId, null, null, invoiceId, expectedFen,
                actualFen, message == null ? MESSAGES.get(type) : message, waitingFor);
    }

    /** An anomaly that is PENDING while {@code waitingFor} is not null: an export could still explain it. */
    static Anomaly of(AnomalyType type, long day, String orderId, String lineId, long expectedFen, long actualFen,
            Waiting waitingFor) {
        return of(type, type.severity, day, orderId, lineId, null, expectedFen, actualFen, waitingFor);
    }

    static Anomaly of(AnomalyType type, Severity severity, long day, String orderId, String lineId, String refundId,
            long expectedFen, long actualFen, Waiting waitingFor) {
        return new Anomaly(type, severity, LocalDate.ofEpochDay(day), orderId, lineId, refundId, null, expectedFen,
                actualFen, MESSAGES.get(type), waitingFor);
    }
}
