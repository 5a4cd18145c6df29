package recon.ingest;

/**
 * Ends the reading of one file: the file is rejected whole, with the line and a reason an
 * accountant understands. Thrown once per bad file, so it carries no stack trace.
 */
final class Rejection extends RuntimeException {
    final long line;
    final String reason;
    /** Nothing of the file was read: no header of any export was found (a workbook's other sheets may have one). */
    final boolean noTable;

    Rejection(long line, String reason) {
        this(line, reason, false);
    }

    private Rejection(long line, String reason, boolean noTable) {
        super(reason, null, false, false);
        this.line = line;
        this.reason = reason;
        this.noTable = noTable;
    }

    /** No header of any export: empty, or a cover sheet's text. */
    static Rejection noTable(long line, String reason) {
        return new Rejection(line, reason, true);
    }
}
