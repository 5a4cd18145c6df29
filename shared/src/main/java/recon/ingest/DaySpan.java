package recon.ingest;

import java.time.LocalDate;
import recon.domain.FileKind;
import recon.domain.RecordSink;
import recon.domain.Times;

/** The first and last day of the records of one file: the days an order or refund report covers. */
final class DaySpan {
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    /** A record's time (the one that gives it its day); a record without one covers nothing. */
    void add(long time) {
        if (Times.isPresent(time)) {
            long day = Times.epochDay(time);
            first = Math.min(first, day);
            last = Math.max(last, day);
        }
    }

    void sendTo(RecordSink sink, FileKind kind) {
        if (first <= last) {
            sink.coverage(kind, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
        }
    }

    /**
     * From the first day of the month of the first record: a report exported for a month (or more)
     * whose first record comes days into it still covers those days — refunds are few, a day
     * without one is the rule, not a gap.
     */
    void sendFromMonthStartTo(RecordSink sink, FileKind kind) {
        if (first <= last) {
            sink.coverage(kind, LocalDate.ofEpochDay(first).withDayOfMonth(1), LocalDate.ofEpochDay(last));
        }
    }
}
