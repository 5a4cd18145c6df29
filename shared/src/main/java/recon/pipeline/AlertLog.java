package recon.pipeline;

import recon.domain.Anomaly;

/** The anomalies already alerted, so that none is alerted twice. */
public interface AlertLog {
    /** Records the anomaly as alerted; true only the first time it is seen (atomically, across runs). */
    boolean firstSeen(StoreRef store, Anomaly anomaly);
}
