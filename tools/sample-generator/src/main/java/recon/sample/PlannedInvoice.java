package recon.sample;

import recon.domain.Times;

/**
 * One invoice of the invoice register (开票记录) as the generator decided it: money in fen, negative for
 * a red invoice (红字); times epoch seconds. Its number is given once all the store's invoices are known,
 * in the order they were issued.
 */
final class PlannedInvoice {
    /** The order it was issued for: a phantom one for the invoice whose order no report holds. */
    final PlannedOrder order;
    final long issuedAt;
    final long fen;
    /** 冲红原因 of a red invoice (01 开票有误, 02 销售退货), else "". */
    final String reason;
    /** 购方名称, or "". */
    final String buyer;
    /** An older invoice (发票代码 and an 8-digit number; a 数电 one cannot be voided), voided when issued. */
    final boolean voided;

    /** 发票代码, "" for a 数电 invoice. */
    String code = "";
    String number;
    /** When a red invoice reversed all of it (已红冲 from then on), or {@link Times#NONE}. */
    long reversedAt = Times.NONE;

    PlannedInvoice(PlannedOrder order, long issuedAt, long fen, String reason, String buyer, boolean voided) {
        this.order = order;
        this.issuedAt = issuedAt;
        this.fen = fen;
        this.reason = reason;
        this.buyer = buyer;
        this.voided = voided;
    }

    boolean red() {
        return fen < 0;
    }

    /** 发票状态 as a register exported at {@code asOf} shows it. */
    String status(long asOf) {
        if (voided) {
            return "已作废";
        }
        return Times.isPresent(reversedAt) && reversedAt <= asOf ? "已红冲" : "已开票";
    }
}
