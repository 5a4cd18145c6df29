package recon.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import recon.domain.StoreConfig;
import recon.reconcile.ReconcileFiles;

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

    /** Where the files of one report folder go: a local folder, or the objects under the report's key. */
    @FunctionalInterface
    public interface Target {
        OutputStream open(String fileName) throws IOException;
    }

    private ReportFiles() {}

    public static void write(Path dir, String tenant, String store, StoreConfig config, ReconcileFiles.Result result)
            throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(SUMMARY_JSON))) {
            SummaryJson.write(out, tenant, store, result.files(), result.reconciliation().days(),
                    result.reconciliation().anomalies());
        }
        ReportSource source = new ReportSource(tenant, store, result.files(), result.records(),
                result.reconciliation(), config);
        for (Period period : source.periods()) {
            Path folder = dir.resolve("reports").resolve(period.key());
            Files.createDirectories(folder);
            writeFolder(source.report(period), name -> new BufferedOutputStream(Files.newOutputStream(folder.resolve(name))));
        }
    }

    /** The four files of one period's report folder. */
    public static void writeFolder(PeriodReport report, Target target) throws IOException {
        try (OutputStream out = target.open(SUMMARY_JSON)) {
            SummaryJson.write(out, report.tenant(), report.store(), report.files(), report.days(), report.anomalies());
        }
        try (OutputStream out = target.open(CSV)) {
            AnomalyCsv.write(out, report.anomalies());
        }
        try (OutputStream out = target.open(XLSX)) {
            ReportWorkbook.write(out, report);
        }
        try (OutputStream out = target.open(HTML)) {
            ReportPage.write(out, report);
        }
    }
}
