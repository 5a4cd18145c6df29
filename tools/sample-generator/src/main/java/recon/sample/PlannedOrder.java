package recon.sample;

import recon.domain.OrderStatus;
import recon.domain.Times;

/**
 * One order's life as the generator decided it: times are epoch seconds or {@link Times#NONE}, money
 * in fen. The reports show it as of their export time; the ledger shows the money it moved.
 */
final class PlannedOrder {
    final int index;
    final long id;
    /** Index into {@link Catalog#ITEMS}. */
    final int item;
    final long priceFen;
    /** An order no report holds: its settlement is the planted UNMATCHED_SETTLEMENT, its invoice the INVOICE_WITHOUT_ORDER. */
    final boolean phantom;
    /** Paid with WeChat Pay: its money moves in the WeChat bill of the 聚合结算账户. */
    boolean wechat;
    /** 发票抬头: the buyer asked for an invoice; "" when not. */
    String invoiceTitle = "";

    long createdAt;
    long paidAt = Times.NONE;
    long shippedAt = Times.NONE;
    /** 交易成功: buyer confirmation, or the platform's auto-confirmation. */
    long successAt = Times.NONE;
    boolean buyerConfirmed;
    long closedAt = Times.NONE;

    /** 售中 refund (settlement just smaller), 售后 refund (debited), and one the buyer withdrew. */
    PlannedRefund preRefund;
    PlannedRefund afterRefund;
    PlannedRefund closedRefund;

    long settleAt = Times.NONE;
    long settleFen;
    /** A second, identical settlement line (DUPLICATE_SETTLEMENT). */
    long duplicateAt = Times.NONE;
    /** The duplicate comes in the other channel: paid once, settled in both accounts. */
    boolean duplicateInOtherChannel;
    long commissionFen;
    long pointsFen;
    long paymentFeeFen;
    long affiliateFeeFen;
    /** The 交易退款 line; its amount normally equals the 售后 refund. */
    long refundLineAt = Times.NONE;
    long refundLineFen;

    /** The anomaly planted on this order, if any. */
    PlantNote plant;
    /** Part of the refund wave of a REFUND_RATE_HIGH day: the guard must leave its refund alone. */
    boolean inRefundWave;

    PlannedOrder(int index, long id, int item, long priceFen, boolean phantom) {
        this.index = index;
        this.id = id;
        this.item = item;
        this.priceFen = priceFen;
        this.phantom = phantom;
    }

    Catalog.Item catalogItem() {
        return Catalog.ITEMS.get(item);
    }

    String orderId() {
        return Long.toString(id);
    }

    boolean paid() {
        return Times.isPresent(paidAt);
    }

    boolean settled() {
        return Times.isPresent(settleAt);
    }

    /** A settled order with no refund and no plant: a safe place to plant something. */
    boolean plain() {
        return settled() && !phantom && plant == null && !inRefundWave
                && preRefund == null && afterRefund == null && closedRefund == null
                && !Times.isPresent(closedAt);
    }

    OrderStatus statusAt(long time) {
        if (Times.isPresent(closedAt) && closedAt <= time) {
            return OrderStatus.CLOSED;
        }
        if (Times.isPresent(successAt) && successAt <= time) {
            return OrderStatus.SUCCESS;
        }
        if (Times.isPresent(shippedAt) && shippedAt <= time) {
            return OrderStatus.SHIPPED;
        }
        if (paid() && paidAt <= time) {
            return OrderStatus.AWAITING_SHIPMENT;
        }
        return OrderStatus.AWAITING_PAYMENT;
    }
}
