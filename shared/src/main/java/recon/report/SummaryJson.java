package recon.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.domain.Money;

/**
 * Writes {@code summary.json} in the shape of docs/contracts.md, field by field with a streaming
 * generator, so a month of a million orders never sits in memory as a tree. The same writer serves
 * the whole run and each day's report folder.
 */
public final class SummaryJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SummaryJson() {}

    public static void write(
            OutputStream out,
            String tenant,
            String store,
            Collection<FileOutcome> files,
            Collection<DayFigures> days,
            Collection<Anomaly> anomalies)
            throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("tenant", tenant);
            json.writeStringField("store", store);
            json.writeArrayFieldStart("files");
            for (FileOutcome file : files) {
                writeFile(json, file);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("days");
            for (DayFigures day : days) {
                writeDay(json, day);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("anomalies");
            for (Anomaly anomaly : anomalies) {
                writeAnomaly(json, anomaly);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeFile(JsonGenerator json, FileOutcome file) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", file.name());
        json.writeStringField("kind", file.kind().name());
        json.writeStringField("status", file.status());
        json.writeNumberField("rows", file.rows());
        if (!file.accepted()) {
            json.writeStringField("error", file.error());
        }
        json.writeEndObject();
    }

    private static void writeDay(JsonGenerator json, DayFigures day) throws IOException {
        json.writeStartObject();
        json.writeStringField("day", day.day().toString());
        json.writeNumberField("ordersPaid", day.ordersPaid());
        json.writeNumberField("settledCount", day.settledCount());
        json.writeStringField("settledAmount", Money.format(day.settledAmount()));
        json.writeStringField("refundAmount", Money.format(day.refundAmount()));
        json.writeStringField("commissionAmount", Money.format(day.commissionAmount()));
        json.writeStringField("otherFeeAmount", Money.format(day.otherFeeAmount()));
        json.writeStringField("transferAmount", Money.format(day.transferAmount()));
        writeOptionalAmount(json, "openingBalance", day.openingBalance());
        writeOptionalAmount(json, "closingBalance", day.closingBalance());
        json.writeNumberField("matchedOrders", day.matchedOrders());
        json.writeNumberField("openItems", day.openItems());
        json.writeObjectFieldStart("anomalies");
        for (Map.Entry<AnomalyType, Integer> count : new TreeMap<>(day.anomalies()).entrySet()) {
            json.writeNumberField(count.getKey().name(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeOptionalAmount(JsonGenerator json, String field, Long fen) throws IOException {
        if (fen == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, Money.format(fen));
        }
    }

    private static void writeAnomaly(JsonGenerator json, Anomaly anomaly) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", anomaly.type().name());
        json.writeStringField("severity", anomaly.severity().name());
        json.writeStringField("day", anomaly.day().toString());
        if (anomaly.orderId() != null) {
            json.writeStringField("orderId", anomaly.orderId());
        }
        if (anomaly.lineId() != null) {
            json.writeStringField("lineId", anomaly.lineId());
        }
        json.writeStringField("expected", Money.format(anomaly.expectedFen()));
        json.writeStringField("actual", Money.format(anomaly.actualFen()));
        json.writeStringField("message", anomaly.message());
        json.writeEndObject();
    }
}
