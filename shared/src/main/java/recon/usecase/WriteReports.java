package recon.usecase;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import recon.domain.DayFigures;
import recon.domain.Period;
import recon.port.Blobs;
import recon.port.DayRange;
import recon.port.StoreDays;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.report.ReportFiles;
import recon.report.ReportSource;

/**
 * The report stage: for each requested day, and for each month of those days, writes the report
 * folder {@code reports/{yyyy-MM-dd}/} or {@code reports/{yyyy-MM}/} with the same four files and
 * the same writers as the offline run, from the store reconciled again as the match stage does.
 * An object whose content has not changed is not written again: a PUT costs twelve times the HEAD
 * that tells, and an accountant's link or download stays the same object.
 */
public final class WriteReports {
    private static final System.Logger LOG = System.getLogger(WriteReports.class.getName());
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            ReportFiles.SUMMARY_JSON, "application/json",
            ReportFiles.CSV, "text/csv; charset=utf-8",
            ReportFiles.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ReportFiles.HTML, "text/html; charset=utf-8");

    private final Blobs blobs;
    private final ReconcileStore reconcile;

    public WriteReports(StoreFiles files) {
        this.blobs = files.blobs();
        this.reconcile = new ReconcileStore(files);
    }

    /**
     * Writes the reports of the requested days that have figures, then of their months.
     *
     * @throws recon.config.StoreConfigJson.InvalidConfigException when the store's config.json cannot be used
     */
    public void write(StoreDays request) {
        StoreRef store = request.store();
        // whole months: a month's report needs every day of it reconciled
        DayRange months = new DayRange(request.days().first().withDayOfMonth(1),
                YearMonth.from(request.days().last()).atEndOfMonth());
        ReconcileStore.Reconciled reconciled = reconcile.reconcile(store, months, ReconcileStore.CONTEXT_DAYS);
        ReportSource source = new ReportSource(store.tenant(), store.store(), reconciled.files(),
                reconciled.records(), reconciled.reconciliation(), reconciled.config());

        Set<LocalDate> withFigures = reconciled.reconciliation().days().stream()
                .map(DayFigures::day).collect(Collectors.toSet());
        List<Period> periods = new ArrayList<>();
        TreeSet<YearMonth> touched = new TreeSet<>();
        for (LocalDate day : request.days()) {
            if (withFigures.contains(day)) {
                periods.add(Period.day(day));
                touched.add(YearMonth.from(day));
            } else {
                LOG.log(System.Logger.Level.WARNING, "no figures for {0} {1}: no report written", store, day);
            }
        }
        touched.forEach(month -> periods.add(Period.month(month)));
        int written = 0;
        for (Period period : periods) {
            try {
                written += writeFolder(store.reportPrefix(period), source, period);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the reports of " + store + " " + period.key(), e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "reported {0}: {1} folders, {2} of {3} objects changed and written",
                store, periods.size(), written, periods.size() * CONTENT_TYPES.size());
    }

    /**
     * Writes the folder's files to a temporary folder first, so that memory stays bounded and no
     * object is written unless all four were written whole, then uploads those whose content changed.
     *
     * @return how many objects were written
     */
    private int writeFolder(String prefix, ReportSource source, Period period) throws IOException {
        Path dir = Files.createTempDirectory("recon-report-");
        List<String> names = new ArrayList<>();
        int written = 0;
        try {
            ReportFiles.writeFolder(source.report(period), name -> {
                names.add(name);
                return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)));
            });
            for (String name : names) {
                String fingerprint = ReportFiles.fingerprint(dir.resolve(name));
                if (!blobs.fingerprint(prefix + name).filter(fingerprint::equals).isPresent()) {
                    blobs.write(prefix + name, dir.resolve(name),
                            CONTENT_TYPES.getOrDefault(name, "application/octet-stream"), fingerprint);
                    written++;
                }
            }
            return written;
        } finally {
            for (String name : names) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }
}
