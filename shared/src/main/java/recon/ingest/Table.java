package recon.ingest;

/** The rows of one file, in order. */
interface Table {
    /** The next row, or null at the end; throws {@link Rejection} when the file cannot be read on. */
    TableRow next();

    /**
     * From now on only the cells of these columns (by index, true: read) are asked for, besides
     * telling a blank row: a table may leave the text of the others unmade.
     */
    default void readOnly(boolean[] columns) {}
}
