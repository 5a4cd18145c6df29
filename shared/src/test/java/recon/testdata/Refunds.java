package recon.testdata;

import static recon.testdata.TestTimes.time;

import recon.domain.Money;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.Times;

/**
 * Refunds for tests: {@code aRefund("3553498017448001").id("R1").amount("20.00").completedAt("2026-11-06 09:00:00").build()}.
 * By default 退款成功, 10.00, id "R" + order id, applied and completed at 2026-11-01 12:00:00, 售后 not declared.
 */
public final class Refunds {
    private Refunds() {}

    public static Builder aRefund(String orderId) {
        return new Builder(orderId);
    }

    public static final class Builder {
        private final String orderId;
        private String refundId;
        private long refundFen = 1_000;
        private RefundStatus status = RefundStatus.SUCCESS;
        private long appliedAt = time("2026-11-01 12:00:00");
        private long completedAt = appliedAt;
        private boolean declaredAfterSale;

        private Builder(String orderId) {
            this.orderId = orderId;
            this.refundId = "R" + orderId;
        }

        public Builder id(String refundId) {
            this.refundId = refundId;
            return this;
        }

        public Builder amount(String yuan) {
            refundFen = Money.parseYuan(yuan);
            return this;
        }

        public Builder status(RefundStatus status) {
            this.status = status;
            return this;
        }

        public Builder appliedAt(String shanghaiTime) {
            appliedAt = time(shanghaiTime);
            return this;
        }

        public Builder completedAt(String shanghaiTime) {
            completedAt = time(shanghaiTime);
            return this;
        }

        /** Not completed (yet): its time is the application time. */
        public Builder notCompleted() {
            completedAt = Times.NONE;
            return this;
        }

        /** The report says 售后. */
        public Builder afterSale() {
            declaredAfterSale = true;
            return this;
        }

        public Refund build() {
            return new Refund(refundId, orderId, refundFen, status, appliedAt, completedAt, declaredAfterSale);
        }
    }
}
