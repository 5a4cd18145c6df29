package recon.reconcile;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SortedSet;

/** The days the received ledger files cover completely: nothing is called missing outside them. */
final class Coverage {
    /** Covered epoch days, ascending. */
    private final long[] days;
    /** For each covered day, the last day of the unbroken run of covered days it belongs to. */
    private final long[] runEnds;

    Coverage(SortedSet<LocalDate> coveredDays) {
        days = coveredDays.stream().mapToLong(LocalDate::toEpochDay).toArray();
        runEnds = new long[days.length];
        for (int i = days.length - 1; i >= 0; i--) {
            boolean runGoesOn = i + 1 < days.length && days[i + 1] == days[i] + 1;
            runEnds[i] = runGoesOn ? runEnds[i + 1] : days[i];
        }
    }

    /** Every day from first to last (epoch days, inclusive) is covered. */
    boolean coversAll(long first, long last) {
        int i = Arrays.binarySearch(days, first);
        return i >= 0 && runEnds[i] >= last;
    }
}
