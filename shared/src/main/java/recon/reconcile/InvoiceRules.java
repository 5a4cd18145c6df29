package recon.reconcile;

import static recon.domain.AnomalyType.INVOICE_AMOUNT_MISMATCH;
import static recon.domain.AnomalyType.INVOICE_DUPLICATE;
import static recon.domain.AnomalyType.INVOICE_MISSING;
import static recon.domain.AnomalyType.INVOICE_WITHOUT_ORDER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.Invoice;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.domain.Waiting;

/**
 * Every order's invoices against what it should be invoiced for (docs/domain.md, "Invoices"): paid minus
 * its successful refunds for a 交易成功 order, nothing for a 交易关闭 one. An order is judged once the
 * registers cover its invoicing window — from its day to 确认收货 (else the automatic one) plus
 * invoiceDays, or its last refund plus invoiceDays when later (the 红冲 may take as long) — PENDING
 * where they have a hole in it, not yet an anomaly where the window ends after the last register.
 */
final class InvoiceRules {
    private final StoreConfig config;
    private final Coverage registers;
    private final Coverage orderReports;
    private final Coverage refundReports;
    private final List<Anomaly> found;
    /** The invoices that count, by order id; what is left once every order was checked has no order. */
    private final Map<String, List<Invoice>> byOrder = new HashMap<>();
    private final List<Invoice> withoutOrderId = new ArrayList<>();

    /**
     * @param invoices every invoice of the store, in {@link Invoice#BY_ISSUE} order; the ones that count go into the day figures
     */
    InvoiceRules(StoreConfig config, Coverage registers, Coverage orderReports, Coverage refundReports,
            List<Invoice> invoices, DayBook days, List<Anomaly> found) {
        this.config = config;
        this.registers = registers;
        this.orderReports = orderReports;
        this.refundReports = refundReports;
        this.found = found;
        for (Invoice invoice : invoices) {
            if (!invoice.counts()) {
                continue;
            }
            days.invoice(invoice);
            if (invoice.hasOrder()) {
                byOrder.computeIfAbsent(invoice.orderId(), id -> new ArrayList<>(2)).add(invoice);
            } else {
                withoutOrderId.add(invoice);
            }
        }
    }

    /** One order of the order reports, with its successful refunds. */
    void check(Order order, OrderLedger ledger, DayBook days) {
        List<Invoice> invoices = byOrder.remove(order.orderId());
        if (invoices == null && !order.invoiceRequested()) {
            return;
        }
        invoices = invoices == null ? List.of() : invoices;
        long refunded = 0;
        for (Refund refund : ledger.successfulRefunds()) {
            refunded += refund.refundFen();
        }
        long net = 0;
        for (Invoice invoice : invoices) {
            net += invoice.amountFen();
        }
        long toInvoice = order.status() == OrderStatus.CLOSED ? 0 : Math.max(0, order.paidFen() - refunded);
        if (order.invoiceRequested() && order.status() != OrderStatus.CLOSED) {
            days.uninvoiced(order, Math.max(0, toInvoice - net));
        }
        boolean isFinal = order.status() == OrderStatus.SUCCESS || order.status() == OrderStatus.CLOSED;
        if (!isFinal || !Times.isPresent(order.dayTime()) || Math.abs(net - toInvoice) <= config.toleranceFen()) {
            return; // an order still going on may yet be confirmed, refunded or closed
        }
        if (invoices.isEmpty() || Math.abs(net) <= config.toleranceFen()) {
            if (order.invoiceRequested()) {
                missing(order, ledger, toInvoice, net);
            }
            return;
        }
        long from = Times.epochDay(order.dayTime());
        long deadline = deadline(order, ledger);
        if (!registers.speaksFor(from, deadline)) {
            return;
        }
        Waiting waiting = registers.waitingFor(from, deadline);
        if (waiting == null && net < toInvoice) {
            waiting = refundReports.waitingFor(from, deadline); // a refund not reported yet would lower what is due
        }
        Invoice last = invoices.getLast();
        Invoice duplicate = duplicate(invoices, net - toInvoice);
        if (duplicate != null) {
            found.add(Anomalies.invoice(INVOICE_DUPLICATE, Times.epochDay(duplicate.issuedAt()), order.orderId(),
                    duplicate.invoiceId(), toInvoice, net, null, waiting));
            return;
        }
        boolean notReversed = net > toInvoice && refunded > 0 && net - toInvoice <= refunded + config.toleranceFen();
        long day = Times.epochDay(last.issuedAt());
        if (notReversed) {
            day = Math.max(day, Times.epochDay(ledger.successfulRefunds().getLast().dayTime()));
        }
        found.add(Anomalies.invoice(INVOICE_AMOUNT_MISMATCH, day, order.orderId(), last.invoiceId(), toInvoice, net,
                notReversed ? Anomalies.NOT_REVERSED_AFTER_REFUND : null, waiting));
    }

