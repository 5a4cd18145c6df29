package recon.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;

/**
 * The figures of a report's period, with the meaning of {@link DayFigures}: for a day exactly that
 * day's figures; for a month the sums of its days, the first opening and last closing balance, and
 * the open items at the end of its last day. uninvoicedAmount sums what the period's orders that asked
 * for an invoice are still to be invoiced.
 */
public record Totals(
        long ordersPaid,
        long settledCount,
        long settledAmount,
        Map<Channel, Long> settledByChannel,
        long refundAmount,
        long commissionAmount,
        long otherFeeAmount,
        long transferAmount,
        Long openingBalance,
        Long closingBalance,
        long matchedOrders,
        long openItems,
        long invoicedAmount,
        long invoiceCount,
        long uninvoicedAmount,
        Map<AnomalyType, Integer> anomalies) {

    public Totals {
        settledByChannel = Map.copyOf(settledByChannel);
        anomalies = Map.copyOf(anomalies);
    }

    /** The period's settlement income that came in this channel. */
    public long settledIn(Channel channel) {
        return settledByChannel.getOrDefault(channel, 0L);
    }

    /** Fees: commission and the other fees (淘宝客, payment fees, points). */
    public long feeAmount() {
        return commissionAmount + otherFeeAmount;
    }

    public int anomalyCount() {
        return anomalies.values().stream().mapToInt(Integer::intValue).sum();
    }

    static Totals of(List<DayFigures> days) {
        long ordersPaid = 0, settledCount = 0, settled = 0, refunds = 0, commission = 0, otherFees = 0, transfers = 0;
        long matched = 0, invoiced = 0, invoiceCount = 0, uninvoiced = 0;
        Long opening = null;
        Long closing = null;
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        Map<AnomalyType, Integer> anomalies = new EnumMap<>(AnomalyType.class);
        for (DayFigures day : days) {
            day.settledByChannel().forEach((channel, fen) -> byChannel.merge(channel, fen, Long::sum));
            ordersPaid += day.ordersPaid();
            settledCount += day.settledCount();
            settled += day.settledAmount();
            refunds += day.refundAmount();
            commission += day.commissionAmount();
            otherFees += day.otherFeeAmount();
            transfers += day.transferAmount();
            matched += day.matchedOrders();
            invoiced += day.invoicedAmount();
            invoiceCount += day.invoiceCount();
            uninvoiced += day.uninvoicedAmount();
            if (opening == null) {
                opening = day.openingBalance();
            }
            if (day.closingBalance() != null) {
                closing = day.closingBalance();
            }
            day.anomalies().forEach((type, count) -> anomalies.merge(type, count, Integer::sum));
        }
        long openItems = days.isEmpty() ? 0 : days.getLast().openItems();
        return new Totals(ordersPaid, settledCount, settled, byChannel, refunds, commission, otherFees, transfers,
                opening, closing, matched, openItems, invoiced, invoiceCount, uninvoiced, anomalies);
    }
}
