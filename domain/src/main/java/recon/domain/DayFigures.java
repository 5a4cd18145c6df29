package recon.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of one store-day (all amounts in fen).
 *
 * @param ordersPaid orders whose 付款时间 falls on the day
 * @param settledCount SETTLEMENT lines of the day
 * @param settledAmount their income
 * @param settledByChannel their income by the channel the money came in (channels with none left out):
 *     adds up to settledAmount
 * @param refundAmount REFUND lines' expense minus income
 * @param commissionAmount COMMISSION lines' expense minus income
 * @param otherFeeAmount AFFILIATE_FEE, PAYMENT_FEE and POINTS lines' expense minus income
 * @param transferAmount WITHDRAWAL, AD_TOPUP and DEPOSIT lines' expense minus income (not profit or loss)
 * @param openingBalance balance before the day's first line, or null when the day has no line
 * @param closingBalance balance after the day's last line, or null when the day has no line
 * @param matchedOrders orders settled on the day whose settlement equals what was expected
 * @param openItems 交易成功 orders paid up to the day that have no settlement line by the day's end
 * @param invoicedAmount the invoices issued on the day, blue minus red (void ones count for nothing)
 * @param invoiceCount the invoices issued on the day, blue and red, void ones left out
 * @param uninvoicedAmount what the orders of the day that asked for an invoice are still to be invoiced
 * @param anomalies anomaly counts by type
 */
public record DayFigures(
        LocalDate day,
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

    public DayFigures {
        Map<Channel, Long> nonZero = new EnumMap<>(Channel.class);
        settledByChannel.forEach((channel, fen) -> {
            if (fen != 0) {
                nonZero.put(channel, fen);
            }
        });
        if (nonZero.values().stream().mapToLong(Long::longValue).sum() != settledAmount) {
            throw new IllegalArgumentException("the channels' settlements must add up to settledAmount");
        }
        settledByChannel = Collections.unmodifiableMap(nonZero);
        anomalies = Map.copyOf(anomalies);
    }

    /** The day's settlement income that came in this channel. */
    public long settledIn(Channel channel) {
        return settledByChannel.getOrDefault(channel, 0L);
    }
}
