package recon.ingest;

import recon.domain.FileKind;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.RefundStatus;

/** Tmall refund report (退款报表): one {@link Refund} per row. */
final class RefundRows extends RowParser {
    static final Column ORDER_ID = Column.required("订单编号");
    static final Column REFUND_ID = Column.required("退款编号");
    static final Column REFUND_AMOUNT = Column.required("退款金额", "买家退款金额", "退款金额");
    static final Column STATUS = Column.required("退款状态");
    static final Column APPLIED_AT = Column.optional("退款的申请时间", "退款的申请时间", "申请时间");
    static final Column COMPLETED_AT = Column.optional("退款完结时间", "退款完结时间", "完结时间");
    static final Column STAGE = Column.optional("售中或售后");

    static final Layout LAYOUT = new Layout(FileKind.TMALL_REFUNDS,
            ORDER_ID, REFUND_ID, REFUND_AMOUNT, STATUS, APPLIED_AT, COMPLETED_AT, STAGE);

    private final RecordSink sink;
    private final int orderId;
    private final int refundId;
    private final int refundAmount;
    private final int status;
    private final int appliedAt;
    private final int completedAt;
    private final int stage;
    private final DaySpan span = new DaySpan();

    RefundRows(String[] header, RecordSink sink) {
        this.sink = sink;
        orderId = ORDER_ID.indexIn(header);
        refundId = REFUND_ID.indexIn(header);
        refundAmount = REFUND_AMOUNT.indexIn(header);
        status = STATUS.indexIn(header);
        appliedAt = APPLIED_AT.indexIn(header);
        completedAt = COMPLETED_AT.indexIn(header);
        stage = STAGE.indexIn(header);
    }

    @Override
    protected void parse() {
        Refund refund = new Refund(
                id(refundId, REFUND_ID),
                orderId(orderId, ORDER_ID),
                amount(refundAmount, REFUND_AMOUNT, true),
                status(requiredText(status, STATUS)),
                time(appliedAt, APPLIED_AT, false),
                time(completedAt, COMPLETED_AT, false),
                text(stage).contains("售后"));
        span.add(refund.dayTime());
        sink.refund(refund);
    }

    /** The report covers the days from the start of its first refund's month to its last refund's day. */
    @Override
    void finish() {
        span.sendFromMonthStartTo(sink, FileKind.TMALL_REFUNDS);
    }

    /** Only 退款成功 moves money; every status still in progress is pending. */
    static RefundStatus status(String label) {
        return switch (label) {
            case "退款成功" -> RefundStatus.SUCCESS;
            case "退款关闭" -> RefundStatus.CLOSED;
            default -> RefundStatus.PENDING;
        };
    }
}
