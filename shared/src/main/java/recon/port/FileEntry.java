package recon.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import recon.domain.FileOutcome;
import recon.usecase.ParseUpload;

/**
 * What the pipeline knows of one uploaded object (one version of one key): the file manifest's entry.
 *
 * @param fileId {@link ParseUpload#fileId}: the key and ETag, hashed
 * @param outcomes the file's outcome, or one per member of a ZIP
 * @param coverage the days the accepted files cover completely, by kind
 * @param recordDays the first and last day the accepted records were stored under, or null when none
 */
public record FileEntry(
        StoreRef store,
        String fileId,
        String name,
        String key,
        Status status,
        List<FileOutcome> outcomes,
        List<CoveredDays> coverage,
        DayRange recordDays,
        Instant processedAt) {

    public enum Status { PROCESSING, DONE }

    public FileEntry {
        outcomes = List.copyOf(outcomes);
        coverage = List.copyOf(coverage);
    }

    public boolean holdsRecordsOf(LocalDate day) {
        return status == Status.DONE && recordDays != null && recordDays.contains(day);
    }
}
