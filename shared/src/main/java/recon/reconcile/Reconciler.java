package recon.reconcile;

import java.util.ArrayList;
import java.util.List;
import recon.domain.Anomaly;
import recon.domain.Channel;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.OrderStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;

/**
 * Reconciles the merged records of one store (docs/domain.md, "The rules and anomaly codes"): every order's money,
 * every refund, every commission, every invoice and the account balance, day by day. The result depends only on
 * the content of the records, never on the order they were added in.
 */
public final class Reconciler {
    private final StoreConfig config;

    public Reconciler(StoreConfig config) {
        this.config = config;
    }

    /**
     * The store's reconciliation with its books closed: what the rules found, each anomaly with its id
     * and the status the data, the store's autoResolve rules and the resolutions received give it.
     */
    public Reconciliation closeBooks(String tenant, String store, StoreRecords records) {
        Reconciliation found = reconcile(records);
        return new Reconciliation(found.days(),
                BookClosing.close(tenant, store, found.anomalies(), records.resolutions(), config.autoResolve()));
    }

    /** What the rules find: every anomaly OPEN, or PENDING while an export could still explain it. */
    public Reconciliation reconcile(StoreRecords records) {
        StoreIndex index = new StoreIndex(records, config.channelsUsed(records.channelsBilled()));
        List<Anomaly> found = new ArrayList<>();
        DayBook days = new DayBook();

        SettlementRules settlements = new SettlementRules(config, index.ledgerCoverage, index.orderCoverage,
                index.refundCoverage, found);
        RefundRules refunds = new RefundRules(config, index.ledgerCoverage, index.refundCoverage, found);
        InvoiceRules invoices = new InvoiceRules(config, index.invoiceCoverage, index.orderCoverage, index.refundCoverage,
                records.invoices(), days, found);
        checkOrders(index, settlements, refunds, invoices, days, found);
        invoices.withoutOrder();
        checkLines(index, settlements, refunds, days);
        checkBalances(index, days, found);
        DayRiskRules risks = new DayRiskRules(config, index.ledgerCoverage, index.orderCoverage, found);
        days.days().forEach(risks::check);

        found.sort(Anomaly.ORDER);
        return new Reconciliation(days.figures(found), found);
    }

    /**
     * Settlement, commission and invoices of every order, the orders' part of the day figures, the settlement
     * lines of every order id against its order, and the after-sale refunds of every order id
     * against its refund lines.
     */
    private void checkOrders(StoreIndex index, SettlementRules settlements, RefundRules refunds, InvoiceRules invoices,
            DayBook days, List<Anomaly> found) {
        CommissionRule commission = new CommissionRule(config, index.ledgerCoverage, found);
        index.forEachOrderId((order, ledger) -> {
            for (LedgerLine line : ledger.settlements()) {
                settlements.checkLine(line, order);
                if (order != null) {
                    days.settlementOfKnownOrder(line, CommissionRule.rateForFeeRatio(config, order.category()));
                }
            }
            if (order != null) {
                days.order(order);
                if (order.status() == OrderStatus.SUCCESS) {
                    SettlementRules.Outcome outcome = settlements.check(order, ledger);
                    days.successfulOrder(order, ledger, outcome);
                    // an order not final yet only means an older order report: a newer one could close it
                    commission.check(order, ledger, outcome.duplicateFen());
                }
                invoices.check(order, ledger, days);
            }
            refunds.check(ledger);
        });
    }

    /**
     * Every ledger line in its day's figures; the settlement and refund lines without order id,
     * which no order id of {@link #checkOrders} meets.
     */
    private void checkLines(StoreIndex index, SettlementRules settlements, RefundRules refunds, DayBook days) {
        for (LedgerLine line : index.lines) {
            if (!line.hasOrderId()) {
                if (line.lineClass() == LineClass.SETTLEMENT) {
                    settlements.checkLine(line, null);
                } else if (line.lineClass() == LineClass.REFUND) {
                    refunds.unexplained(line);
                }
            }
            days.line(line);
        }
    }

    /**
     * The balance of each channel whose lines state one (the WeChat bill has none), checked inside each
     * day with lines and against the day before; the day figures show the Alipay account's.
     */
    private void checkBalances(StoreIndex index, DayBook days, List<Anomaly> found) {
        for (Channel channel : Channel.values()) {
            List<LedgerLine> lines = withBalance(index.lines, channel);
            BalanceRules balances = new BalanceRules(config.toleranceFen(), index.ledgerCoverage.of(channel), found);
            Long previousClosing = null;
            long previousDay = 0;
            int from = 0;
            while (from < lines.size()) {
                long day = Times.epochDay(lines.get(from).occurredAt());
                int to = from + 1;
                while (to < lines.size() && Times.epochDay(lines.get(to).occurredAt()) == day) {
                    to++;
                }
                List<LedgerLine> chained = BalanceRules.chained(lines.subList(from, to));
                balances.checkDay(day, chained);
                if (previousClosing != null) {
                    balances.checkGap(day, previousDay, previousClosing, chained);
                }
                previousClosing = BalanceRules.closing(chained);
                previousDay = day;
                if (channel == Channel.ALIPAY) {
                    days.balances(day, BalanceRules.opening(chained), previousClosing);
                }
                from = to;
            }
        }
    }

    /** The lines of one channel that state a balance, in their order: all of them, most often, so no copy. */
    private static List<LedgerLine> withBalance(List<LedgerLine> lines, Channel channel) {
        boolean all = true;
        for (LedgerLine line : lines) {
            if (line.channel() != channel || !line.hasBalance()) {
                all = false;
                break;
            }
        }
        if (all) {
            return lines;
        }
        List<LedgerLine> kept = new ArrayList<>();
        for (LedgerLine line : lines) {
            if (line.channel() == channel && line.hasBalance()) {
                kept.add(line);
            }
        }
        return kept;
    }
}
