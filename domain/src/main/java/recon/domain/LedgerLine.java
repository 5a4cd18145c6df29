package recon.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * One line of an account's bill, normalized: the Alipay account log (支付宝账务明细) or the WeChat Pay
 * bill of the 聚合结算账户 (淘天微信账单), told apart by {@link #channel()}. A store holds millions of lines,
 * so the ids are kept compactly (see {@link Ids}); the accessors give them back as exported.
 *
 * <p>lineId: 账务流水号 (支付流水号 in the WeChat bill), the line's unique id within its channel: the
 * same line in two overlapping exports is one line.
 * orderId: the Tmall order the line belongs to, or null (see DOMAIN: T200P prefix, 业务基础订单号, 备注).
 * occurredAt: 发生时间, epoch seconds. incomeFen: 收入金额, ≥ 0. expenseFen: 支出金额, ≥ 0 (the
 * export's sign is dropped). balanceFen: 账户余额 after the line, or {@link #NO_BALANCE} where the bill has none (the WeChat
 * bill never has one). businessType: 业务类型 (账单项目) as exported, kept for the reports.
 */
public final class LedgerLine {
    /** The balance of a line whose bill states none. */
    public static final long NO_BALANCE = Long.MIN_VALUE;

    /** The order of the bills: by time, then by channel, then by line id. */
    public static final Comparator<LedgerLine> BY_TIME = (a, b) -> {
        int c = Long.compare(a.occurredAt, b.occurredAt);
        if (c == 0) {
            c = a.channel.compareTo(b.channel);
        }
        return c != 0 ? c : Ids.compare(a.lineNumber, a.lineText, b.lineNumber, b.lineText);
    };

    private final Channel channel;

    private final long lineNumber;
    private final String lineText;
    private final long orderNumber;
    private final String orderText;
    private final long occurredAt;
    private final long incomeFen;
    private final long expenseFen;
    private final long balanceFen;
    private final LineClass lineClass;
    private final String businessType;

    /** A line of the Alipay account log. */
    public LedgerLine(String lineId, String orderId, long occurredAt, long incomeFen, long expenseFen,
            long balanceFen, LineClass lineClass, String businessType) {
        this(Channel.ALIPAY, lineId, orderId, occurredAt, incomeFen, expenseFen, balanceFen, lineClass, businessType);
    }

    public LedgerLine(Channel channel, String lineId, String orderId, long occurredAt, long incomeFen,
            long expenseFen, long balanceFen, LineClass lineClass, String businessType) {
        if (channel == null) {
            throw new IllegalArgumentException("channel is required");
        }
        if (lineId == null || lineId.isEmpty()) {
            throw new IllegalArgumentException("line id is required");
        }
        if (incomeFen < 0 || expenseFen < 0) {
            throw new IllegalArgumentException("income and expense are amounts, not signed");
        }
        if (lineClass == null) {
            throw new IllegalArgumentException("line class is required");
        }
        this.channel = channel;
        this.lineNumber = Ids.number(lineId);
        this.lineText = Ids.text(lineId, lineNumber);
        this.orderNumber = Ids.number(orderId);
        this.orderText = Ids.text(orderId, orderNumber);
        this.occurredAt = occurredAt;
        this.incomeFen = incomeFen;
        this.expenseFen = expenseFen;
        this.balanceFen = balanceFen;
        this.lineClass = lineClass;
        this.businessType = businessType == null ? "" : businessType;
    }

    public Channel channel() {
        return channel;
    }

    public String lineId() {
        return Ids.id(lineNumber, lineText);
    }

    /** The line id as a number, or {@link Ids#TEXT}: a key that costs nothing to get. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The line id when it is kept as text (see {@link Ids}), else null. */
    public String lineIdText() {
        return lineText;
    }

    public String orderId() {
        return Ids.id(orderNumber, orderText);
    }

    /** The order id as a number, or {@link Ids#TEXT} (also when the line has no order id). */
    public long orderNumber() {
        return orderNumber;
    }

    /** The order id when it is kept as text (see {@link Ids}), else null: with {@link #orderNumber()}, the key to group by. */
    public String orderIdText() {
        return orderText;
    }

    public boolean hasOrderId() {
        return orderNumber != Ids.TEXT || orderText != null;
    }

    public long occurredAt() {
        return occurredAt;
    }

    public long incomeFen() {
        return incomeFen;
    }

    public long expenseFen() {
        return expenseFen;
    }

    /** The balance after the line; {@link #NO_BALANCE} unless {@link #hasBalance()}. */
    public long balanceFen() {
        return balanceFen;
    }

    public boolean hasBalance() {
        return balanceFen != NO_BALANCE;
    }

    public LineClass lineClass() {
        return lineClass;
    }

    public String businessType() {
        return businessType;
    }

    /** Income minus expense: what the line did to the balance. */
    public long netFen() {
        return incomeFen - expenseFen;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerLine l && channel == l.channel && lineNumber == l.lineNumber && Objects.equals(lineText, l.lineText)
                && orderNumber == l.orderNumber && Objects.equals(orderText, l.orderText)
                && occurredAt == l.occurredAt && incomeFen == l.incomeFen && expenseFen == l.expenseFen
                && balanceFen == l.balanceFen && lineClass == l.lineClass && businessType.equals(l.businessType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, lineNumber, lineText, orderNumber, orderText, occurredAt, incomeFen, expenseFen,
                balanceFen, lineClass, businessType);
    }

    @Override
    public String toString() {
        return "LedgerLine[channel=" + channel + ", lineId=" + lineId() + ", orderId=" + orderId() + ", occurredAt=" + occurredAt
                + ", incomeFen=" + incomeFen + ", expenseFen=" + expenseFen + ", balanceFen=" + balanceFen
                + ", lineClass=" + lineClass + ", businessType=" + businessType + "]";
    }
}
