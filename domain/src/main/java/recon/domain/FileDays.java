package recon.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A file's outcome and the days it is of: from the first to the last day its records count on or it
 * covers (a ledger's days without a line too). A report folder lists the files of its days only, so
 * that a day's report, and its stored result, change when a file of that day comes, not with every
 * upload of the store. A file of no known day — rejected (its records could be of any day, and that
 * day's data is incomplete), skipped, a resolutions file, an export without rows — is listed in every
 * folder.
 *
 * @param first null for a file of no known day, as is last
 */
public record FileDays(FileOutcome outcome, LocalDate first, LocalDate last) {
    public FileDays {
        if ((first == null) != (last == null) || (first != null && last.isBefore(first))) {
            throw new IllegalArgumentException("days " + first + ".." + last + " of " + outcome.name());
        }
    }

    /**
     * The file with these days when it is an accepted export; of no day when it was refused, skipped or
     * holds resolutions, or when no day is known (first and last null).
     */
    public static FileDays of(FileOutcome outcome, LocalDate first, LocalDate last) {
        boolean export = outcome.accepted() && !outcome.skipped() && outcome.kind() != FileKind.RESOLUTIONS;
        return export && first != null ? new FileDays(outcome, first, last) : ofNoDay(outcome);
    }

    /** A file listed in every folder. */
    public static FileDays ofNoDay(FileOutcome outcome) {
        return new FileDays(outcome, null, null);
    }

    /** Listed in the period's folder: of no known day, or of a day of the period. */
    public boolean listedIn(Period period) {
        return first == null || (!first.isAfter(period.last()) && !last.isBefore(period.first()));
    }

    /** The outcomes of the files listed in the period's folder, in the given order. */
    public static List<FileOutcome> listedIn(List<FileDays> files, Period period) {
        return files.stream().filter(file -> file.listedIn(period)).map(FileDays::outcome).toList();
    }

    /**
     * Passes a file's records on and notes its days as the pipeline stores them (the day a record counts
     * on; a record without any time has no day here), for a file read in one go offline.
     */
    public static final class Tracker implements RecordSink {
        private final RecordSink into;
        private LocalDate first;
        private LocalDate last;

        public Tracker(RecordSink into) {
            this.into = into;
        }

        /** The file's outcome with the days noted, as {@link FileDays#of(FileOutcome, LocalDate, LocalDate)}. */
        public FileDays of(FileOutcome outcome) {
            return FileDays.of(outcome, first, last);
        }

        @Override
        public void order(Order order) {
            note(order.dayTime());
            into.order(order);
        }

        @Override
        public void ledgerLine(LedgerLine line) {
            note(line.occurredAt());
            into.ledgerLine(line);
        }

        @Override
        public void refund(Refund refund) {
            note(refund.dayTime());
            into.refund(refund);
        }

        @Override
        public void invoice(Invoice invoice) {
            note(invoice.issuedAt());
            into.invoice(invoice);
        }

        @Override
        public void resolution(Resolution resolution) {
            into.resolution(resolution);
        }

        @Override
        public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
            note(firstDay);
            note(lastDay);
            into.coverage(kind, firstDay, lastDay);
        }

        private void note(long time) {
            if (Times.isPresent(time)) {
                note(Times.day(time));
            }
        }

        private void note(LocalDate day) {
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }
    }

    /** Every file's outcome, in the given order. */
    public static List<FileOutcome> outcomes(List<FileDays> files) {
        return files.stream().map(FileDays::outcome).toList();
    }
}
