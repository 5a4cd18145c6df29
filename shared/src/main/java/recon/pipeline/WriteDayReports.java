package recon.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import recon.domain.FileOutcome;
import recon.report.AnomalyCsv;
import recon.report.SummaryJson;

/**
 * The report stage: writes each requested day's {@code summary.json} and {@code report.csv} under
 * {@code reports/{day}/} from the day's stored result, with the same writers as the offline run.
 */
public final class WriteDayReports {
    private static final System.Logger LOG = System.getLogger(WriteDayReports.class.getName());

    private final Blobs blobs;
    private final FileManifest manifest;
    private final ResultStore results;

    public WriteDayReports(Blobs blobs, FileManifest manifest, ResultStore results) {
        this.blobs = blobs;
        this.manifest = manifest;
        this.results = results;
    }

    public void write(StoreDays request) {
        StoreRef store = request.store();
        List<FileOutcome> files = manifest.files(store).stream()
                .filter(f -> f.status() == FileEntry.Status.DONE)
                .flatMap(f -> f.outcomes().stream())
                .sorted(Comparator.comparing(FileOutcome::name))
                .toList();
        for (LocalDate day : request.days()) {
            Optional<DayResult> result = results.result(store, day);
            if (result.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "no result for " + store + " " + day + ": no report written");
                continue;
            }
            write(store, files, result.get());
        }
    }

    private void write(StoreRef store, List<FileOutcome> files, DayResult result) {
        String prefix = store.reportPrefix(result.day());
        try {
            var summary = new ByteArrayOutputStream();
            SummaryJson.write(summary, store.tenant(), store.store(), files, List.of(result.figures()), result.anomalies());
            blobs.write(prefix + "summary.json", summary.toByteArray(), "application/json");
            var csv = new ByteArrayOutputStream();
            AnomalyCsv.write(csv, result.anomalies());
            blobs.write(prefix + "report.csv", csv.toByteArray(), "text/csv; charset=utf-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports of " + store + " " + result.day(), e);
        }
    }
}
