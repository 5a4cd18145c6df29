package recon.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import recon.domain.Ids;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.reconcile.StoreRecords;

/**
 * When each 交易成功 order is an open item: from its own day until the day of its first settlement
 * line (for ever when it has none), if anything is due (paid minus the refunds made before
 * settlement) — the definition of {@code DayFigures.openItems}. Orders, settlement lines and refunds
 * are joined by sorting them by order id once, so the index costs a few bytes an order rather than a
 * map entry: a reference and two day numbers for each order that is open at some point.
 */
final class OpenItems {
    private static final Comparator<LedgerLine> BY_ORDER =
            (a, b) -> Ids.compareKeys(a.orderNumber(), a.orderIdText(), b.orderNumber(), b.orderIdText());
    private static final Comparator<LedgerLine> BY_ORDER_THEN_TIME = BY_ORDER.thenComparingLong(LedgerLine::occurredAt);
    private static final int NEVER = Integer.MAX_VALUE;

    private final StoreConfig config;
    private final Order[] orders;
    private final int[] opens;
    private final int[] closes;
    private final long[] dueFen;

    OpenItems(StoreRecords records, StoreConfig config) {
        this.config = config;
        Order[] successful = records.orders().stream()
                .filter(o -> o.status() == OrderStatus.SUCCESS && Times.isPresent(o.dayTime()))
                .sorted((a, b) -> Ids.compareKeys(a.orderNumber(), a.orderIdText(), b.orderNumber(), b.orderIdText()))
                .toArray(Order[]::new);
        LedgerLine[] settlements = records.ledgerLines().stream()
                .filter(l -> l.lineClass() == LineClass.SETTLEMENT && l.hasOrderId())
                .sorted(BY_ORDER_THEN_TIME)
                .toArray(LedgerLine[]::new);
        Refund[] refunds = records.refunds().stream()
                .filter(r -> r.status() == RefundStatus.SUCCESS)
                .sorted((a, b) -> Ids.compareKeys(a.orderNumber(), a.orderIdText(), b.orderNumber(), b.orderIdText()))
                .toArray(Refund[]::new);

        Order[] kept = new Order[successful.length];
        int[] keptOpens = new int[successful.length];
        int[] keptCloses = new int[successful.length];
        long[] keptDue = new long[successful.length];
        int n = 0;
        int s = 0;
        int r = 0;
        for (Order order : successful) {
            long number = order.orderNumber();
            String text = order.orderIdText();
            while (s < settlements.length
                    && Ids.compareKeys(settlements[s].orderNumber(), settlements[s].orderIdText(), number, text) < 0) {
                s++;
            }
            long firstSettlementAt = s < settlements.length
                    && Ids.compareKeys(settlements[s].orderNumber(), settlements[s].orderIdText(), number, text) == 0
                    ? settlements[s].occurredAt() : Times.NONE;
            while (r < refunds.length && Ids.compareKeys(refunds[r].orderNumber(), refunds[r].orderIdText(), number, text) < 0) {
                r++;
            }
            long due = order.paidFen();
            for (; r < refunds.length
                    && Ids.compareKeys(refunds[r].orderNumber(), refunds[r].orderIdText(), number, text) == 0; r++) {
                if (!isAfterSale(refunds[r], firstSettlementAt)) {
                    due -= refunds[r].refundFen();
                }
            }
            int opensOn = (int) Times.epochDay(order.dayTime());
            int closesOn = Times.isPresent(firstSettlementAt) ? (int) Times.epochDay(firstSettlementAt) : NEVER;
            if (due > 0 && opensOn < closesOn) {
                kept[n] = order;
                keptOpens[n] = opensOn;
                keptCloses[n] = closesOn;
                keptDue[n] = due;
                n++;
            }
        }
        this.orders = Arrays.copyOf(kept, n);
        this.opens = Arrays.copyOf(keptOpens, n);
        this.closes = Arrays.copyOf(keptCloses, n);
        this.dueFen = Arrays.copyOf(keptDue, n);
    }

    /** 售后 (debited from the account) or 售中 (the settlement is just smaller), as the rules decide it. */
    private static boolean isAfterSale(Refund refund, long firstSettlementAt) {
        return refund.declaredAfterSale() || (Times.isPresent(firstSettlementAt) && refund.dayTime() >= firstSettlementAt);
    }

    /**
     * The open items at a report's last day: how many, what they are due, how many are overdue, the oldest
     * (the page shows them) and those the workbook lists — all of them, or only the overdue ones (a day's
     * workbook). Oldest first, then by order id (as {@link Ids#compareKeys} orders them); the items are made
     * only for what is listed or shown: at a million orders a day has some 170,000 open items.
     */
    record At(int count, long dueFen, int overdue, List<OpenItem> oldest, List<OpenItem> listed) {}

    /** The orders open at the end of the day; {@code all}: all of them listed, else only the overdue ones. */
    At at(LocalDate day, boolean all, int oldestShown) {
        int dayNumber = (int) day.toEpochDay();
        // (day the order opened, index): sorted, the oldest first and, on a day, the orders by id as they are kept
        long[] open = new long[16];
        int count = 0;
        long due = 0;
        for (int i = 0; i < orders.length; i++) {
            if (opens[i] <= dayNumber && dayNumber < closes[i]) {
                if (count == open.length) {
                    open = Arrays.copyOf(open, count * 2);
                }
                open[count++] = (long) opens[i] << 32 | i;
                due += dueFen[i];
            }
        }
        Arrays.sort(open, 0, count);
        List<OpenItem> oldest = new ArrayList<>(Math.min(count, oldestShown));
        List<OpenItem> listed = new ArrayList<>();
        int overdue = 0;
        for (int k = 0; k < count; k++) {
            int i = (int) open[k];
            boolean isOverdue = day.isAfter(dueDay(i).plusDays(config.graceDays()));
            if (isOverdue) {
                overdue++;
            }
            if (k < oldestShown || all || isOverdue) {
                OpenItem item = item(i, day);
                if (k < oldestShown) {
                    oldest.add(item);
                }
                if (all || isOverdue) {
                    listed.add(item);
                }
            }
        }
        return new At(count, due, overdue, oldest, listed);
    }

    private LocalDate dueDay(int i) {
        Order order = orders[i];
        return Times.isPresent(order.confirmedAt())
                ? Times.day(order.confirmedAt())
                : LocalDate.ofEpochDay(opens[i]).plusDays(config.autoConfirmDays());
    }

    private OpenItem item(int i, LocalDate asOf) {
        LocalDate dueDay = dueDay(i);
        return new OpenItem(orders[i].orderId(), LocalDate.ofEpochDay(opens[i]), orders[i].paidFen(), dueFen[i], dueDay,
                asOf.toEpochDay() - opens[i], asOf.isAfter(dueDay.plusDays(config.graceDays())));
    }
}
