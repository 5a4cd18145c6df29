package recon.usecase;

import java.time.LocalDate;
import java.util.Arrays;
import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.Ids;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.Resolution;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.port.DayRange;
import recon.port.RecordChunk;
import recon.reconcile.StoreRecords;
import recon.storage.RecordCodec;

/**
 * Which records of the days around a period the period's results can depend on (docs/architecture.md,
 * "What match and report hold"), so that match and report hold those and not every record of those days.
 * A rule groups records by order id and dates an anomaly on one of its records' days, on an order's due
 * date or on its invoicing deadline, and a day's balance follows from the day before with lines; so of the
 * days around the period only the orders it names, those due or to be invoiced in it, those before it that may
 * still be open items or still to be invoiced at its start, and the last day's balance lines before it, count. Everything of those
 * orders is kept, so each rule meets an order whole or not at all; this takes a line, a refund and an invoice
 * id to belong to one order, as they do in the platform's exports (records of one id merge into one).
 *
 * <p>Used in four steps: the period's own records go through {@link #period} (the orders they name are
 * noted), the chunks of the days around it are surveyed ({@link #survey}), the orders needed decided
 * ({@link #decide}), then the chunks go through {@link #keep}.
 */
final class PeriodContext {
    private final StoreConfig config;
    private final long first;
    private final long last;
    /** The orders the period's records name. */
    private final OrderKeys named = new OrderKeys();
    /** Orders whose due date or invoicing deadline may fall in the period, or that refund near it. */
    private final OrderKeys dueInPeriod = new OrderKeys();
    /** 交易成功 orders before the period, which are open items at its start unless settled before it. */
    private final OrderKeys successful = new OrderKeys();
    private final OrderKeys settledBefore = new OrderKeys();
    /** Orders before the period that asked for an invoice and are not closed: still to be invoiced, perhaps, in it. */
    private final OrderKeys askingInvoice = new OrderKeys();
    /** The orders of the days around, each the latest of its versions (as the rules merge them), until {@link #decide}. */
    private StoreRecords orders = new StoreRecords();
    private long surveyed;
    private long kept;
    /** By channel: the last day before the period with lines stating a balance, {@link Long#MIN_VALUE} for none. */
    private final long[] lastBalanceDay = new long[Channel.values().length];

    PeriodContext(StoreConfig config, DayRange period) {
        this.config = config;
        this.first = period.first().toEpochDay();
        this.last = period.last().toEpochDay();
        Arrays.fill(lastBalanceDay, Long.MIN_VALUE);
    }

    /** Where the period's own records go: into {@code into}, the orders they name noted. */
    RecordSink period(RecordSink into) {
        return new ChunkSink() {
            @Override
            public void order(Order order) {
                named.add(order.orderNumber(), order.orderIdText());
                into.order(order);
            }

            @Override
            public void ledgerLine(LedgerLine line) {
                if (line.hasOrderId()) {
                    named.add(line.orderNumber(), line.orderIdText());
                }
                into.ledgerLine(line);
            }

            @Override
            public void refund(Refund refund) {
                named.add(refund.orderNumber(), refund.orderIdText());
                into.refund(refund);
            }

            @Override
            public void invoice(Invoice invoice) {
                named.add(invoice.orderId());
                into.invoice(invoice);
            }
        };
    }

    /**
     * Notes what a chunk of a day around the period tells of its orders (after every chunk of the period). An
     * order's versions may be stored on several days (created, then paid), all of them are kept or none.
     */
    void survey(RecordChunk chunk) {
        boolean before = chunk.day().toEpochDay() < first;
        RecordCodec.decode(chunk.data(), new ChunkSink() {
            @Override
            public void order(Order order) {
                surveyed++;
                orders.add(order);
            }

            @Override
            public void ledgerLine(LedgerLine line) {
                surveyed++;
                if (!before) {
                    return;
                }
                if (line.lineClass() == LineClass.SETTLEMENT && line.hasOrderId()) {
                    settledBefore.add(line.orderNumber(), line.orderIdText());
                }
                if (line.hasBalance()) {
                    int channel = line.channel().ordinal();
                    lastBalanceDay[channel] = Math.max(lastBalanceDay[channel], Times.epochDay(line.occurredAt()));
                }
            }

            @Override
            public void refund(Refund refund) {
                surveyed++;
                // a refund moves the invoicing deadline to its day + invoiceDays
                if (!Times.isPresent(refund.dayTime()) || inPeriod(Times.epochDay(refund.dayTime()), config.invoiceDays())) {
                    dueInPeriod.add(refund.orderNumber(), refund.orderIdText());
                }
            }

            @Override
            public void invoice(Invoice invoice) {
                surveyed++;
            }
        });
    }

