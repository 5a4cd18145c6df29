package recon.functions.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.TreeSet;
import recon.pipeline.StoreDays;
import recon.pipeline.StoreRef;

/**
 * The body of match and report queue messages: {@code {"tenant":"t1","store":"s1","days":["2026-11-02"]}},
 * or on the match queue {@code {"recentDays":7}} from the daily schedule.
 */
public final class StoreDaysMessage {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decoded body: the days of one store, or the recent days of every store. */
    public sealed interface Body permits ForStore, Recent {}

    public record ForStore(StoreDays request) implements Body {}

    public record Recent(int days) implements Body {}

    private StoreDaysMessage() {}

    public static String encode(StoreDays request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("tenant", request.store().tenant());
        body.put("store", request.store().store());
        request.days().forEach(day -> body.withArray("days").add(day.toString()));
        return body.toString();
    }

    /** @throws IllegalArgumentException for a body of any other shape, or bad ids or days */
    public static Body decode(String text) {
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (body.has("recentDays")) {
            JsonNode days = body.get("recentDays");
            if (!days.canConvertToInt() || days.intValue() < 1 || days.intValue() > 366) {
                throw new IllegalArgumentException("recentDays must be a number of days from 1 to 366");
            }
            return new Recent(days.intValue());
        }
        StoreRef store = new StoreRef(body.path("tenant").asText(null), body.path("store").asText(null));
        TreeSet<LocalDate> days = new TreeSet<>();
        for (JsonNode day : body.path("days")) {
            try {
                days.add(LocalDate.parse(day.asText()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not a day: " + day);
            }
        }
        return new ForStore(new StoreDays(store, days));
    }
}
