package recon.sample;

import java.time.LocalDate;
import recon.domain.AnomalyType;

/** A planted anomaly while it is being written: its line id is known only once the ledger is. */
final class PlantNote {
    final AnomalyType type;
    LocalDate day;
    final String orderId;
    String lineId;

    PlantNote(AnomalyType type, LocalDate day, String orderId) {
        this.type = type;
        this.day = day;
        this.orderId = orderId;
    }

    PlantedAnomaly toAnomaly() {
        return new PlantedAnomaly(type, day, orderId, lineId);
    }
}
