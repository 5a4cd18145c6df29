package recon.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times are kept as epoch seconds ({@code long}) and read in Asia/Shanghai, where every export is
 * written. Shanghai has had a fixed UTC+8 offset since 1991, so a day is plain arithmetic.
 * {@link #NONE} marks a time the export left empty.
 */
public final class Times {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final long NONE = Long.MIN_VALUE;
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    private static final long OFFSET_SECONDS = 8 * 3600;

    private Times() {}

    public static boolean isPresent(long epochSecond) {
        return epochSecond != NONE;
    }

    /** The Shanghai date of an instant. */
    public static LocalDate day(long epochSecond) {
        return LocalDate.ofEpochDay(epochDay(epochSecond));
    }

    public static long epochDay(long epochSecond) {
        return Math.floorDiv(epochSecond + OFFSET_SECONDS, 86_400L);
    }

    /** The seconds since Shanghai's midnight of an instant. */
    public static long secondOfDay(long epochSecond) {
        return Math.floorMod(epochSecond + OFFSET_SECONDS, 86_400L);
    }

    public static long of(LocalDateTime shanghaiTime) {
        return shanghaiTime.toEpochSecond(OFFSET);
    }

    public static long startOf(LocalDate day) {
        return day.toEpochDay() * 86_400L - OFFSET_SECONDS;
    }

    public static LocalDateTime local(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, OFFSET);
    }

    /** ISO-8601 with offset, as in the contracts: {@code 2026-11-02T10:15:00+08:00}. */
    public static String iso(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), OFFSET)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
