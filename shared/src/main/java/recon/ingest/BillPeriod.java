package recon.ingest;

import java.time.LocalDate;
import java.util.TreeSet;
import recon.domain.FileKind;
import recon.domain.RecordSink;
import recon.domain.Times;

/**
 * The days a bill covers completely: the preamble's {@code 起始日期 … 终止日期} window where the file
 * states one, else each run of consecutive days that have lines (XLSX exports have no preamble).
 */
final class BillPeriod {
    private static final long LAST_SECOND_OF_DAY = 86_399;

    /** Days fully covered according to the preamble, or null when the file has none. */
    private final LocalDate windowFirst;
    private final LocalDate windowLast;
    private final TreeSet<Long> lineDays = new TreeSet<>();
    private long lastLineDay = Long.MIN_VALUE;

    /**
     * @param window the preamble's {@code 起始日期：[…] 终止日期：[…]} line, or null
     */
    BillPeriod(String window, long windowLine) {
        if (window == null) {
            windowFirst = null;
            windowLast = null;
            return;
        }
        long start = labelledTime(window, "起始日期", windowLine);
        long end = labelledTime(window, "终止日期", windowLine);
        LocalDate startDay = Times.day(start);
        LocalDate endDay = Times.day(end);
        windowFirst = secondOfDay(start) == 0 ? startDay : startDay.plusDays(1);
        windowLast = secondOfDay(end) >= LAST_SECOND_OF_DAY ? endDay : endDay.minusDays(1);
    }

    /** A line at this time (epoch seconds). */
    void line(long time) {
        if (windowFirst == null) {
            long day = Times.epochDay(time);
            if (day != lastLineDay) {
                lineDays.add(day);
                lastLineDay = day;
            }
        }
    }

    /** Tells the sink the days the file covers, as files of this kind. */
    void report(RecordSink sink, FileKind kind) {
        if (windowFirst != null) {
            if (!windowFirst.isAfter(windowLast)) {
                sink.coverage(kind, windowFirst, windowLast);
            }
            return;
        }
        Long runStart = null;
        long previous = Long.MIN_VALUE;
        for (long day : lineDays) {
            if (runStart != null && day != previous + 1) {
                sink.coverage(kind, LocalDate.ofEpochDay(runStart), LocalDate.ofEpochDay(previous));
                runStart = null;
            }
            if (runStart == null) {
                runStart = day;
            }
            previous = day;
        }
        if (runStart != null) {
            sink.coverage(kind, LocalDate.ofEpochDay(runStart), LocalDate.ofEpochDay(previous));
        }
    }

    private static long secondOfDay(long epochSecond) {
        return epochSecond - Times.startOf(Times.day(epochSecond));
    }

    /**
     * The time after a label: {@code 起始日期：[2026年11月01日 00:00:00]}, or without the brackets
     * {@code 起始日期：2026-11-01 00:00:00} (up to the next label).
     */
    private static long labelledTime(String window, String label, long line) {
        int at = window.indexOf(label);
        long time = Cells.INVALID;
        if (at >= 0) {
            int from = at + label.length();
            while (from < window.length() && (window.charAt(from) == '：' || window.charAt(from) == ':'
                    || Cells.isBlank(window.charAt(from)))) {
                from++;
            }
            int to;
            if (from < window.length() && window.charAt(from) == '[') {
                from++;
                to = window.indexOf(']', from);
            } else {
                to = window.indexOf("日期", from);
                // back over the next label's first characters (终止, 截止 …) to the blank before it
                while (to > from && !Cells.isBlank(window.charAt(to - 1))) {
                    to--;
                }
                if (to <= from) {
                    to = window.length();
                }
            }
            if (to > from) {
                time = Cells.time(Cells.clean(window.substring(from, to)));
            }
        }
        if (time == Cells.INVALID || time == Times.NONE) {
            throw new Rejection(line, "文件开头的" + label + "无法识别");
        }
        return time;
    }
}
