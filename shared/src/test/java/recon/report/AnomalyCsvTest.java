package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.Severity;

class AnomalyCsvTest {
    @Test
    void startsWithBomAndKeepsChineseAndIdsAsText() throws IOException {
        Anomaly anomaly = new Anomaly(AnomalyType.AMOUNT_MISMATCH, Severity.HIGH, LocalDate.of(2026, 11, 2),
                "3553498017448001", "20261102000123", 19900, 18900, "结算金额与应收不符");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnomalyCsv.write(out, List.of(anomaly));
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(text).stream().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getField(1)).isEqualTo("异常类型");
        assertThat(rows.get(1).getFields()).containsExactly("2026-11-02", "结算金额不符", "AMOUNT_MISMATCH", "HIGH",
                "3553498017448001\t", "20261102000123\t", "199.00", "189.00", "-10.00", "结算金额与应收不符");
    }

    @Test
    void dayCsvReadsBackAsTheAnomaliesOfTheDaysSummaryJson() throws IOException {
        // given the reports of a generated store
        GeneratedReports reports = GeneratedReports.get();
        String day = reports.busiestDay().day().toString();
        JsonNode anomalies = reports.summary(day).get("anomalies");

        // when its report.csv is read as Excel would: UTF-8 after the BOM
        byte[] bytes = Files.readAllBytes(reports.folder(day).resolve(ReportFiles.CSV));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CsvRecord> rows = CsvReader.builder()
                .ofCsvRecord(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).stream().toList();

        // then every anomaly is there, in the same order, with the same amounts
        assertThat(rows).hasSize(anomalies.size() + 1);
        for (int i = 0; i < anomalies.size(); i++) {
            JsonNode json = anomalies.get(i);
            CsvRecord row = rows.get(i + 1);
            assertThat(row.getField(0)).isEqualTo(json.get("day").asText());
            assertThat(row.getField(2)).isEqualTo(json.get("type").asText());
            assertThat(row.getField(4)).isEqualTo(json.has("orderId") ? json.get("orderId").asText() + "\t" : "");
            assertThat(row.getField(6)).isEqualTo(json.get("expected").asText());
            assertThat(row.getField(7)).isEqualTo(json.get("actual").asText());
            assertThat(row.getField(9)).isEqualTo(json.get("message").asText());
        }
    }
}
