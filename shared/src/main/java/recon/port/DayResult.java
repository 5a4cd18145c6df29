package recon.port;

import java.time.LocalDate;
import java.util.List;
import recon.domain.Anomaly;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;

/**
 * The reconciliation of one store-day: the files it was made from, its figures and its anomalies.
 * Stored as the day's summary.json ({@link recon.storage.DayResultJson}).
 */
public record DayResult(StoreRef store, List<FileOutcome> files, DayFigures figures, List<Anomaly> anomalies) {
    public DayResult {
        files = List.copyOf(files);
        anomalies = List.copyOf(anomalies);
    }

    public LocalDate day() {
        return figures.day();
    }
}
