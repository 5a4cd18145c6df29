package recon.testdata;

import static recon.testdata.TestTimes.time;

import recon.domain.Money;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Times;

/**
 * Orders for tests: {@code anOrder("3553498017448001").paid("199.00").at("2026-11-02 10:00:00").build()}.
 * By default 交易成功, paid 100.00 on 2026-11-01 10:00:00 (also its creation time), not confirmed, no category.
 */
public final class Orders {
    private Orders() {}

    public static Builder anOrder(String orderId) {
        return new Builder(orderId);
    }

    public static final class Builder {
        private final String orderId;
        private long paidFen = 10_000;
        private OrderStatus status = OrderStatus.SUCCESS;
        private long createdAt = time("2026-11-01 10:00:00");
        private long paidAt = createdAt;
        private long confirmedAt = Times.NONE;
        private String category = "";
        private boolean invoiceRequested;

        private Builder(String orderId) {
            this.orderId = orderId;
        }

        public Builder paid(String yuan) {
            paidFen = Money.parseYuan(yuan);
            return this;
        }

        /** Paid (and created) at. */
        public Builder at(String shanghaiTime) {
            paidAt = time(shanghaiTime);
            createdAt = paidAt;
            return this;
        }

        /** Created at that time and never paid. */
        public Builder unpaidCreatedAt(String shanghaiTime) {
            createdAt = time(shanghaiTime);
            paidAt = Times.NONE;
            return this;
        }

        public Builder confirmedAt(String shanghaiTime) {
            confirmedAt = time(shanghaiTime);
            return this;
        }

        public Builder status(OrderStatus status) {
            this.status = status;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder invoiceRequested() {
            invoiceRequested = true;
            return this;
        }

        public Order build() {
            return new Order(orderId, paidFen, status, createdAt, paidAt, confirmedAt, category, invoiceRequested,
                    "");
        }
    }
}
