package recon.domain;

/**
 * What became of one input file: accepted with its row count, or rejected whole with the line and
 * the reason, in words an accountant understands.
 *
 * @param line the 1-based line (row) the error is on, 0 when it concerns the whole file
 */
public record FileOutcome(String name, FileKind kind, boolean accepted, long rows, int line, String error) {

    public static FileOutcome accepted(String name, FileKind kind, long rows) {
        return new FileOutcome(name, kind, true, rows, 0, null);
    }

    public static FileOutcome rejected(String name, FileKind kind, int line, String reason) {
        String where = line > 0 ? "第 " + line + " 行：" : "";
        return new FileOutcome(name, kind, false, 0, line, where + reason);
    }

    public String status() {
        return accepted ? "ACCEPTED" : "REJECTED";
    }
}
