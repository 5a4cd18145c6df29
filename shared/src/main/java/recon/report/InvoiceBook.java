package recon.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import recon.domain.Invoice;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Period;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.Times;
import recon.reconcile.StoreRecords;

/**
 * The store's invoices for the 发票 sheet: those issued in a period, each with its order, and the orders
 * that asked for an invoice and are still to be invoiced at a day's end. What an order is to be invoiced
 * for is InvoiceRules' (paid minus its successful refunds, nothing once 交易关闭).
 */
final class InvoiceBook {
    /** An invoice of the register, with what its order is to be invoiced for and its net invoiced (null: no such order). */
    record Issued(Invoice invoice, Order order, Long toInvoiceFen, long orderNetFen) {}

    /** An order that asked for an invoice, at a day's end: what is still to be invoiced, and for how long it has waited. */
    record ToInvoice(Order order, LocalDate orderDay, long toInvoiceFen, long invoicedFen, long ageDays) {
        String orderId() {
            return order.orderId();
        }

        long remainingFen() {
            return toInvoiceFen - invoicedFen;
        }
    }

    private final List<Invoice> invoices;
    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, Long> refunded = new HashMap<>();
    private final Map<String, Long> netByOrder = new HashMap<>();
    /**
     * The orders that asked for an invoice and are not closed, by their day; beside each, what it is to be
     * invoiced for and its counting invoices: a day's list then looks nothing up.
     */
    private final List<Order> asking = new ArrayList<>();
    private final long[] askingDueFen;
    private final List<List<Invoice>> askingInvoices = new ArrayList<>();
    private final long toleranceFen;

    InvoiceBook(StoreRecords records, long toleranceFen) {
        this.toleranceFen = toleranceFen;
        this.invoices = records.invoices();
        Map<String, List<Invoice>> countingByOrder = new HashMap<>();
        for (Invoice invoice : invoices) {
            if (invoice.counts() && invoice.hasOrder()) {
                netByOrder.merge(invoice.orderId(), invoice.amountFen(), Long::sum);
                countingByOrder.computeIfAbsent(invoice.orderId(), id -> new ArrayList<>(2)).add(invoice);
            }
        }
        for (Order order : records.orders()) {
            boolean asked = order.invoiceRequested() && order.status() != OrderStatus.CLOSED && Times.isPresent(order.dayTime());
            if (asked) {
                asking.add(order);
            }
            if (asked || netByOrder.containsKey(order.orderId())) {
                orders.put(order.orderId(), order);
            }
        }
        for (Refund refund : records.refunds()) {
            if (refund.status() == RefundStatus.SUCCESS && orders.containsKey(refund.orderId())) {
                refunded.merge(refund.orderId(), refund.refundFen(), Long::sum);
            }
        }
        asking.sort((a, b) -> a.dayTime() != b.dayTime() ? Long.compare(a.dayTime(), b.dayTime())
                : a.orderId().compareTo(b.orderId()));
        askingDueFen = new long[asking.size()];
        for (int i = 0; i < asking.size(); i++) {
            askingDueFen[i] = toInvoice(asking.get(i));
            askingInvoices.add(countingByOrder.getOrDefault(asking.get(i).orderId(), List.of()));
        }
    }

    /** Every invoice issued on the period's days, void ones included, in the order they were issued. */
    List<Issued> issuedIn(Period period) {
        List<Issued> issued = new ArrayList<>();
        for (Invoice invoice : invoices) {
            if (period.contains(Times.day(invoice.issuedAt()))) {
                Order order = orders.get(invoice.orderId());
                issued.add(new Issued(invoice, order, order == null ? null : toInvoice(order),
                        netByOrder.getOrDefault(invoice.orderId(), 0L)));
            }
        }
        return issued;
    }

    /** The orders paid by the day's end that asked for an invoice and are not invoiced for all they came to by then. */
    List<ToInvoice> toInvoiceAt(LocalDate asOf) {
        long endOfDay = Times.startOf(asOf.plusDays(1));
        List<ToInvoice> open = new ArrayList<>();
        for (int i = 0; i < asking.size() && asking.get(i).dayTime() < endOfDay; i++) {
            long invoiced = 0;
            for (Invoice invoice : askingInvoices.get(i)) {
                if (invoice.issuedAt() < endOfDay) {
                    invoiced += invoice.amountFen();
                }
            }
            long due = askingDueFen[i];
            if (due - invoiced > toleranceFen) {
                Order order = asking.get(i);
                LocalDate orderDay = Times.day(order.dayTime());
                open.add(new ToInvoice(order, orderDay, due, invoiced, ChronoUnit.DAYS.between(orderDay, asOf)));
            }
        }
        return open;
    }

    private long toInvoice(Order order) {
        return order.status() == OrderStatus.CLOSED ? 0 : Math.max(0, order.paidFen() - refunded.getOrDefault(order.orderId(), 0L));
    }
}
