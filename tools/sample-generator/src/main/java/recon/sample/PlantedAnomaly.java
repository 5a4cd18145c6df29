package recon.sample;

import java.time.LocalDate;
import recon.domain.AnomalyType;

/**
 * An anomaly the generator put into a store's files on purpose, as the reconciler must report it.
 *
 * @param day the anomaly's day per the rules (line day, due date, or the store-day)
 * @param orderId the order it concerns, or null
 * @param lineId the ledger line (账务流水号) it concerns, or null
 */
public record PlantedAnomaly(AnomalyType type, LocalDate day, String orderId, String lineId) {
    public PlantedAnomaly {
        if (type == null || day == null) {
            throw new IllegalArgumentException("type and day are required");
        }
    }
}