    /** Asked for, due, and no invoice (or all reversed) by the deadline. */
    private void missing(Order order, OrderLedger ledger, long toInvoice, long net) {
        long from = Times.epochDay(order.dayTime());
        long deadline = deadline(order, ledger);
        if (!registers.speaksFor(from, deadline)) {
            return;
        }
        Waiting waiting = registers.waitingFor(from, deadline);
        if (waiting == null) {
            waiting = refundReports.waitingFor(from, deadline); // a whole refund would leave nothing to invoice
        }
        found.add(Anomalies.invoice(INVOICE_MISSING, deadline, order.orderId(), null, toInvoice, net, null, waiting));
    }

    /** The invoices left after every order was checked: their order is in no order report, or they name none. */
    void withoutOrder() {
        List<Invoice> left = new ArrayList<>(withoutOrderId);
        byOrder.values().forEach(left::addAll);
        left.sort(Invoice.BY_ISSUE);
        for (Invoice invoice : left) {
            long day = Times.epochDay(invoice.issuedAt());
            // an invoice naming no order has no order that a report could bring
            Waiting waiting = invoice.hasOrder()
                    ? orderReports.waitingFor(day - SettlementRules.ORDER_LOOKBACK_DAYS, day) : null;
            found.add(Anomalies.invoice(INVOICE_WITHOUT_ORDER, day, invoice.hasOrder() ? invoice.orderId() : null,
                    invoice.invoiceId(), 0, invoice.amountFen(), null, waiting));
        }
    }

    /**
     * The last day an invoice of the order may still come: 确认收货 (else payment plus the automatic
     * confirmation) plus invoiceDays, or the last successful refund plus invoiceDays when later; never
     * before the order's own day (a report whose 确认收货 precedes 付款 still gives the order a window).
     */
    private long deadline(Order order, OrderLedger ledger) {
        long confirmed = Times.isPresent(order.confirmedAt())
                ? Times.epochDay(order.confirmedAt())
                : Times.epochDay(order.dayTime()) + config.autoConfirmDays();
        long deadline = confirmed + config.invoiceDays();
        List<Refund> refunds = ledger.successfulRefunds();
        if (!refunds.isEmpty() && Times.isPresent(refunds.getLast().dayTime())) {
            deadline = Math.max(deadline, Times.epochDay(refunds.getLast().dayTime()) + config.invoiceDays());
        }
        return Math.max(deadline, Times.epochDay(order.dayTime()));
    }

    /**
     * The later blue invoice whose amount is the excess (within tolerance) while another blue invoice of
     * the order has the very same amount; null when the excess is no repeated invoice.
     */
    private Invoice duplicate(List<Invoice> invoices, long excess) {
        if (excess <= config.toleranceFen()) {
            return null;
        }
        Map<Long, Integer> blueByAmount = new HashMap<>();
        for (Invoice invoice : invoices) {
            if (!invoice.red()) {
                blueByAmount.merge(invoice.amountFen(), 1, Integer::sum);
            }
        }
        for (Invoice invoice : invoices.reversed()) {
            if (!invoice.red() && blueByAmount.get(invoice.amountFen()) >= 2
                    && Math.abs(invoice.amountFen() - excess) <= config.toleranceFen()) {
                return invoice;
            }
        }
        return null;
    }
}
