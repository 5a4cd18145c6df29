package recon.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Money;
import recon.domain.Severity;
import recon.report.SummaryJson;

/**
 * The reconciliation of one store-day: the files it was made from, its figures and its anomalies.
 * Stored as the day's summary.json (the same writer, so the same field names), with a hash of that
 * text so that an unchanged result is never written again — and a new file, even one that changes
 * no figure, changes the day's summary.json and so its hash.
 */
public record DayResult(StoreRef store, List<FileOutcome> files, DayFigures figures, List<Anomaly> anomalies) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public DayResult {
        files = List.copyOf(files);
        anomalies = List.copyOf(anomalies);
    }

    public LocalDate day() {
        return figures.day();
    }

    public String json() {
        var out = new ByteArrayOutputStream();
        try {
            SummaryJson.write(out, store.tenant(), store.store(), files, List.of(figures), anomalies);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** SHA-256 of {@link #json()}, in hex. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Reads back what {@link #json()} wrote. */
    public static DayResult fromJson(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            StoreRef store = new StoreRef(root.path("tenant").asText(), root.path("store").asText());
            List<Anomaly> anomalies = new ArrayList<>();
            for (JsonNode a : root.path("anomalies")) {
                anomalies.add(new Anomaly(
                        AnomalyType.valueOf(a.path("type").asText()),
                        Severity.valueOf(a.path("severity").asText()),
                        LocalDate.parse(a.path("day").asText()),
                        a.hasNonNull("orderId") ? a.get("orderId").asText() : null,
                        a.hasNonNull("lineId") ? a.get("lineId").asText() : null,
                        Money.parseYuan(a.path("expected").asText()),
                        Money.parseYuan(a.path("actual").asText()),
                        a.path("message").asText()));
            }
            List<FileOutcome> files = new ArrayList<>();
            for (JsonNode f : root.path("files")) {
                boolean accepted = f.path("status").asText().equals("ACCEPTED");
                files.add(new FileOutcome(f.path("name").asText(), FileKind.valueOf(f.path("kind").asText()), accepted,
                        f.path("rows").asLong(), 0, accepted ? null : f.path("error").asText()));
            }
            return new DayResult(store, files, figures(root.path("days").get(0)), anomalies);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored day result", e);
        }
    }

    private static DayFigures figures(JsonNode d) {
        Map<AnomalyType, Integer> counts = new EnumMap<>(AnomalyType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = d.path("anomalies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> count = it.next();
            counts.put(AnomalyType.valueOf(count.getKey()), count.getValue().intValue());
        }
        return new DayFigures(
                LocalDate.parse(d.path("day").asText()),
                d.path("ordersPaid").longValue(),
                d.path("settledCount").longValue(),
                amount(d, "settledAmount"),
                amount(d, "refundAmount"),
                amount(d, "commissionAmount"),
                amount(d, "otherFeeAmount"),
                amount(d, "transferAmount"),
                optionalAmount(d, "openingBalance"),
                optionalAmount(d, "closingBalance"),
                d.path("matchedOrders").longValue(),
                d.path("openItems").longValue(),
                counts);
    }

    private static long amount(JsonNode node, String field) {
        return Money.parseYuan(node.path(field).asText());
    }

    private static Long optionalAmount(JsonNode node, String field) {
        return node.hasNonNull(field) ? Money.parseYuan(node.get(field).asText()) : null;
    }
}
