package recon.report;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Period;
import recon.domain.Resolution;
import recon.reconcile.ContractRates;

/**
 * What the report of one store and period needs, whoever writes it (the offline command, the report
 * function): the figures, the anomalies, the fees, the open items, and the period's ledger lines as
 * a view of the store's records (they are streamed into the workbook, never copied).
 *
 * @param days the figures of the period's days, by day
 * @param monthToDate the figures of the days of the period's month up to its last day (the chart)
 * @param anomalies the anomalies of the period's days, in {@link Anomaly#ORDER}
 * @param openItemsAsOf the last day of the period with figures: open items are counted at its end
 * @param openItems the open items then: counted, and listed all (a month) or only the overdue ones (a day)
 * @param lines the period's ledger lines in (occurredAt, lineId) order
 * @param orderOfLine the order of a ledger line, or null when no order report holds it
 * @param anomalyOfLine the type of the first anomaly raised on a ledger line, or null (any of the store's: a
 *     line shows its anomaly in every report that lists it)
 * @param invoices the invoices issued on the period's days, each with its order
 * @param toInvoice the orders that asked for an invoice and are still to be invoiced at the end of {@code openItemsAsOf}
 * @param trail the resolutions of the period's anomalies, and those of anomalies no longer found that
 *     were made on the period's days, latest last
 * @param unmatchedKeys the store's byCategory keys that match no 类目 of its orders (a warning on the report)
 */
public record PeriodReport(
        String tenant,
        String store,
        Period period,
        List<FileOutcome> files,
        List<DayFigures> days,
        Totals totals,
        BalanceCheck balance,
        long toleranceFen,
        List<Anomaly> anomalies,
        Fees fees,
        List<DayFigures> monthToDate,
        LocalDate openItemsAsOf,
        OpenItems.At openItems,
        List<LedgerLine> lines,
        Function<LedgerLine, Order> orderOfLine,
        Function<LedgerLine, AnomalyType> anomalyOfLine,
        List<InvoiceBook.Issued> invoices,
        List<InvoiceBook.ToInvoice> toInvoice,
        List<Resolution> trail,
        List<ContractRates.UnmatchedKey> unmatchedKeys) {}
