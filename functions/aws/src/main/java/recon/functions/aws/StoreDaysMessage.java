package recon.functions.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import recon.port.StoreDays;
import recon.port.StoreRef;

/**
 * The body of match and report queue messages: {@code {"tenant":"t1","store":"s1","days":["2026-11-02"]}},
 * or on the match queue {@code {"recentDays":7}} from the daily schedule.
 */
public final class StoreDaysMessage {
    /** A decoded body: the days of one store, or the recent days of every store. */
    public sealed interface Body permits ForStore, Recent {}

    public record ForStore(StoreDays request) implements Body {}

    public record Recent(int days) implements Body {}

    private StoreDaysMessage() {}

    public static String encode(StoreDays request) {
        try {
            return JSON.std.composeString().startObject()
                    .put("tenant", request.store().tenant())
                    .put("store", request.store().store())
                    .putObject("days", request.days().stream().map(LocalDate::toString).toList())
                    .end().finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to a string: does not happen
        }
    }

    /** @throws IllegalArgumentException for a body of any other shape, or bad ids or days */
    public static Body decode(String text) {
        Object body;
        try {
            body = JSON.std.anyFrom(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!(body instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (object.containsKey("recentDays")) {
            if (!(object.get("recentDays") instanceof Integer days) || days < 1 || days > 366) {
                throw new IllegalArgumentException("recentDays must be a number of days from 1 to 366");
            }
            return new Recent(days);
        }
        StoreRef store = new StoreRef(text(object.get("tenant")), text(object.get("store")));
        TreeSet<LocalDate> days = new TreeSet<>();
        if (object.get("days") instanceof List<?> list) {
            for (Object day : list) {
                days.add(day(day));
            }
        }
        return new ForStore(new StoreDays(store, days));
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static LocalDate day(Object value) {
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("not a day: " + value);
    }
}
