package recon.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import recon.domain.Anomaly;
import recon.domain.Money;

/**
 * Writes {@code report.csv}: the anomaly list, UTF-8 with a BOM and CRLF so that Excel opens it with
 * the Chinese intact. Ids end with a tab, as Alipay's own exports do, so that Excel keeps them as
 * text instead of turning {@code 3553498017448001} into {@code 3.55E+15}. Text cells are made safe
 * from formula injection ({@link CellText}); amounts are plain numbers.
 */
public final class AnomalyCsv {
    private static final String[] HEADER = {
        "日期", "异常类型", "代码", "严重程度", "订单编号", "账务流水号", "应为（元）", "实际（元）", "差额（元）", "说明"
    };

    private AnomalyCsv() {}

    public static void write(OutputStream out, Iterable<Anomaly> anomalies) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
        csv.writeRecord(HEADER);
        for (Anomaly a : anomalies) {
            csv.writeRecord(
                    a.day().toString(),
                    CellText.safe(a.type().label),
                    a.type().name(),
                    a.severity().name(),
                    asText(a.orderId()),
                    asText(a.lineId()),
                    Money.format(a.expectedFen()),
                    Money.format(a.actualFen()),
                    Money.format(a.differenceFen()),
                    CellText.safe(a.message()));
        }
        csv.flush();
        writer.flush();
    }

    private static String asText(String id) {
        return id == null ? "" : CellText.safe(id) + "\t";
    }
}
