package recon.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import recon.domain.Anomaly;
import recon.domain.Money;

/**
 * Writes {@code report.csv}: the anomaly list ({@link AnomalyList}), UTF-8 with a BOM and CRLF so that
 * Excel opens it with the Chinese intact; filled in and uploaded back, it is a resolutions file. Ids end with a tab, as Alipay's own exports do, so that Excel keeps them as
 * text instead of turning {@code 3553498017448001} into {@code 3.55E+15}. Text cells are made safe
 * from formula injection ({@link CellText}); amounts are plain numbers.
 */
public final class AnomalyCsv {
    private AnomalyCsv() {}

    /** @param store {tenant}/{store}, the 店铺 of every row */
    public static void write(OutputStream out, String store, List<Anomaly> anomalies) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
        csv.writeRecord(AnomalyList.HEADER);
        for (Anomaly a : AnomalyList.toDoFirst(anomalies)) {
            csv.writeRecord(
                    a.id() == null ? "" : a.id(),
                    a.day().toString(),
                    CellText.safe(a.type().label),
                    a.type().name(),
                    a.severity().name(),
                    a.status().label,
                    asText(a.orderId()),
                    asText(a.lineId()),
                    asText(a.refundId()),
                    asText(a.invoiceId()),
                    Money.format(a.expectedFen()),
                    Money.format(a.actualFen()),
                    Money.format(a.differenceFen()),
                    CellText.safe(a.message()),
                    CellText.safe(AnomalyList.waitingText(a)),
                    CellText.safe(AnomalyList.resolutionText(a)),
                    store, "", "", "", "");
        }
        csv.flush();
        writer.flush();
    }

    private static String asText(String id) {
        return id == null ? "" : CellText.safe(id) + "\t";
    }
}
