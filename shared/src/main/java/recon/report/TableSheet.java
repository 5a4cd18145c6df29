package recon.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import recon.domain.Times;

/**
 * One list sheet of the workbook, written row by row and flushed as it goes, so that a sheet of a
 * million rows never sits in memory: a bold header row that stays frozen, column widths, an
 * auto-filter over the whole list, money as numbers in yuan with two decimals, text made safe
 * ({@link CellText}). A list longer than Excel's 1,048,576 rows goes on in "name (2)", "name (3)"….
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
    /** The last row the auto-filter covers, when rows follow that are not part of the list. */
    private int listEnd = -1;

    TableSheet(Workbook workbook, String name, Column... columns) {
        this(workbook, name, Worksheet.MAX_ROWS, columns);
    }

    /** A sheet that goes on in the next one after maxRows rows, header included. */
    TableSheet(Workbook workbook, String name, int maxRows, Column... columns) {
        this.workbook = workbook;
        this.name = name;
        this.columns = columns;
        this.maxRows = maxRows;
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
    }

    void text(int column, String text) {
        if (text != null && !text.isEmpty()) {
            sheet.inlineString(row, column, CellText.safe(text));
        }
    }

    void count(int column, long count) {
        sheet.value(row, column, count);
    }

    void money(int column, long fen) {
        sheet.value(row, column, BigDecimal.valueOf(fen, 2));
        sheet.style(row, column).format(MONEY).set();
    }

    /** An amount that may be unknown (a balance on a day without ledger lines): an empty cell then. */
    void money(int column, Long fen) {
        if (fen != null) {
            money(column, fen.longValue());
        }
    }

    void rate(int column, BigDecimal rate) {
        if (rate != null) {
            sheet.value(row, column, rate);
            sheet.style(row, column).format(RATE).set();
        }
    }

    void day(int column, LocalDate day) {
        sheet.value(row, column, day);
        sheet.style(row, column).format(DAY).set();
    }

    void time(int column, long epochSecond) {
        sheet.value(row, column, Times.local(epochSecond));
        sheet.style(row, column).format(TIME).set();
    }

    void endRow() throws IOException {
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
        if (row == maxRows) {
            finish();
            part++;
            start(name + " (" + part + ")");
        }
    }

    /** The list ends here: the rows written after it (notes, a second small table) stay out of the filter. */
    void endList() {
        listEnd = row - 1;
    }

    void finish() throws IOException {
        int lastRow = listEnd >= 0 ? listEnd : row - 1;
        sheet.setAutoFilter(0, 0, Math.max(lastRow, 1), columns.length - 1);
        sheet.finish();
    }
}
