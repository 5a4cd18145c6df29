package recon.sample;

import recon.domain.RefundStatus;
import recon.domain.Times;

/** One row of the refund report as of the end of the period. */
final class PlannedRefund {
    final long id;
    final long fen;
    final long appliedAt;
    /** 退款完结时间, or {@link Times#NONE} while the refund is still open. */
    final long completedAt;
    final RefundStatus status;
    /** 售后 rather than 售中. */
    final boolean afterSale;

    PlannedRefund(long id, long fen, long appliedAt, long completedAt, RefundStatus status, boolean afterSale) {
        this.id = id;
        this.fen = fen;
        this.appliedAt = appliedAt;
        this.completedAt = completedAt;
        this.status = status;
        this.afterSale = afterSale;
    }
}
