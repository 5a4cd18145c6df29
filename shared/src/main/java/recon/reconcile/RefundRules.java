package recon.reconcile;

import static recon.domain.AnomalyType.REFUND_AMOUNT_MISMATCH;
import static recon.domain.AnomalyType.REFUND_NOT_DEDUCTED;
import static recon.domain.AnomalyType.UNEXPLAINED_REFUND;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import recon.domain.Anomaly;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.Refund;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.domain.Waiting;

/**
 * After-sale (售后) successful refunds against the REFUND lines (交易退款) of the same order: each
 * refund must be debited once, for its amount, and no debit may come without a refund.
 */
final class RefundRules {
    private final StoreConfig config;
    private final LedgerCoverage bills;
    private final Coverage refundReports;
    private final List<Anomaly> found;

    RefundRules(StoreConfig config, LedgerCoverage bills, Coverage refundReports, List<Anomaly> found) {
        this.config = config;
        this.bills = bills;
        this.refundReports = refundReports;
        this.found = found;
    }

    /**
     * Pairs refunds and lines of one order: equal amounts first, then the rest one to one in
     * sorted order (REFUND_AMOUNT_MISMATCH). A refund left over is REFUND_NOT_DEDUCTED where the ledger
     * covers its day and the next (PENDING where a later ledger shows them missing); a line left over is
     * UNEXPLAINED_REFUND, PENDING where a refund of its amount was still in progress when the refund
     * report was made.
     */
    void check(OrderLedger ledger) {
        List<LedgerLine> lines = ledger.refundLines();
        List<Refund> refunds = ledger.afterSaleRefunds();
        if (refunds.isEmpty() && lines.isEmpty()) {
            return;
        }
        boolean[] refundPaired = new boolean[refunds.size()];
        boolean[] linePaired = new boolean[lines.size()];
        for (int r = 0; r < refunds.size(); r++) {
            for (int l = 0; l < lines.size(); l++) {
                if (!linePaired[l] && sameAmount(lines.get(l), refunds.get(r))) {
                    refundPaired[r] = true;
                    linePaired[l] = true;
                    break;
                }
            }
        }
        int l = nextUnpaired(linePaired, 0);
        for (int r = nextUnpaired(refundPaired, 0); r < refunds.size() && l < lines.size();
                r = nextUnpaired(refundPaired, r + 1), l = nextUnpaired(linePaired, l + 1)) {
            LedgerLine line = lines.get(l);
            found.add(Anomalies.of(REFUND_AMOUNT_MISMATCH, day(line), line.orderId(), line.lineId(),
                    refunds.get(r).refundFen(), amount(line)));
            refundPaired[r] = true;
            linePaired[l] = true;
        }
        for (int r = nextUnpaired(refundPaired, 0); r < refunds.size(); r = nextUnpaired(refundPaired, r + 1)) {
            checkNotDeducted(refunds.get(r));
        }
        List<Refund> inProgress = new ArrayList<>(ledger.refundsInProgress());
        for (l = nextUnpaired(linePaired, 0); l < lines.size(); l = nextUnpaired(linePaired, l + 1)) {
            LedgerLine line = lines.get(l);
            Refund completing = completedBy(line, inProgress);
            if (completing == null) {
                unexplained(line);
            } else {
                // the refund report was made before the refund ended: a newer one of its days tells whether
                // this debit is that refund (退款成功) or not (退款关闭), and until then nothing is known to be wrong
                inProgress.remove(completing);
                found.add(Anomalies.of(UNEXPLAINED_REFUND, day(line), line.orderId(), line.lineId(), 0, amount(line),
                        new Waiting(FileKind.TMALL_REFUNDS, LocalDate.ofEpochDay(Times.epochDay(completing.dayTime())),
                                LocalDate.ofEpochDay(day(line)))));
            }
        }
    }

    /** A refund in progress of the line's amount, applied for no later than the line; null for none. */
    private Refund completedBy(LedgerLine line, List<Refund> inProgress) {
        for (Refund refund : inProgress) {
            if (sameAmount(line, refund) && Times.isPresent(refund.dayTime()) && refund.dayTime() <= line.occurredAt()) {
                return refund;
            }
        }
        return null;
    }

    /**
     * A REFUND line no successful refund explains (also every REFUND line without an order id): PENDING
     * while the refund reports do not cover its day and the day before, where the refund would have
     * completed; a line without an order id no refund report can explain.
     */
    void unexplained(LedgerLine line) {
        long day = day(line);
        Waiting waiting = line.hasOrderId() ? refundReports.waitingFor(day - 1, day) : null;
        found.add(Anomalies.of(UNEXPLAINED_REFUND, day, line.orderId(), line.lineId(), 0, amount(line), waiting));
    }

    private void checkNotDeducted(Refund refund) {
        if (!Times.isPresent(refund.dayTime())) {
            return; // a refund without any time has no day to be missed on
        }
        long day = Times.epochDay(refund.dayTime());
        // as a missing settlement: PENDING where a later ledger shows an export missing, nothing yet before any
        if (bills.speaksFor(day, day + 1)) {
            found.add(Anomalies.of(REFUND_NOT_DEDUCTED, REFUND_NOT_DEDUCTED.severity, day, refund.orderId(), null,
                    refund.refundId(), refund.refundFen(), 0, bills.waitingFor(day, day + 1)));
        }
    }

    private boolean sameAmount(LedgerLine line, Refund refund) {
        return Math.abs(amount(line) - refund.refundFen()) <= config.toleranceFen();
    }

    private static int nextUnpaired(boolean[] paired, int from) {
        int i = from;
        while (i < paired.length && paired[i]) {
            i++;
        }
        return i;
    }

    /** What a REFUND line took from the account. */
    private static long amount(LedgerLine line) {
        return line.expenseFen() - line.incomeFen();
    }

    private static long day(LedgerLine line) {
        return Times.epochDay(line.occurredAt());
    }
}
