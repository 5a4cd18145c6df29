package recon.sample;

import java.nio.file.Path;
import java.util.List;

/**
 * The sample files of one store and what they contain.
 *
 * @param dir the folder holding the store's files and config.json
 * @param files file names (in dir) a correct parser accepts
 * @param rejectedFiles file names (in dir) a correct parser must reject; their records copy accepted ones
 * @param anomalies every anomaly the reconciler must report for the store, nothing more
 * @param cleanOrders orders of the order reports not involved in any listed anomaly
 */
public record StoreSample(
        String tenant,
        String store,
        Path dir,
        List<String> files,
        List<String> rejectedFiles,
        List<PlantedAnomaly> anomalies,
        int cleanOrders) {

    public StoreSample {
        files = List.copyOf(files);
        rejectedFiles = List.copyOf(rejectedFiles);
        anomalies = List.copyOf(anomalies);
    }
}
