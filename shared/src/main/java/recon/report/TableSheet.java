package recon.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import recon.domain.Times;

/**
 * One list sheet of the workbook, written row by row and flushed as it goes, so that a sheet of a
 * million rows never sits in memory: a bold header row that stays frozen, column widths, an
 * auto-filter over the whole list, money as numbers in yuan with two decimals, text made safe
 * ({@link CellText}). A list longer than Excel's 1,048,576 rows goes on in "name (2)", "name (3)"….
 *
 * <p>Number formats are noted per cell and given to the sheet just before its rows are flushed, one
 * range per run of equal formats down a column: FastExcel resolves a style per call, which costs
 * far more than writing the cell.
 */
final class TableSheet {
    static final String MONEY = "#,##0.00";
    static final String RATE = "0.00%";
    static final String DAY = "yyyy-mm-dd";
    static final String TIME = "yyyy-mm-dd hh:mm:ss";
    private static final int FLUSH_EVERY = 1_000;

    /** A column: its header and width in characters. */
    record Column(String header, double width) {}

    private final Workbook workbook;
    private final String name;
    private final Column[] columns;
    private final int maxRows;
    private Worksheet sheet;
    private int part = 1;
    private int row;
    /** The first row not flushed yet, and the number formats of the rows from there, by column. */
    private int firstPending;
    private final String[][] formats;
    /** The last row the auto-filter covers, when rows follow that are not part of the list. */
    private int listEnd = -1;
    /** A column whose cells offer a drop-down of choices, and the choices; -1 for none. */
    private int dropDownColumn = -1;
    private List<String> dropDownChoices = List.of();

    TableSheet(Workbook workbook, String name, Column... columns) {
        this(workbook, name, Worksheet.MAX_ROWS, columns);
    }

    /** A sheet that goes on in the next one after maxRows rows, header included. */
    TableSheet(Workbook workbook, String name, int maxRows, Column... columns) {
        this.workbook = workbook;
        this.name = name;
        this.columns = columns;
        this.maxRows = maxRows;
        this.formats = new String[FLUSH_EVERY][columns.length];
        start(name);
    }

    private void start(String sheetName) {
        sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < columns.length; c++) {
            sheet.width(c, columns[c].width());
            sheet.inlineString(0, c, columns[c].header());
        }
        sheet.range(0, 0, 0, columns.length - 1).style().bold().fillColor("DDEBF7").wrapText(true).set();
        sheet.freezePane(0, 1);
        row = 1;
        firstPending = 1;
    }

    /** The sheet the next cell goes in: a new part of the list once this one is full. */
    private Worksheet sheet() throws IOException {
        if (row == maxRows) {
            finish();
            part++;
            start(name + " (" + part + ")");
        }
        return sheet;
    }

    private void format(int column, String format) {
        formats[row - firstPending][column] = format;
    }

    void text(int column, String text) throws IOException {
        if (text != null && !text.isEmpty()) {
            sheet().inlineString(row, column, CellText.safe(text));
        }
    }

    void count(int column, long count) throws IOException {
        sheet().value(row, column, count);
    }

    void money(int column, long fen) throws IOException {
        sheet().value(row, column, BigDecimal.valueOf(fen, 2));
        format(column, MONEY);
    }

    /** An amount that may be unknown (a balance on a day without ledger lines): an empty cell then. */
    void money(int column, Long fen) throws IOException {
        if (fen != null) {
            money(column, fen.longValue());
        }
    }

    void rate(int column, BigDecimal rate) throws IOException {
        if (rate != null) {
            sheet().value(row, column, rate);
            format(column, RATE);
        }
    }

    void day(int column, LocalDate day) throws IOException {
        sheet().value(row, column, day);
        format(column, DAY);
    }

    void time(int column, long epochSecond) throws IOException {
        sheet().value(row, column, Times.local(epochSecond));
        format(column, TIME);
    }

    void endRow() throws IOException {
        row++;
        if (row - firstPending == FLUSH_EVERY) {
            flush();
        }
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
        applyFormats();
        int lastRow = listEnd >= 0 ? listEnd : row - 1;
        sheet.setAutoFilter(0, 0, Math.max(lastRow, 1), columns.length - 1);
        if (dropDownColumn >= 0 && lastRow >= 1) {
            sheet.range(1, dropDownColumn, lastRow, dropDownColumn)
                    .validateWithListByFormula("\"" + String.join(",", dropDownChoices) + "\"")
                    .allowBlank(true).showDropdown(true).showErrorMessage(true)
                    .errorStyle(DataValidationErrorStyle.STOP).errorTitle(columns[dropDownColumn].header())
                    .error("请从下拉列表中选择：" + String.join("、", dropDownChoices));
        }
        sheet.finish();
    }

    private void flush() throws IOException {
        applyFormats();
        sheet.flush();
    }

    /** Styles the pending rows, one range per run of equal formats down each column, and forgets them. */
    private void applyFormats() {
        int pending = row - firstPending;
        for (int c = 0; c < columns.length; c++) {
            int start = 0;
            for (int r = 1; r <= pending; r++) {
                String format = formats[start][c];
                if (r == pending || !Objects.equals(formats[r][c], format)) {
                    if (format != null) {
                        sheet.range(firstPending + start, c, firstPending + r - 1, c).style().format(format).set();
                    }
                    start = r;
                }
            }
        }
        for (int r = 0; r < pending; r++) {
            Arrays.fill(formats[r], null);
        }
        firstPending = row;
    }
}
