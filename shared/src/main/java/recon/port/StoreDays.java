package recon.port;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/** Days of one store to match or to report on: the body of a match or report request. */
public record StoreDays(StoreRef store, NavigableSet<LocalDate> days) {
    public StoreDays {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one day is required");
        }
        days = Collections.unmodifiableNavigableSet(new TreeSet<>(days));
    }
}