    /**
     * After the survey: which orders of the days around the period it needs, judged on each order's latest
     * version (its first report's 等待卖家发货, without 确认收货, would make every order look due later).
     */
    void decide() {
        for (Order order : orders.orders()) {
            if (reachesPeriod(order)) {
                dueInPeriod.add(order.orderNumber(), order.orderIdText());
            }
            boolean before = Times.isPresent(order.dayTime()) && Times.epochDay(order.dayTime()) < first;
            if (before && order.status() == OrderStatus.SUCCESS && order.paidFen() > 0) {
                successful.add(order.orderNumber(), order.orderIdText());
            }
            if (before && order.invoiceRequested() && order.status() != OrderStatus.CLOSED) {
                askingInvoice.add(order.orderNumber(), order.orderIdText());
            }
        }
        orders = null;
    }

    /** Whether the order's due date or invoicing deadline (with every allowance of the rules) may be in the period. */
    private boolean reachesPeriod(Order order) {
        long due;
        if (Times.isPresent(order.confirmedAt())) {
            due = Times.epochDay(order.confirmedAt());
        } else if (Times.isPresent(order.dayTime())) {
            due = Times.epochDay(order.dayTime()) + config.autoConfirmDays();
        } else {
            return true; // no time at all: no day to judge it by
        }
        return inPeriod(due, Math.max(config.graceDays(), config.invoiceDays()));
    }

    /** Whether a day, or one up to {@code allowance} days after it, may be in the period (a day either side to spare). */
    private boolean inPeriod(long day, int allowance) {
        return day <= last + 1 && day + allowance + 1 >= first;
    }

    /** Puts into {@code into} what of a chunk of a day around the period the period needs (after the survey). */
    void keep(RecordChunk chunk, RecordSink into) {
        boolean before = chunk.day().toEpochDay() < first;
        RecordCodec.decode(chunk.data(), new ChunkSink() {
            @Override
            public void order(Order order) {
                if (wanted(order.orderNumber(), order.orderIdText())) {
                    kept++;
                    into.order(order);
                }
            }

            @Override
            public void ledgerLine(LedgerLine line) {
                boolean balanceDay = before && line.hasBalance()
                        && Times.epochDay(line.occurredAt()) == lastBalanceDay[line.channel().ordinal()];
                if (balanceDay || (line.hasOrderId() && wanted(line.orderNumber(), line.orderIdText()))) {
                    kept++;
                    into.ledgerLine(line);
                }
            }

            @Override
            public void refund(Refund refund) {
                if (wanted(refund.orderNumber(), refund.orderIdText())) {
                    kept++;
                    into.refund(refund);
                }
            }

            @Override
            public void invoice(Invoice invoice) {
                if (invoice.hasOrder() && wanted(Ids.number(invoice.orderId()), invoice.orderId())) {
                    kept++;
                    into.invoice(invoice);
                }
            }
        });
    }

    /** How many records of the days around the period were surveyed, and how many of them kept. */
    long surveyed() {
        return surveyed;
    }

    long kept() {
        return kept;
    }

    private boolean wanted(long number, String text) {
        return named.contains(number, text) || dueInPeriod.contains(number, text) || askingInvoice.contains(number, text)
                || (successful.contains(number, text) && !settledBefore.contains(number, text));
    }

    /** What a record chunk holds: records only (coverage goes to the file manifest, resolutions to their store). */
    private abstract static class ChunkSink implements RecordSink {
        @Override
        public void resolution(Resolution resolution) {
            throw new IllegalStateException("a record chunk holds no resolution");
        }

        @Override
        public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
            throw new IllegalStateException("a record chunk holds no coverage");
        }
    }
}
