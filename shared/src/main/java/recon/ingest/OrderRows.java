package recon.ingest;

import java.security.MessageDigest;
import recon.domain.FileKind;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.RecordSink;
import recon.domain.StoreAccount;

/**
 * Tmall order report (订单报表): one {@link Order} per row. The buyer's name, phone and address columns
 * are never read; the buyer nick is kept only as a hash.
 */
final class OrderRows extends RowParser {
    static final Column ORDER_ID = Column.required("订单编号", "订单编号", "主订单编号", "订单号");
    static final Column PAID = Column.required("买家实际支付金额", "买家实际支付金额", "实付金额", "买家实付金额");
    static final Column STATUS = Column.required("订单状态");
    static final Column CREATED_AT = Column.required("订单创建时间");
    static final Column PAID_AT = Column.optional("订单付款时间");
    static final Column CONFIRMED_AT = Column.optional("确认收货时间");
    static final Column CATEGORY = Column.optional("类目");
    static final Column INVOICE_TITLE = Column.optional("发票抬头");
    static final Column BUYER_NICK = Column.optional("买家会员名");
    static final Column SHOP = Column.optional("店铺名称");

    static final Layout LAYOUT = new Layout(FileKind.TMALL_ORDERS,
            ORDER_ID, PAID, STATUS, CREATED_AT, PAID_AT, CONFIRMED_AT, CATEGORY, INVOICE_TITLE, BUYER_NICK, SHOP);

    private final RecordSink sink;
    private final MessageDigest sha256 = Cells.sha256();
    private final Distinct categories = new Distinct();
    private final int orderId;
    private final int paid;
    private final int status;
    private final int createdAt;
    private final int paidAt;
    private final int confirmedAt;
    private final int category;
    private final int invoiceTitle;
    private final int buyerNick;
    private final int shop;
    private final DaySpan span = new DaySpan();
    /** The one 店铺名称 of the report's rows; null before the first, "" once two differ (no account then). */
    private String shopName;

    OrderRows(String[] header, RecordSink sink) {
        this.sink = sink;
        orderId = ORDER_ID.indexIn(header);
        paid = PAID.indexIn(header);
        status = STATUS.indexIn(header);
        createdAt = CREATED_AT.indexIn(header);
        paidAt = PAID_AT.indexIn(header);
        confirmedAt = CONFIRMED_AT.indexIn(header);
        category = CATEGORY.indexIn(header);
        invoiceTitle = INVOICE_TITLE.indexIn(header);
        buyerNick = BUYER_NICK.indexIn(header);
        shop = SHOP.indexIn(header);
    }

    @Override
    protected void parse() {
        String id = orderId(orderId, ORDER_ID);
        long paidFen = amount(paid, PAID, true);
        String statusText = requiredText(status, STATUS);
        OrderStatus orderStatus = status(statusText);
        if (orderStatus == null) {
            throw reject(STATUS.label() + " " + quoted(statusText) + " 无法识别");
        }
        String nick = text(buyerNick);
        Order order = new Order(
                id,
                paidFen,
                orderStatus,
                time(createdAt, CREATED_AT, true),
                time(paidAt, PAID_AT, false),
                time(confirmedAt, CONFIRMED_AT, false),
                categories.of(keptText(category, CATEGORY)),
                !text(invoiceTitle).isEmpty(),
                nick.isEmpty() ? "" : Cells.buyerHash(sha256, nick));
        span.add(order.dayTime());
        sink.order(order);
        String shopText = text(shop);
        if (!shopText.isEmpty() && !shopText.equals(shopName)) {
            shopName = shopName == null ? keptText(shop, SHOP) : "";
        }
    }

    /** The shop every row names; none when the rows name none, or several (a report of more than one shop). */
    @Override
    StoreAccount account() {
        return shopName == null || shopName.isEmpty() ? null : new StoreAccount(StoreAccount.Kind.SHOP, shopName);
    }

    /** The report covers the days from its first order's to its last's: an order of a day between would be in it. */
    @Override
    void finish() {
        span.sendTo(sink, FileKind.TMALL_ORDERS);
    }

    static OrderStatus status(String label) {
        return switch (label) {
            case "等待买家付款" -> OrderStatus.AWAITING_PAYMENT;
            case "买家已付款，等待卖家发货", "买家已付款,等待卖家发货", "等待卖家发货" -> OrderStatus.AWAITING_SHIPMENT;
            case "卖家已发货，等待买家确认", "卖家已发货,等待买家确认" -> OrderStatus.SHIPPED;
            case "交易成功" -> OrderStatus.SUCCESS;
            case "交易关闭" -> OrderStatus.CLOSED;
            default -> null;
        };
    }
}
