package recon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.Period;

class ReportFilesTest {
    private final GeneratedReports reports = GeneratedReports.get();

    @TempDir
    Path scratch;

    @Test
    void foldersWrittenSideBySideEqualFoldersWrittenOneAtATime() throws IOException {
        // given the store's report folders as the offline run writes them, several at a time
        ReportSource source = new ReportSource(reports.store.tenant(), reports.store.store(), reports.result.fileDays(), reports.result.records(),
                reports.result.reconciliation(), reports.config);
        List<Period> periods = source.periods();
        assertThat(periods).anyMatch(Period::isMonth).anyMatch(p -> !p.isMonth());

        for (Period period : periods) {
            // when the period's folder is written alone into memory
            Map<String, ByteArrayOutputStream> alone = new TreeMap<>();
            ReportFiles.writeFolder(source.report(period), name -> alone.computeIfAbsent(name, n -> new ByteArrayOutputStream()));

            // then every file holds the same bytes (the workbook: the same parts, but for its creation time)
            Path folder = reports.folder(period.key());
            assertThat(alone).containsOnlyKeys(ReportFiles.SUMMARY_JSON, ReportFiles.CSV, ReportFiles.XLSX, ReportFiles.HTML);
            for (String name : List.of(ReportFiles.SUMMARY_JSON, ReportFiles.CSV, ReportFiles.HTML)) {
                assertThat(alone.get(name).toByteArray()).as(period.key() + "/" + name)
                        .isEqualTo(Files.readAllBytes(folder.resolve(name)));
            }
            assertThat(parts(alone.get(ReportFiles.XLSX).toByteArray())).as(period.key() + "/" + ReportFiles.XLSX)
                    .isEqualTo(parts(Files.readAllBytes(folder.resolve(ReportFiles.XLSX))));
        }
    }

    @Test
    void writesOnlyTheFilesAskedFor() throws IOException {
        // when the reports are written with their summaries and CSV files only
        Path dir = scratch.resolve("json-csv");
        ReportFiles.write(dir, reports.store.tenant(), reports.store.store(), reports.config, reports.result.fileDays(), reports.result.records(),
                reports.result.reconciliation(),
                EnumSet.of(ReportFiles.Format.JSON, ReportFiles.Format.CSV));

        // then every folder holds exactly those two files, each the same as in a full run
        ReportSource source = new ReportSource(reports.store.tenant(), reports.store.store(), reports.result.fileDays(), reports.result.records(),
                reports.result.reconciliation(), reports.config);
        assertThat(dir.resolve(ReportFiles.SUMMARY_JSON)).exists();
        for (Period period : source.periods()) {
            Path folder = dir.resolve("reports").resolve(period.key());
            try (var files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .containsExactlyInAnyOrder(ReportFiles.SUMMARY_JSON, ReportFiles.CSV);
            }
            for (String name : List.of(ReportFiles.SUMMARY_JSON, ReportFiles.CSV)) {
                assertThat(folder.resolve(name)).hasSameBinaryContentAs(reports.folder(period.key()).resolve(name));
            }
        }
    }

    @Test
    void failsWithTheWritersErrorWhenTheReportFoldersCannotBeMade() throws IOException {
        // given an output folder where "reports" is a file
        Path dir = Files.createDirectories(scratch.resolve("out"));
        Files.writeString(dir.resolve("reports"), "not a folder");

        // when the reports are written there, then the error of the folder that failed comes out
        assertThatThrownBy(() -> ReportFiles.write(dir, reports.store.tenant(), reports.store.store(), reports.config, reports.result.fileDays(),
                reports.result.records(), reports.result.reconciliation(), EnumSet.allOf(ReportFiles.Format.class)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reports");
    }

    /** The workbook's parts by name, without docProps/core.xml (it holds the time the file was made). */
    private Map<String, String> parts(byte[] xlsx) throws IOException {
        Path file = Files.write(Files.createTempFile(scratch, "report", ".xlsx"), xlsx);
        Map<String, String> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.getName().equals("docProps/core.xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return parts;
    }
}
