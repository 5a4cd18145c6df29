package recon.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import recon.domain.Ids;

/**
 * One list sheet of the workbook, written row by row as it goes, so that a sheet of a million rows never
 * sits in memory: a bold header row that stays frozen, column widths, an auto-filter over the whole list,
 * money as numbers in yuan with two decimals, text made safe ({@link CellText}). A list longer than
 * Excel's 1,048,576 rows goes on in "name (2)", "name (3)"….
 *
 * <p>The number of rows is given first (the file declares each sheet's size before its rows): every
 * {@link #endRow()} ends one of them, and {@link #finish()} refuses a list of another length.
 */
final class TableSheet {
    /** Excel's last row. */
    static final int MAX_ROWS = 1_048_576;

    /** A column: its header and width in characters. */
    record Column(String header, double width) {}

    private final WorkbookWriter workbook;
    private final String name;
    private final Column[] columns;
    private final double[] widths;
    private final int maxRows;
    /** The rows of the list still to start, this part's included. */
    private int remaining;
    private SheetWriter sheet;
    private int part = 1;
    /** The row being written in this part (the header is row 0), and whether it has been started. */
    private int row;
    private boolean started;
    /** The last row the auto-filter covers, when rows follow that are not part of the list. */
    private int listEnd = -1;
    /** A column whose cells offer a drop-down of choices, and the choices; -1 for none. */
    private int dropDownColumn = -1;
    private List<String> dropDownChoices = List.of();

    /** A list of {@code rows} rows below its header. */
    TableSheet(WorkbookWriter workbook, String name, int rows, Column... columns) throws IOException {
        this(workbook, name, rows, MAX_ROWS, columns);
    }

    /** A list that goes on in the next sheet after maxRows rows, header included. */
    TableSheet(WorkbookWriter workbook, String name, int rows, int maxRows, Column... columns) throws IOException {
        this.workbook = workbook;
        this.name = name;
        this.columns = columns;
        this.maxRows = maxRows;
        this.remaining = rows;
        this.widths = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            widths[c] = columns[c].width();
        }
        start(name);
    }

    private void start(String sheetName) throws IOException {
        sheet = workbook.sheet(sheetName, 1 + Math.min(remaining, maxRows - 1), widths);
        sheet.row(0);
        for (int c = 0; c < columns.length; c++) {
            sheet.text(c, columns[c].header(), CellStyle.HEADER);
        }
        row = 1;
        started = false;
    }

    /** The sheet the next cell goes in, its row started. */
    private SheetWriter sheet() throws IOException {
        if (!started) {
            if (remaining == 0) {
                throw new IllegalStateException(name + ": more rows than declared");
            }
            if (row == maxRows) {
                finish();
                part++;
                start(name + " (" + part + ")");
            }
            sheet.row(row);
            started = true;
        }
        return sheet;
    }

    void text(int column, String text) throws IOException {
        if (text != null && !text.isEmpty()) {
            sheet().text(column, CellText.safe(text), CellStyle.DEFAULT);
        }
    }

    /** An id kept as a number (its digits, as text) or as its text ({@link Ids}). */
    void id(int column, long number, String text) throws IOException {
        if (number == Ids.TEXT) {
            text(column, text);
        } else {
            sheet().digitsText(column, number);
        }
    }

    void count(int column, long count) throws IOException {
        sheet().number(column, count, CellStyle.DEFAULT);
    }

    void money(int column, long fen) throws IOException {
        sheet().fen(column, fen, CellStyle.MONEY);
    }

    /** An amount that may be unknown (a balance on a day without ledger lines): an empty cell then. */
    void money(int column, Long fen) throws IOException {
        if (fen != null) {
            money(column, fen.longValue());
        }
    }

    void rate(int column, BigDecimal rate) throws IOException {
        if (rate != null) {
            sheet().decimal(column, rate, CellStyle.RATE);
        }
    }

    void day(int column, LocalDate day) throws IOException {
        sheet().day(column, day);
    }

    void time(int column, long epochSecond) throws IOException {
        sheet().time(column, epochSecond);
    }

    /** Whether the next {@code rows} rows all go in this part of the list, none of them started. */
    boolean fitsInPart(int rows) {
        return !started && rows <= remaining && row + rows <= maxRows;
    }

    /** The rows from here to {@link #endSegment()} are kept deflated, for another workbook to take ({@link #append}). */
    void startSegment() throws IOException {
        requireNoRowStarted();
        sheet.startSegment();
    }

    ZipParts.Deflated endSegment() throws IOException {
        requireNoRowStarted();
        return sheet.endSegment();
    }

    /** Takes {@code rows} rows kept by another workbook's list of the same columns as the next rows. */
    void append(ZipParts.Deflated segment, int rows) throws IOException {
        if (!fitsInPart(rows)) {
            throw new IllegalStateException(name + ": " + rows + " rows do not fit in this part");
        }
        sheet.append(segment, rows);
        row += rows;
        remaining -= rows;
    }

    private void requireNoRowStarted() {
        if (started) {
            throw new IllegalStateException(name + ": row " + row + " is not ended");
        }
    }

    /** Ends the row, written or left empty. */
    void endRow() throws IOException {
        sheet();
        remaining--;
        row++;
        started = false;
    }

    /** Every cell of the column offers these choices (and only these) in a drop-down, in every part of the list. */
    void dropDown(int column, List<String> choices) {
        dropDownColumn = column;
        dropDownChoices = List.copyOf(choices);
    }

    /** The list ends here: the rows written after it (notes, a second small table) stay out of the filter. */
    void endList() {
        listEnd = row - 1;
    }

    void finish() throws IOException {
        int lastRow = listEnd >= 0 ? listEnd : row - 1;
        sheet.autoFilter(Math.max(lastRow, 1));
        if (dropDownColumn >= 0 && lastRow >= 1) {
            sheet.dropDown(dropDownColumn, 1, lastRow, dropDownChoices, columns[dropDownColumn].header());
        }
        sheet.finish();
    }
}
