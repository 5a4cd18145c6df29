package recon.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The days one report covers: a single day ({@code reports/2026-11-02/}) or a calendar month
 * ({@code reports/2026-11/}).
 */
public record Period(LocalDate first, LocalDate last, boolean isMonth) {
    public Period {
        if (first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("a period needs a first day on or before its last day");
        }
    }

    public static Period day(LocalDate day) {
        return new Period(day, day, false);
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth(), true);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** The folder name under {@code reports/}: {@code 2026-11-02} or {@code 2026-11}. */
    public String key() {
        return isMonth ? YearMonth.from(first).toString() : first.toString();
    }

    /** How the reports name the period: {@code 2026年11月2日} or {@code 2026年11月}. */
    public String label() {
        return isMonth
                ? first.getYear() + "年" + first.getMonthValue() + "月"
                : first.getYear() + "年" + first.getMonthValue() + "月" + first.getDayOfMonth() + "日";
    }
}
