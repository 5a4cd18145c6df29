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
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.domain.Money;
import recon.domain.Resolution;
import recon.domain.Times;

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
            writeClosing(json, anomalies);
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

    /** statusCounts, closed and missingExports: where closing the books of these anomalies stands. */
    private static void writeClosing(JsonGenerator json, Collection<Anomaly> anomalies) throws IOException {
        StatusCounts counts = StatusCounts.of(anomalies);
        json.writeObjectFieldStart("statusCounts");
        for (AnomalyStatus status : AnomalyStatus.values()) {
            json.writeNumberField(status.name(), counts.count(status));
        }
        json.writeEndObject();
        json.writeBooleanField("closed", counts.closed());
        json.writeArrayFieldStart("missingExports");
        for (MissingExports.Missing missing : MissingExports.of(anomalies)) {
            json.writeStartObject();
            json.writeStringField("kind", missing.kind().name());
            json.writeStringField("from", missing.from().toString());
            json.writeStringField("to", missing.to().toString());
            json.writeNumberField("pending", missing.pending());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeFile(JsonGenerator json, FileOutcome file) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", file.name());
        json.writeStringField("kind", file.kind().name());
        json.writeStringField("status", file.status());
        json.writeNumberField("rows", file.rows());
        if (file.error() != null) {
            json.writeStringField("error", file.error()); // why it was rejected, or skipped
        }
        json.writeEndObject();
    }

    private static void writeDay(JsonGenerator json, DayFigures day) throws IOException {
        json.writeStartObject();
        json.writeStringField("day", day.day().toString());
        json.writeNumberField("ordersPaid", day.ordersPaid());
        json.writeNumberField("settledCount", day.settledCount());
        json.writeStringField("settledAmount", Money.format(day.settledAmount()));
        json.writeObjectFieldStart("settledByChannel");
        for (Channel channel : Channel.values()) {
            json.writeStringField(channel.name(), Money.format(day.settledIn(channel)));
        }
        json.writeEndObject();
        json.writeStringField("refundAmount", Money.format(day.refundAmount()));
        json.writeStringField("commissionAmount", Money.format(day.commissionAmount()));
        json.writeStringField("otherFeeAmount", Money.format(day.otherFeeAmount()));
        json.writeStringField("transferAmount", Money.format(day.transferAmount()));
        writeOptionalAmount(json, "openingBalance", day.openingBalance());
        writeOptionalAmount(json, "closingBalance", day.closingBalance());
        json.writeNumberField("matchedOrders", day.matchedOrders());
        json.writeNumberField("openItems", day.openItems());
        json.writeStringField("invoicedAmount", Money.format(day.invoicedAmount()));
        json.writeNumberField("invoiceCount", day.invoiceCount());
        json.writeStringField("uninvoicedAmount", Money.format(day.uninvoicedAmount()));
        json.writeObjectFieldStart("anomalies");
        for (Map.Entry<AnomalyType, Integer> count : new TreeMap<>(day.anomalies()).entrySet()) {
            json.writeNumberField(count.getKey().name(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The word that set the status: its action as status (REOPENED for 重新打开), note, by, at, source. */
    private static void writeResolution(JsonGenerator json, Resolution resolution) throws IOException {
        json.writeObjectFieldStart("resolution");
        json.writeStringField("status", resolution.action().name());
        json.writeStringField("note", resolution.note());
        json.writeStringField("by", resolution.by());
        if (Times.isPresent(resolution.at())) {
            json.writeStringField("at", Times.iso(resolution.at()));
        }
        json.writeStringField("source", resolution.source());
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
        if (anomaly.id() != null) {
            json.writeStringField("id", anomaly.id());
        }
        json.writeStringField("type", anomaly.type().name());
        json.writeStringField("severity", anomaly.severity().name());
        json.writeStringField("day", anomaly.day().toString());
        if (anomaly.orderId() != null) {
            json.writeStringField("orderId", anomaly.orderId());
        }
        if (anomaly.lineId() != null) {
            json.writeStringField("lineId", anomaly.lineId());
        }
        if (anomaly.refundId() != null) {
            json.writeStringField("refundId", anomaly.refundId());
        }
        if (anomaly.invoiceId() != null) {
            json.writeStringField("invoiceId", anomaly.invoiceId());
        }
        json.writeStringField("expected", Money.format(anomaly.expectedFen()));
        json.writeStringField("actual", Money.format(anomaly.actualFen()));
        json.writeStringField("message", anomaly.message());
        json.writeStringField("status", anomaly.status().name());
        if (anomaly.waitingFor() != null) {
            json.writeObjectFieldStart("waitingFor");
            json.writeStringField("kind", anomaly.waitingFor().kind().name());
            json.writeStringField("from", anomaly.waitingFor().first().toString());
            json.writeStringField("to", anomaly.waitingFor().last().toString());
            json.writeEndObject();
        }
        if (anomaly.resolution() != null) {
            writeResolution(json, anomaly.resolution());
        }
        json.writeEndObject();
    }
}
