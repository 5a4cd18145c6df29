package recon.domain;

import java.time.LocalDate;

/**
 * Where a reader puts the records of one file, as it reads them: the merged store of the rules, the
 * pipeline's record packs. A file can still be rejected after some of its records went out (the Alipay
 * trailer is checked at the end), so the receiver must hold them apart until it learns the file's
 * outcome (the ingest's {@code IngestListener} tells it).
 */
public interface RecordSink {
    /** Keeps nothing: for reading a file only to learn its outcome. */
    RecordSink DISCARD = new RecordSink() {
        @Override
        public void order(Order order) {}

        @Override
        public void ledgerLine(LedgerLine line) {}

        @Override
        public void refund(Refund refund) {}

        @Override
        public void invoice(Invoice invoice) {}

        @Override
        public void resolution(Resolution resolution) {}

        @Override
        public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {}
    };

    void order(Order order);

    void ledgerLine(LedgerLine line);

    void refund(Refund refund);

    void invoice(Invoice invoice);

    /** One row of a resolutions file (or of a report workbook's 异常 sheet sent back). */
    void resolution(Resolution resolution);

    /**
     * The file covers these days completely: a ledger from its 起始日期/终止日期 (else the days of its
     * lines), an order or refund report the span of its records' days. Nothing that a file of this kind
     * would hold is called missing on a day outside what such files cover. An invoice register covers
     * its stated window, else the span of its invoices' days.
     */
    void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay);
}
