package recon.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.reconcile.Reconciliation;

/**
 * Lays out the reports of one store in a folder the way they sit in the bucket:
 * {@code summary.json} for the whole run and {@code reports/{yyyy-MM-dd}/summary.json, report.csv}
 * for each day (the day's figures and anomalies only).
 */
public final class ReportFiles {
    private ReportFiles() {}

    public static void write(Path dir, String tenant, String store, List<FileOutcome> files, Reconciliation result)
            throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("summary.json"))) {
            SummaryJson.write(out, tenant, store, files, result.days(), result.anomalies());
        }
        Map<LocalDate, List<Anomaly>> anomaliesByDay = new LinkedHashMap<>();
        for (Anomaly anomaly : result.anomalies()) {
            anomaliesByDay.computeIfAbsent(anomaly.day(), d -> new ArrayList<>()).add(anomaly);
        }
        for (DayFigures day : result.days()) {
            Path dayDir = dir.resolve("reports").resolve(day.day().toString());
            Files.createDirectories(dayDir);
            List<Anomaly> anomalies = anomaliesByDay.getOrDefault(day.day(), List.of());
            try (OutputStream out = Files.newOutputStream(dayDir.resolve("summary.json"))) {
                SummaryJson.write(out, tenant, store, files, List.of(day), anomalies);
            }
            try (OutputStream out = Files.newOutputStream(dayDir.resolve("report.csv"))) {
                AnomalyCsv.write(out, anomalies);
            }
        }
    }
}
