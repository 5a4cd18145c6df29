package recon.usecase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import recon.domain.Times;
import recon.port.MatchRequests;
import recon.port.StoreDays;
import recon.port.StoreRegistry;

/**
 * The daily re-match: asks for every known store to be matched again on its last days, so that what
 * only time changes (an order now past its due date) is found without a new upload. Each store's
 * request goes to the match queue in the store's own order, never beside the store's other runs.
 */
public final class RematchRecent {
    private final StoreRegistry stores;
    private final MatchRequests matches;
    private final Clock clock;

    public RematchRecent(StoreRegistry stores, MatchRequests matches, Clock clock) {
        this.stores = stores;
        this.matches = matches;
        this.clock = clock;
    }

    /** One request per known store for the last {@code days} days up to today (Shanghai); the requests sent. */
    public List<StoreDays> request(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("recentDays must be at least 1");
        }
        LocalDate today = LocalDate.now(clock.withZone(Times.SHANGHAI));
        TreeSet<LocalDate> recent = new TreeSet<>();
        today.minusDays(days - 1L).datesUntil(today.plusDays(1)).forEach(recent::add);
        List<StoreDays> requests = stores.stores().stream().map(store -> new StoreDays(store, recent)).toList();
        if (!requests.isEmpty()) {
            matches.send(requests);
        }
        return requests;
    }
}
