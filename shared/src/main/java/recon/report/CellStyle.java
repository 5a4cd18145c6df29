package recon.report;

/**
 * The cell styles of the report workbook. The workbook's styles part lists them in this order, so a
 * style's ordinal is its index there ({@link WorkbookWriter}).
 */
enum CellStyle {
    DEFAULT(false, 11, null, false, false, null),
    /** The workbook's title. */
    TITLE(true, 14, null, false, false, null),
    /** A warning about the figures below it, in the page's orange (ReportPage's .warn). */
    WARNING(true, 11, "FFEF6C00", false, false, null),
    /** The data is incomplete, in the page's red (ReportPage's .incomplete). */
    INCOMPLETE(true, 11, "FFC62828", false, false, null),
    /** A heading row of the summary. */
    HEADING(true, 11, null, true, false, null),
    /** The header row of a list. */
    HEADER(true, 11, null, true, true, null),
    MONEY(false, 11, null, false, false, "#,##0.00"),
    DAY(false, 11, null, false, false, "yyyy-mm-dd"),
    TIME(false, 11, null, false, false, "yyyy-mm-dd hh:mm:ss"),
    RATE(false, 11, null, false, false, "0.00%");

    /** The light blue behind headings. */
    static final String HEADING_FILL = "FFDDEBF7";

    final boolean bold;
    final int points;
    /** The font's colour as ARGB, null for black. */
    final String colour;
    final boolean filled;
    final boolean wrapped;
    /** The number format, null for General. */
    final String numberFormat;

    CellStyle(boolean bold, int points, String colour, boolean filled, boolean wrapped, String numberFormat) {
        this.bold = bold;
        this.points = points;
        this.colour = colour;
        this.filled = filled;
        this.wrapped = wrapped;
        this.numberFormat = numberFormat;
    }
}
