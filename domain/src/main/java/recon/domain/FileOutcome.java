package recon.domain;

/**
 * What became of one input file: accepted with its row count, rejected whole with the line and the
 * reason, in words an accountant understands, or skipped as no export at all (a 说明.txt beside the
 * exports in a ZIP): kind UNKNOWN, nothing read, the reason said, and no error for the run.
 *
 * @param accepted true for an accepted or a skipped file: nothing of it needs fixing
 * @param line the 1-based line (row) the error is on, 0 when it concerns the whole file
 * @param error the rejection with its line, the reason a file was skipped, or null
 * @param account the account the file says it is of (a ledger's Alipay account, an order report's shop), or null
 */
public record FileOutcome(String name, FileKind kind, boolean accepted, long rows, int line, String error,
        StoreAccount account) {

    public FileOutcome(String name, FileKind kind, boolean accepted, long rows, int line, String error) {
        this(name, kind, accepted, rows, line, error, null);
    }

    public static FileOutcome accepted(String name, FileKind kind, long rows, StoreAccount account) {
        return new FileOutcome(name, kind, true, rows, 0, null, account);
    }

    public static FileOutcome accepted(String name, FileKind kind, long rows) {
        return accepted(name, kind, rows, null);
    }

    public static FileOutcome rejected(String name, FileKind kind, int line, String reason) {
        String where = line > 0 ? "第 " + line + " 行：" : "";
        return new FileOutcome(name, kind, false, 0, line, where + reason);
    }

    public static FileOutcome skipped(String name, String reason) {
        return new FileOutcome(name, FileKind.UNKNOWN, true, 0, 0, reason);
    }

    /** Not an export: nothing was read of it (an accepted file always has a kind). */
    public boolean skipped() {
        return accepted && kind == FileKind.UNKNOWN;
    }

    public String status() {
        return skipped() ? "SKIPPED" : accepted ? "ACCEPTED" : "REJECTED";
    }
}
