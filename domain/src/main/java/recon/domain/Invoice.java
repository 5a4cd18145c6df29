package recon.domain;

import java.util.Comparator;

/**
 * One invoice of the invoice register (开票记录), normalized: a blue invoice (蓝字) with its amount
 * above zero, a red one (红字, 红冲) below zero, so an order's invoices add up to its net invoiced amount.
 *
 * @param invoiceId 发票号码 (20 digits for a 数电 invoice), or 发票代码-发票号码 for an older one
 * @param orderId the order it was issued for (订单编号), or "" when the register names none
 * @param amountFen 价税合计 in fen, negative for a red invoice
 * @param issuedAt 开票日期, epoch seconds
 * @param reversalReason 冲红原因 as exported (01 开票有误, 02 销售退货, 03 服务终止, 04 销售折让), or ""
 * @param buyerNamed 购方名称 was filled in; the name itself is never kept
 */
public record Invoice(String invoiceId, String orderId, long amountFen, boolean red, InvoiceStatus status,
        long issuedAt, String reversalReason, boolean buyerNamed) {

    /** Which of two exports of the same invoice wins: the later state, then a fixed field order. */
    public static final Comparator<Invoice> PROGRESS = Comparator
            .comparingInt((Invoice i) -> i.status().rank)
            .thenComparingLong(Invoice::issuedAt)
            .thenComparingLong(Invoice::amountFen)
            .thenComparing(Invoice::red)
            .thenComparing(Invoice::orderId)
            .thenComparing(Invoice::reversalReason)
            .thenComparing(Invoice::buyerNamed);

    /** By the day it was issued, then by number. */
    public static final Comparator<Invoice> BY_ISSUE = Comparator.comparingLong(Invoice::issuedAt)
            .thenComparing(Invoice::invoiceId);

    public Invoice {
        if (invoiceId == null || invoiceId.isEmpty() || orderId == null || status == null || reversalReason == null) {
            throw new IllegalArgumentException("invoice id, order id (may be empty), status and reason are required");
        }
        if (red ? amountFen > 0 : amountFen < 0) {
            throw new IllegalArgumentException("a blue invoice is not negative, a red one not positive: " + amountFen);
        }
    }

    public static Invoice latest(Invoice a, Invoice b) {
        return PROGRESS.compare(a, b) >= 0 ? a : b;
    }

    /** A void invoice counts for nothing. */
    public boolean counts() {
        return status != InvoiceStatus.VOID;
    }

    public boolean hasOrder() {
        return !orderId.isEmpty();
    }
}
