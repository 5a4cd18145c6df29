package recon.reconcile;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SortedSet;
import recon.domain.FileKind;
import recon.domain.Waiting;

/**
 * The days the received files of one kind cover completely: nothing such a file would hold is called
 * missing outside them — the anomaly waits (PENDING) for the export that covers its days instead.
 */
final class Coverage {
    private final FileKind kind;
    /** Covered epoch days, ascending. */
    private final long[] days;
    /** For each covered day, the last day of the unbroken run of covered days it belongs to. */
    private final long[] runEnds;

    Coverage(FileKind kind, SortedSet<LocalDate> coveredDays) {
        this.kind = kind;
        days = coveredDays.stream().mapToLong(LocalDate::toEpochDay).toArray();
        runEnds = new long[days.length];
        for (int i = days.length - 1; i >= 0; i--) {
            boolean runGoesOn = i + 1 < days.length && days[i + 1] == days[i] + 1;
            runEnds[i] = runGoesOn ? runEnds[i + 1] : days[i];
        }
    }

    /**
     * The files received can tell about first … last (epoch days, inclusive): they cover every one of
     * those days, or a later day — a hole before it is an export missing (PENDING), not the future.
     */
    boolean speaksFor(long first, long last) {
        return coversAll(first, last) || days.length > 0 && days[days.length - 1] > last;
    }

    /** Every day from first to last (epoch days, inclusive) is covered. */
    private boolean coversAll(long first, long last) {
        int i = Arrays.binarySearch(days, first);
        return i >= 0 && runEnds[i] >= last;
    }

    /** The uncovered part of first … last (epoch days) as what an anomaly waits for; null when all is covered. */
    Waiting waitingFor(long first, long last) {
        if (coversAll(first, last)) {
            return null;
        }
        long from = first;
        while (covers(from)) {
            from++;
        }
        long to = last;
        while (covers(to)) {
            to--;
        }
        return new Waiting(kind, LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to));
    }

    private boolean covers(long day) {
        return Arrays.binarySearch(days, day) >= 0;
    }
}
