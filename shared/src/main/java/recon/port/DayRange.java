package recon.port;

import java.time.LocalDate;

/** The days from first to last, both included. */
public record DayRange(LocalDate first, LocalDate last) {
    public DayRange {
        if (first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("a day range needs a first day not after its last");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
