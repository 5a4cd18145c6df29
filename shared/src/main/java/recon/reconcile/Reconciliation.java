package recon.reconcile;

import java.util.List;
import recon.domain.Anomaly;
import recon.domain.DayFigures;

/** The result of reconciling one store: the figures of every day and every anomaly, both sorted. */
public record Reconciliation(List<DayFigures> days, List<Anomaly> anomalies) {
    public Reconciliation {
        days = List.copyOf(days);
        anomalies = List.copyOf(anomalies);
    }
}
