package recon.port;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The latest reconciliation result of every store-day, and the id of every anomaly a saved result
 * ever held (a resolutions file naming an id the store never had is refused).
 */
public interface ResultStore {
    Optional<DayResult> result(StoreRef store, LocalDate day);

    /** Saves the day's result and remembers its anomalies' ids with the day. */
    void save(DayResult result);

    /** Those of the ids that some saved result of the store held, with the day they were on. */
    Map<String, LocalDate> anomalyDays(StoreRef store, Collection<String> ids);
}
