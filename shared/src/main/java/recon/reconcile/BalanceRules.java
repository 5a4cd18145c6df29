package recon.reconcile;

import static recon.domain.AnomalyType.BALANCE_BREAK;
import static recon.domain.AnomalyType.BALANCE_GAP;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import recon.domain.Anomaly;
import recon.domain.LedgerLine;
import recon.domain.Waiting;

/**
 * 账户余额: each line's balance must be the previous line's balance plus the line's net, inside a
 * day (BALANCE_BREAK) and from one day with lines to the next (BALANCE_GAP, usually a missing export).
 */
final class BalanceRules {
    private final long toleranceFen;
    private final Coverage ledger;
    private final List<Anomaly> found;

    BalanceRules(long toleranceFen, Coverage ledger, List<Anomaly> found) {
        this.toleranceFen = toleranceFen;
        this.ledger = ledger;
        this.found = found;
    }

    /**
     * The lines of one day, given in (occurredAt, lineId) order, in the order their balances chain.
     * Alipay does not guarantee the order of lines within one second, so the lines of a second are
     * re-ordered so that each starts, where possible, from the balance the previous one left.
     */
    static List<LedgerLine> chained(List<LedgerLine> dayLines) {
        List<LedgerLine> chained = new ArrayList<>(dayLines.size());
        int from = 0;
        while (from < dayLines.size()) {
            int to = from + 1;
            while (to < dayLines.size() && dayLines.get(to).occurredAt() == dayLines.get(from).occurredAt()) {
                to++;
            }
            List<LedgerLine> second = dayLines.subList(from, to);
            if (second.size() == 1) {
                chained.add(second.getFirst());
            } else {
                long startBalance = chained.isEmpty() ? chainStart(second) : chained.getLast().balanceFen();
                chainSecond(second, startBalance, chained);
            }
            from = to;
        }
        return chained;
    }

    /** Appends the lines of one second, each following the line whose balance it starts from, where there is one. */
    private static void chainSecond(List<LedgerLine> second, long startBalance, List<LedgerLine> chained) {
        Map<Long, ArrayDeque<LedgerLine>> byStart = new HashMap<>();
        for (LedgerLine line : second) {
            byStart.computeIfAbsent(start(line), balance -> new ArrayDeque<>()).add(line);
        }
        Set<LedgerLine> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        long balance = startBalance;
        int nextInIdOrder = 0;
        for (int n = 0; n < second.size(); n++) {
            LedgerLine line = takeUnplaced(byStart.get(balance), placed);
            if (line == null) {
                while (placed.contains(second.get(nextInIdOrder))) {
                    nextInIdOrder++;
                }
                line = second.get(nextInIdOrder);
            }
            placed.add(line);
            chained.add(line);
            balance = line.balanceFen();
        }
    }

    private static LedgerLine takeUnplaced(ArrayDeque<LedgerLine> candidates, Set<LedgerLine> placed) {
        while (candidates != null && !candidates.isEmpty()) {
            LedgerLine line = candidates.poll();
            if (!placed.contains(line)) {
                return line;
            }
        }
        return null;
    }

    /** Where a day's first second begins: a line whose start is no other line's end, else the first by id. */
    private static long chainStart(List<LedgerLine> second) {
        Map<Long, Integer> endCounts = new HashMap<>();
        for (LedgerLine line : second) {
            endCounts.merge(line.balanceFen(), 1, Integer::sum);
        }
        for (LedgerLine line : second) {
            int ownEnd = line.balanceFen() == start(line) ? 1 : 0;
            if (endCounts.getOrDefault(start(line), 0) - ownEnd == 0) {
                return start(line);
            }
        }
        return start(second.getFirst());
    }

    /**
     * BALANCE_BREAK, once per day: the first line whose balance is not the previous balance plus its
     * net, else (breaks each within tolerance that add up beyond it) the day's last line.
     */
    void checkDay(long day, List<LedgerLine> chained) {
        long net = chained.getFirst().netFen();
        for (int i = 1; i < chained.size(); i++) {
            LedgerLine line = chained.get(i);
            long running = chained.get(i - 1).balanceFen() + line.netFen();
            if (Math.abs(line.balanceFen() - running) > toleranceFen) {
                found.add(Anomalies.of(BALANCE_BREAK, day, null, line.lineId(), running, line.balanceFen()));
                return;
            }
            net += line.netFen();
        }
        long opening = opening(chained);
        long closing = closing(chained);
        if (Math.abs(opening + net - closing) > toleranceFen) {
            found.add(Anomalies.of(BALANCE_BREAK, day, null, chained.getLast().lineId(), opening + net, closing));
        }
    }

    /**
     * BALANCE_GAP: the day opens on another balance than the previous day with lines closed on; PENDING
     * while the ledgers do not cover the days between, whose lines would bridge the two.
     */
    void checkGap(long day, long previousDay, long previousClosing, List<LedgerLine> chained) {
        long opening = opening(chained);
        if (Math.abs(opening - previousClosing) > toleranceFen) {
            Waiting waiting = day - previousDay > 1 ? ledger.waitingFor(previousDay + 1, day - 1) : null;
            found.add(Anomalies.of(BALANCE_GAP, day, null, chained.getFirst().lineId(), previousClosing, opening,
                    waiting));
        }
    }

    static long opening(List<LedgerLine> chained) {
        return start(chained.getFirst());
    }

    static long closing(List<LedgerLine> chained) {
        return chained.getLast().balanceFen();
    }

    /** The balance before the line. */
    private static long start(LedgerLine line) {
        return line.balanceFen() - line.netFen();
    }
}
