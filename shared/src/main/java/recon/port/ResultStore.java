package recon.port;

import java.time.LocalDate;
import java.util.Optional;

/** The latest reconciliation result of every store-day. */
public interface ResultStore {
    Optional<DayResult> result(StoreRef store, LocalDate day);

    void save(DayResult result);
}
