package recon.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;

/** How many anomalies stand in each status, every status named; closed (已对平) when none is still to do. */
public record StatusCounts(Map<AnomalyStatus, Integer> counts) {
    public StatusCounts {
        counts = Map.copyOf(counts);
    }

    public static StatusCounts of(Collection<Anomaly> anomalies) {
        Map<AnomalyStatus, Integer> counts = new EnumMap<>(AnomalyStatus.class);
        for (AnomalyStatus status : AnomalyStatus.values()) {
            counts.put(status, 0);
        }
        anomalies.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return new StatusCounts(counts);
    }

    public int count(AnomalyStatus status) {
        return counts.get(status);
    }

    /** Nothing PENDING, OPEN or DISPUTED. */
    public boolean closed() {
        return counts.entrySet().stream().noneMatch(e -> e.getKey().isUnsettled() && e.getValue() > 0);
    }
}
