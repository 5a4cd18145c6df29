package recon.testdata;

import static recon.testdata.TestTimes.time;

import recon.domain.Channel;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Money;

/**
 * Bill lines for tests, Alipay's unless {@link Builder#inWeChat()}:
 * {@code settlement("3553498017448001").amount("199.00").at("2026-11-05 12:00:00").balanceAfter("1199.00").id("L1").build()}.
 * {@link #amount} goes in the class's usual direction: income for a settlement, expense for all
 * others; {@link Builder#income} and {@link Builder#expense} set it explicitly. Use {@link Ledger}
 * to have balances (and ids) worked out.
 */
public final class Lines {
    private Lines() {}

    public static Builder settlement(String orderId) {
        return line(LineClass.SETTLEMENT, orderId);
    }

    public static Builder refund(String orderId) {
        return line(LineClass.REFUND, orderId);
    }

    public static Builder commission(String orderId) {
        return line(LineClass.COMMISSION, orderId);
    }

    /** A line of any class; orderId may be null. */
    public static Builder line(LineClass lineClass, String orderId) {
        return new Builder(lineClass, orderId);
    }

    public static final class Builder {
        private final LineClass lineClass;
        private final String orderId;
        private String lineId;
        private long occurredAt = time("2026-11-01 10:00:00");
        private long incomeFen;
        private long expenseFen;
        private long balanceFen;
        private Channel channel = Channel.ALIPAY;

        private Builder(LineClass lineClass, String orderId) {
            this.lineClass = lineClass;
            this.orderId = orderId;
        }

        public Builder amount(String yuan) {
            return lineClass == LineClass.SETTLEMENT ? income(yuan) : expense(yuan);
        }

        public Builder income(String yuan) {
            incomeFen = Money.parseYuan(yuan);
            expenseFen = 0;
            return this;
        }

        public Builder expense(String yuan) {
            expenseFen = Money.parseYuan(yuan);
            incomeFen = 0;
            return this;
        }

        public Builder at(String shanghaiTime) {
            occurredAt = time(shanghaiTime);
            return this;
        }

        public Builder balanceAfter(String yuan) {
            balanceFen = Money.parseYuan(yuan);
            return this;
        }

        /** A line of the WeChat bill of the 聚合结算账户, which has no balance. */
        public Builder inWeChat() {
            channel = Channel.TAOTIAN_WECHAT;
            balanceFen = LedgerLine.NO_BALANCE;
            return this;
        }

        public Builder id(String lineId) {
            this.lineId = lineId;
            return this;
        }

        String lineId() {
            return lineId;
        }

        long netFen() {
            return incomeFen - expenseFen;
        }

        Builder balanceAfterFen(long fen) {
            balanceFen = fen;
            return this;
        }

        public LedgerLine build() {
            if (lineId == null) {
                throw new IllegalStateException("a line needs an id: call id(...) or add it to a Ledger");
            }
            return new LedgerLine(channel, lineId, orderId, occurredAt, incomeFen, expenseFen, balanceFen, lineClass,
                    lineClass.label);
        }
    }
}
