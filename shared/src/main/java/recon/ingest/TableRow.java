package recon.ingest;

/** One row of a CSV or XLSX file as text, with its line (CSV) or row (XLSX) number. */
interface TableRow {
    long line();

    /** A {@code #} line: the Alipay preamble and trailer. */
    boolean isComment();

    /** The text of a comment line, without the {@code #}. */
    String commentText();

    int size();

    /** The raw text of a cell, "" when the row is shorter. */
    String cell(int index);

    default boolean isBlank() {
        for (int i = 0; i < size(); i++) {
            if (!Cells.clean(cell(i)).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
