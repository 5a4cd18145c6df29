package recon.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.Resolution;
import recon.domain.StoreConfig;
import recon.domain.Times;

/**
 * Closing the books (docs/domain.md, "Closing the books"): gives every anomaly its id and its status.
 * The data gives PENDING or OPEN; a person's latest word (a resolutions file's row) sets DISPUTED,
 * RESOLVED or FORCED, or gives the anomaly back to the data (重新打开); else the first autoResolve rule
 * that covers it resolves it. The same records in any order give the same statuses; the money figures
 * are never touched.
 */
public final class BookClosing {
    private BookClosing() {}

    /**
     * @param trail every resolution received, in any order
     * @return the anomalies in their order, each with its id, status and the word that set it
     */
    public static List<Anomaly> close(String tenant, String store, List<Anomaly> found, List<Resolution> trail,
            List<StoreConfig.AutoResolve> rules) {
        Map<String, Resolution> latest = new HashMap<>();
        for (Resolution word : trail) {
            latest.merge(word.anomalyId(), word, (a, b) -> Resolution.LATEST_LAST.compare(a, b) >= 0 ? a : b);
        }
        List<Anomaly> closed = new ArrayList<>(found.size());
        for (Anomaly anomaly : found) {
            Anomaly identified = anomaly.withId(AnomalyIds.of(tenant, store, anomaly));
            Resolution word = latest.get(identified.id());
            if (word == null) {
                word = ruleFor(identified, rules);
            }
            closed.add(word == null ? identified : identified.settledBy(word));
        }
        return closed;
    }

    /** The first autoResolve rule that covers the anomaly, as the word it says; null when none does. */
    private static Resolution ruleFor(Anomaly anomaly, List<StoreConfig.AutoResolve> rules) {
        for (int i = 0; i < rules.size(); i++) {
            StoreConfig.AutoResolve rule = rules.get(i);
            if (rule.covers(anomaly)) {
                return new Resolution(anomaly.id(), Resolution.Action.RESOLVED, rule.note(), "rule:" + i, Times.NONE,
                        "", "", "", 0);
            }
        }
        return null;
    }
}
