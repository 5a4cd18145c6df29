package recon.ingest;

/**
 * Ends the reading of one file: the file is rejected whole, with the line and a reason an
 * accountant understands. Thrown once per bad file, so it carries no stack trace.
 */
final class Rejection extends RuntimeException {
    final long line;
    final String reason;

    Rejection(long line, String reason) {
        super(reason, null, false, false);
        this.line = line;
        this.reason = reason;
    }
}
