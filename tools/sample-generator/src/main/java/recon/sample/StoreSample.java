package recon.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Every file is named export_{yyyyMMdd}_{n}: the morning it is downloaded, then a counter. */
    private static final Pattern NAME = Pattern.compile("export_(\\d{8})_\\d+\\..+");

    public StoreSample {
        files = List.copyOf(files);
        rejectedFiles = List.copyOf(rejectedFiles);
        anomalies = List.copyOf(anomalies);
    }

    /** The morning the seller downloads the file (and, uploading every morning, uploads it). */
    public LocalDate exportDay(String file) {
        Matcher name = NAME.matcher(file);
        if (!name.matches()) {
            throw new IllegalArgumentException("not a file of the generator: " + file);
        }
        return LocalDate.parse(name.group(1), DateTimeFormatter.BASIC_ISO_DATE);
    }
}
