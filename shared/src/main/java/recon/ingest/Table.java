package recon.ingest;

/** The rows of one file, in order. */
interface Table {
    /** The next row, or null at the end; throws {@link Rejection} when the file cannot be read on. */
    TableRow next();
}
