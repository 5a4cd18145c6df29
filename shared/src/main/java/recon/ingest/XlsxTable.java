package recon.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Iterator;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of the first sheet of an XLSX file, as the text a CSV export would hold: dates from their
 * Excel serial numbers, numbers as written in the file (so a long id shown in scientific notation
 * stays recognisable as destroyed). A row whose first cell starts with {@code #} is a comment.
 */
final class XlsxTable implements Table, TableRow {
    /** Excel's serial day 0 is 1899-12-30 (the 1900 system) or 1904-01-01. */
    private static final long SERIAL_EPOCH_1900 = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final long SERIAL_EPOCH_1904 = LocalDate.of(1904, 1, 1).toEpochDay();
    /** Excel's last day, 9999-12-31, as a 1900 serial: no real date is beyond it. */
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(2_958_466);

    private final Iterator<Row> rows;
    private final long serialEpoch;
    private long line;
    private String[] cells = new String[0];

    XlsxTable(Iterator<Row> rows, boolean date1904) {
        this.rows = rows;
        this.serialEpoch = date1904 ? SERIAL_EPOCH_1904 : SERIAL_EPOCH_1900;
    }

    @Override
    public TableRow next() {
        Row row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (Exception e) {
            // the reader parses the sheet and its shared strings lazily, and lets their XML errors
            // through as assorted exceptions
            throw new Rejection(0, FileIngest.CORRUPT_XLSX);
        }
        line = row.getRowNum();
        cells = new String[row.getCellCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = text(row.getCell(i));
        }
        return this;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case STRING -> cell.asString();
            case NUMBER -> isDateFormat(cell.getDataFormatString())
                    ? dateTime(cell)
                    : number(cell.getRawValue());
            case EMPTY -> "";
            default -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    /** A serial date-time as {@code 2026-11-02 10:11:12}, which the time parser reads. */
    private String dateTime(Cell cell) {
        BigDecimal serial = new BigDecimal(cell.getRawValue());
        if (serial.signum() < 0 || serial.compareTo(LAST_SERIAL) >= 0) {
            throw new Rejection(line, "单元格 " + cell.getAddress() + " 的日期 " + RowParser.quoted(cell.getRawValue())
                    + " 不是有效时间");
        }
        long seconds = serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long day = serialEpoch + Math.floorDiv(seconds, 86_400);
        long second = Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth(), second / 3600, second / 60 % 60, second % 60);
    }

    /**
     * Numbers as written, except the binary noise of computed amounts ({@code 12.300000000000001}) is
     * rounded off to the cent; a value that really has more decimals stays as it is (and is refused
     * as an amount).
     */
    private static String number(String raw) {
        int dot = raw.indexOf('.');
        if (dot < 0 || raw.length() - dot - 1 <= 2 || raw.indexOf('E') >= 0 || raw.indexOf('e') >= 0) {
            return raw;
        }
        BigDecimal value = new BigDecimal(raw);
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
        return cents.subtract(value).abs().compareTo(new BigDecimal("0.000001")) < 0
                ? cents.toPlainString() : raw;
    }

    /** A number format that shows a date or time: y, m, d, h, s (or 年月日) outside quotes and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '[') {
                bracketed = true;
            } else if (c == ']') {
                bracketed = false;
            } else if (c == '\\') {
                i++;
            } else if (!bracketed && "yYmMdDhHsS年月日".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public boolean isComment() {
        return cells.length > 0 && cells[0].startsWith("#");
    }

    @Override
    public String commentText() {
        return cells[0].substring(1);
    }

    @Override
    public int size() {
        return cells.length;
    }

    @Override
    public String cell(int index) {
        return index < cells.length ? cells[index] : "";
    }
}
