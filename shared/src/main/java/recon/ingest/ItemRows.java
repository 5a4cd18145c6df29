package recon.ingest;

import recon.domain.FileKind;

/**
 * Tmall item report (宝贝报表), one row per sub-order. Rows are checked and counted; no record is
 * kept yet (cash reconciliation does not need them).
 */
final class ItemRows extends RowParser {
    static final Column SUB_ORDER_ID = Column.required("子订单编号");
    static final Column ORDER_ID = Column.required("主订单编号");
    static final Column PRICE = Column.required("价格");
    static final Column QUANTITY = Column.required("购买数量");
    static final Column TITLE = Column.optional("标题");
    static final Column SELLER_CODE = Column.optional("商家编码");
    static final Column STATUS = Column.optional("订单状态");
    static final Column REFUND_STATUS = Column.optional("退款状态");

    static final Layout LAYOUT = new Layout(FileKind.TMALL_ITEMS,
            SUB_ORDER_ID, ORDER_ID, PRICE, QUANTITY, TITLE, SELLER_CODE, STATUS, REFUND_STATUS);

    private final int subOrderId;
    private final int orderId;
    private final int price;
    private final int quantity;

    ItemRows(String[] header) {
        subOrderId = SUB_ORDER_ID.indexIn(header);
        orderId = ORDER_ID.indexIn(header);
        price = PRICE.indexIn(header);
        quantity = QUANTITY.indexIn(header);
    }

    @Override
    protected void parse() {
        orderId(subOrderId, SUB_ORDER_ID);
        orderId(orderId, ORDER_ID);
        amount(price, PRICE, true);
        String count = requiredText(quantity, QUANTITY);
        if (!Cells.isDigits(count)) {
            throw reject(QUANTITY.label() + " " + quoted(count) + " 不是有效数量");
        }
    }
}
