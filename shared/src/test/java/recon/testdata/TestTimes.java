package recon.testdata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import recon.domain.Times;

/** Times written as in the exports, read in Asia/Shanghai. */
public final class TestTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TestTimes() {}

    /** {@code "2026-11-02 10:00:00"} as epoch seconds. */
    public static long time(String shanghaiTime) {
        return Times.of(LocalDateTime.parse(shanghaiTime, FORMAT));
    }

    /** {@code "2026-11-02"}. */
    public static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
