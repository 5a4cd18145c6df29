package recon.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Times;

/** The figures of every store-day, gathered while the rules walk the records, by epoch day. */
final class DayBook {
    /** The running figures of one day (see {@link DayFigures} for their meaning). */
    static final class Day {
        final long day;
        long ordersPaid;
        long settledCount;
        long settledAmount;
        final Map<Channel, Long> settledByChannel = new EnumMap<>(Channel.class);
        long refundAmount;
        long commissionAmount;
        long otherFeeAmount;
        long transferAmount;
        Long openingBalance;
        Long closingBalance;
        long matchedOrders;
        long invoicedAmount;
        long invoiceCount;
        long uninvoicedAmount;
        /** Income of the day's settlement lines of known orders, by the contract rate of the order. */
        final Map<BigDecimal, Long> knownSettledByRate = new HashMap<>(4);
        final Map<AnomalyType, Integer> anomalies = new EnumMap<>(AnomalyType.class);

        Day(long day) {
            this.day = day;
        }
    }

    private final Map<Long, Day> days = new HashMap<>();
    /** +1 on the day an order becomes an open item, −1 on the day it stops being one. */
    private final Map<Long, Long> openItemChanges = new HashMap<>();

    /** The last day asked for: lines come in time order, so most look-ups are for it. */
    private Day recent;

    Day at(long day) {
        if (recent == null || recent.day != day) {
            recent = days.computeIfAbsent(day, Day::new);
        }
        return recent;
    }

    Iterable<Day> days() {
        return days.values();
    }

    /** Counts in ordersPaid on its payment day, whatever its status. */
    void order(Order order) {
        if (Times.isPresent(order.paidAt())) {
            at(Times.epochDay(order.paidAt())).ordersPaid++;
        }
    }

    /**
     * A 交易成功 order is matched on its first settlement day when it got its due; it is an open
     * item from its own day until the day of its first settlement (for ever when it has none).
     */
    void successfulOrder(Order order, OrderLedger ledger, SettlementRules.Outcome outcome) {
        if (outcome.matched()) {
            at(Times.epochDay(ledger.firstSettlementAt())).matchedOrders++;
        }
        if (outcome.expectedFen() <= 0 || !Times.isPresent(order.dayTime())) {
            return;
        }
        long opens = Times.epochDay(order.dayTime());
        if (!ledger.isSettled()) {
            openItemChanges.merge(opens, 1L, Long::sum);
            return;
        }
        long closes = Times.epochDay(ledger.firstSettlementAt());
        if (opens < closes) {
            openItemChanges.merge(opens, 1L, Long::sum);
            openItemChanges.merge(closes, -1L, Long::sum);
        }
    }

    /**
     * A ledger line in its day's amounts (each is expense − income, settlements are income); OTHER
     * lines count only in the balance.
     */
    void line(LedgerLine line) {
        Day day = at(Times.epochDay(line.occurredAt()));
        long debit = line.expenseFen() - line.incomeFen();
        switch (line.lineClass()) {
            case SETTLEMENT -> {
                day.settledCount++;
                day.settledAmount += line.incomeFen();
                day.settledByChannel.merge(line.channel(), line.incomeFen(), Long::sum);
            }
            case REFUND -> day.refundAmount += debit;
            case COMMISSION -> day.commissionAmount += debit;
            case AFFILIATE_FEE, PAYMENT_FEE, POINTS -> day.otherFeeAmount += debit;
            case WITHDRAWAL, AD_TOPUP, DEPOSIT -> day.transferAmount += debit;
            case OTHER -> { }
        }
    }

    /** A settlement line whose order is known, in its day's income by contract rate. */
    void settlementOfKnownOrder(LedgerLine line, BigDecimal contractRate) {
        at(Times.epochDay(line.occurredAt())).knownSettledByRate.merge(contractRate, line.incomeFen(), Long::sum);
    }

    /** An invoice that counts, on the day it was issued. */
    void invoice(Invoice invoice) {
        Day day = at(Times.epochDay(invoice.issuedAt()));
        day.invoicedAmount += invoice.amountFen();
        day.invoiceCount++;
    }

    /** What an order that asked for an invoice is still to be invoiced, on the order's day. */
    void uninvoiced(Order order, long fen) {
        at(Times.epochDay(order.dayTime())).uninvoicedAmount += fen;
    }

    void balances(long day, long opening, long closing) {
        Day figures = at(day);
        figures.openingBalance = opening;
        figures.closingBalance = closing;
    }

    /** The figures of every day that has an order paid, a ledger line, an invoice or an anomaly, sorted by day. */
    List<DayFigures> figures(List<Anomaly> anomalies) {
        for (Anomaly anomaly : anomalies) {
            at(anomaly.day().toEpochDay()).anomalies.merge(anomaly.type(), 1, Integer::sum);
        }
        long[] changeDays = openItemChanges.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int nextChange = 0;
        long openItems = 0;
        List<DayFigures> figures = new ArrayList<>(days.size());
        for (long dayNumber : days.keySet().stream().mapToLong(Long::longValue).sorted().toArray()) {
            while (nextChange < changeDays.length && changeDays[nextChange] <= dayNumber) {
                openItems += openItemChanges.get(changeDays[nextChange++]);
            }
            Day day = days.get(dayNumber);
            figures.add(new DayFigures(LocalDate.ofEpochDay(dayNumber), day.ordersPaid, day.settledCount,
                    day.settledAmount, day.settledByChannel, day.refundAmount, day.commissionAmount, day.otherFeeAmount,
                    day.transferAmount, day.openingBalance, day.closingBalance, day.matchedOrders, openItems,
                    day.invoicedAmount, day.invoiceCount, day.uninvoicedAmount, day.anomalies));
        }
        return figures;
    }
}
