package recon.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import recon.domain.Anomaly;
import recon.domain.DayFigures;
import recon.domain.FileDays;
import recon.domain.Period;
import recon.domain.StoreConfig;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;

/**
 * Lays out the reports of one store the way they sit in the bucket: {@code summary.json} for the
 * whole run, and for every day and every month a folder {@code reports/{yyyy-MM-dd}/} or
 * {@code reports/{yyyy-MM}/} with {@code summary.json}, {@code report.csv}, {@code report.xlsx} and
 * {@code report.html} (that period's figures and anomalies only).
 */
public final class ReportFiles {
    public static final String SUMMARY_JSON = "summary.json";
    public static final String CSV = "report.csv";
    public static final String XLSX = "report.xlsx";
    public static final String HTML = "report.html";

    /** The files of a report folder. */
    public enum Format {
        JSON(SUMMARY_JSON), CSV(ReportFiles.CSV), XLSX(ReportFiles.XLSX), HTML(ReportFiles.HTML);

        public final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }
    }

    /** Where the files of one report folder go: a local folder, or the objects under the report's key. */
    @FunctionalInterface
    public interface Target {
        OutputStream open(String fileName) throws IOException;
    }

    /**
     * Report folders written at the same time. Each writer holds one period's open items and its
     * workbook's pending rows, so memory grows with their number, not with the store.
     */
    private static final int WRITERS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private ReportFiles() {}

    /**
     * The run's summary.json, and the given files of every day's and every month's folder.
     *
     * @param files every file's outcome and days, in input order: all in the run's summary.json, each
     *     folder's those of its days ({@link FileDays})
     * @param records the merged records of the accepted files, which the workbook and the page list
     */
    public static void write(Path dir, String tenant, String store, StoreConfig config, List<FileDays> files,
            StoreRecords records, Reconciliation reconciliation, Set<Format> formats) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(SUMMARY_JSON))) {
            SummaryJson.write(out, tenant, store, FileDays.outcomes(files), reconciliation.days(), reconciliation.anomalies());
        }
        if (!formats.contains(Format.XLSX) && !formats.contains(Format.HTML)) {
            writeFigures(dir, tenant, store, files, reconciliation, formats);
            return;
        }
        ReportSource source = new ReportSource(tenant, store, files, records, reconciliation, config);
        // the days first, then the months, which take their days' ledger rows as the days' workbooks deflated them
        List<Period> days = source.periods().stream().filter(period -> !period.isMonth()).toList();
        List<Period> months = source.periods().stream().filter(Period::isMonth).toList();
        try (LedgerSegments segments = formats.contains(Format.XLSX) ? LedgerSegments.create() : null;
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            for (List<Period> periods : List.of(days, months)) {
                List<Future<?>> folders = new ArrayList<>();
                for (Period period : periods) {
                    folders.add(writers.submit(() -> writePeriod(dir, source, period, formats, segments)));
                }
                for (Future<?> folder : folders) {
                    awaitFolder(folder, writers);
                }
            }
        }
    }

    /**
     * The summaries and CSV files alone: they hold the period's figures and anomalies only, so the
     * records need not be arranged for the workbook and the page (the sorted lines, the open items).
     */
    private static void writeFigures(Path dir, String tenant, String store, List<FileDays> files,
            Reconciliation reconciliation, Set<Format> formats) throws IOException {
        for (Period period : ReportSource.periods(reconciliation)) {
            Path folder = Files.createDirectories(dir.resolve("reports").resolve(period.key()));
            List<DayFigures> days = ReportSource.days(reconciliation, period);
            List<Anomaly> anomalies = ReportSource.anomalies(reconciliation, period);
            for (Format format : formats) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(format.fileName)))) {
                    switch (format) {
                        case JSON -> SummaryJson.write(out, tenant, store, FileDays.listedIn(files, period), days, anomalies);
                        case CSV -> AnomalyCsv.write(out, tenant + "/" + store, anomalies);
                        default -> throw new IllegalArgumentException(format + " needs the whole report");
                    }
                }
            }
        }
    }

    private static Void writePeriod(Path dir, ReportSource source, Period period, Set<Format> formats,
            LedgerSegments segments) throws IOException {
        Path folder = dir.resolve("reports").resolve(period.key());
        Files.createDirectories(folder);
        writeFolder(source.report(period), name -> new BufferedOutputStream(Files.newOutputStream(folder.resolve(name))),
                formats, segments);
        return null;
    }

    /** Waits for one folder; when it failed, stops the others and throws its failure. */
    private static void awaitFolder(Future<?> folder, ExecutorService writers) throws IOException {
        try {
            folder.get();
        } catch (ExecutionException e) {
            writers.shutdownNow();
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            writers.shutdownNow();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the reports");
        }
    }

    /**
     * A digest of what a report file says, equal for two writes of the same report: SHA-256 of its bytes
     * (the workbook holds no time of writing, {@link WorkbookWriter}).
     */
    public static String fingerprint(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            update(digest, in);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The four files of one period's report folder. */
    public static void writeFolder(PeriodReport report, Target target) throws IOException {
        writeFolder(report, target, EnumSet.allOf(Format.class), null);
    }

    private static void writeFolder(PeriodReport report, Target target, Set<Format> formats, LedgerSegments segments)
            throws IOException {
        for (Format format : formats) {
            try (OutputStream out = target.open(format.fileName)) {
                switch (format) {
                    case JSON -> SummaryJson.write(out, report.tenant(), report.store(), report.files(), report.days(),
                            report.anomalies());
                    case CSV -> AnomalyCsv.write(out, report.tenant() + "/" + report.store(), report.anomalies());
                    case XLSX -> ReportWorkbook.write(out, report, segments);
                    case HTML -> ReportPage.write(out, report);
                }
            }
        }
    }
}
