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
                "3553498017448001", "20261102000123", 19900, 18900, "结算金额与应收不符").withId("0123456789abcdef");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnomalyCsv.write(out, "t1/s1", List.of(anomaly));
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(text).stream().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getFields()).containsExactly("异常编号", "日期", "异常类型", "代码", "严重程度", "状态", "订单编号",
                "账务流水号", "退款编号", "发票号码", "应为（元）", "实际（元）", "差额（元）", "说明", "待补文件", "已有处理", "店铺",
                "处理结果", "处理说明", "处理人", "处理时间");
        assertThat(rows.get(1).getFields()).containsExactly("0123456789abcdef", "2026-11-02", "结算金额不符", "AMOUNT_MISMATCH",
                "HIGH", "待处理", "3553498017448001\t", "20261102000123\t", "", "", "199.00", "189.00", "-10.00", "结算金额与应收不符",
                "", "", "t1/s1", "", "", "", "");
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

        // then every anomaly is there once, what is still to do first, with the same amounts
        assertThat(rows).hasSize(anomalies.size() + 1);
        java.util.Map<String, CsvRecord> byId = new java.util.HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byId.put(row.getField(0), row));
        for (JsonNode json : anomalies) {
            CsvRecord row = byId.get(json.get("id").asText());
            assertThat(row.getField(1)).isEqualTo(json.get("day").asText());
            assertThat(row.getField(3)).isEqualTo(json.get("type").asText());
            assertThat(row.getField(6)).isEqualTo(json.has("orderId") ? json.get("orderId").asText() + "\t" : "");
            assertThat(row.getField(10)).isEqualTo(json.get("expected").asText());
            assertThat(row.getField(11)).isEqualTo(json.get("actual").asText());
            assertThat(row.getField(13)).isEqualTo(json.get("message").asText());
        }
        List<String> statuses = rows.subList(1, rows.size()).stream().map(row -> row.getField(5)).toList();
        assertThat(statuses).isSortedAccordingTo(java.util.Comparator.comparingInt(label ->
                List.of("待处理", "申诉中", "待补数据", "已核销", "强制核销").indexOf(label)));
    }
}
