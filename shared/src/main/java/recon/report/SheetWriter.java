package recon.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import recon.domain.Times;

/**
 * One sheet of a {@link WorkbookWriter}, streamed row by row into the package: rows in increasing order,
 * cells of a row left to right, text as inline strings in UTF-8, numbers as written (money from fen, days
 * and times as Excel serials), the first row frozen. Its size is declared when it starts, and finishing a
 * sheet whose rows do not fill that size exactly is a mistake of the caller, refused.
 */
final class SheetWriter {
    /** 1970-01-01 as an Excel serial day (the 1900 date system). */
    private static final long SERIAL_OF_EPOCH_DAY = 25_569;
    private static final long SECONDS_PER_DAY = 86_400;
    /** A time's fraction of the day is written with ten decimals: within 5 microseconds. */
    private static final long FRACTION_SCALE = 10_000_000_000L;
    private static final byte[] HEX = bytesOf("0123456789ABCDEF");
    private static final byte[] CELL = bytesOf("<c");
    private static final byte[] EMPTY_CELL = bytesOf("<c/>");
    /** {@code  s="6"} of each style, by ordinal. */
    private static final byte[][] STYLES = styleAttributes();
    private static final byte[] INLINE = bytesOf(" t=\"inlineStr\"><is><t>");
    private static final byte[] INLINE_SPACED = bytesOf(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] INLINE_END = bytesOf("</t></is></c>");
    private static final byte[] VALUE = bytesOf("><v>");
    private static final byte[] VALUE_END = bytesOf("</v></c>");
    private static final byte[] ROW = bytesOf("<row>");
    private static final byte[] NUMBERED_ROW = bytesOf("<row r=\"");
    private static final byte[] ROW_START_END = bytesOf("\">");
    private static final byte[] ROW_END = bytesOf("</row>");

    private final ZipParts zip;
    private final WorkbookWriter workbook;
    private final int index;
    private final int rows;
    private final int columns;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    /** The row written last, -1 before the first, and whether it is still open; the last column written in it. */
    private int row = -1;
    private boolean rowOpen;
    private int column = -1;
    private String validation = "";
    private boolean finished;

    SheetWriter(ZipParts zip, WorkbookWriter workbook, int index, int rows, double[] widths) throws IOException {
        if (rows < 1 || widths.length < 1) {
            throw new IllegalArgumentException("a sheet has at least one row and one column");
        }
        this.zip = zip;
        this.workbook = workbook;
        this.index = index;
        this.rows = rows;
        this.columns = widths.length;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
                .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
                .append("<dimension ref=\"A1:").append(columnName(widths.length - 1)).append(rows).append("\"/>")
                .append("<sheetViews><sheetView").append(index == 0 ? " tabSelected=\"1\"" : "").append(" workbookViewId=\"0\">")
                .append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                .append("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int c = 0; c < widths.length; c++) {
            xml.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                    .append(BigDecimal.valueOf(widths[c]).stripTrailingZeros().toPlainString())
                    .append("\" customWidth=\"1\"/>");
        }
        markup(xml.append("</cols><sheetData>").toString());
    }

    /** Starts row {@code r} (0-based), after the row before. */
    void row(int r) throws IOException {
        if (r <= row || r >= rows) {
            throw new IllegalStateException("row " + (r + 1) + " after row " + (row + 1) + " of a sheet of " + rows);
        }
        endRow();
        if (r == row + 1) {
            bytes(ROW);
        } else {
            bytes(NUMBERED_ROW);
            digits(r + 1);
            bytes(ROW_START_END);
        }
        row = r;
        rowOpen = true;
        column = -1;
    }

    /**
     * From the next row on, the rows' deflated bytes are kept, until {@link #endSegment()}: rows that another
     * sheet can take as they are ({@link #append}), as they carry no row or cell reference.
     */
    void startSegment() throws IOException {
        endRow();
        flush();
        zip.capture();
    }

    /** The rows written since {@link #startSegment()}, deflated. */
    ZipParts.Deflated endSegment() throws IOException {
        endRow();
        flush();
        return zip.captured();
    }

    /** Takes {@code rows} rows another sheet deflated ({@link #endSegment()}) as the rows after the last one. */
    void append(ZipParts.Deflated segment, int rows) throws IOException {
        if (rows < 1 || row + rows >= this.rows) {
            throw new IllegalStateException(rows + " rows after row " + (row + 1) + " of a sheet of " + this.rows);
        }
        endRow();
        flush();
        zip.append(segment);
        row += rows;
        column = -1;
    }

    void text(int c, String text, CellStyle style) throws IOException {
        if (text == null || text.isEmpty()) {
            if (style != CellStyle.DEFAULT) {
                blank(c, style);
            }
            return;
        }
        startCell(c, style);
        boolean spaced = isSpace(text.charAt(0)) || isSpace(text.charAt(text.length() - 1));
        bytes(spaced ? INLINE_SPACED : INLINE);
        escaped(text);
        bytes(INLINE_END);
    }

    /** A number that is text to the reader, such as an id: its digits as an inline string. */
    void digitsText(int c, long value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("an id kept as a number is not negative: " + value);
        }
        startCell(c, CellStyle.DEFAULT);
        bytes(INLINE);
        digits(value);
        bytes(INLINE_END);
    }

    void number(int c, long value, CellStyle style) throws IOException {
        startCell(c, style);
        bytes(VALUE);
        digits(value);
        bytes(VALUE_END);
    }

    /** An amount in fen, written in yuan: {@code -1234} as {@code -12.34}. */
    void fen(int c, long fen, CellStyle style) throws IOException {
        startCell(c, style);
        bytes(VALUE);
        if (fen < 0) {
            ensure(1);
            buffer[length++] = '-';
        }
        long yuan = Math.abs(fen / 100);
        long cents = Math.abs(fen % 100);
        digits(yuan);
        ensure(3);
        buffer[length++] = '.';
        buffer[length++] = (byte) ('0' + cents / 10);
        buffer[length++] = (byte) ('0' + cents % 10);
        bytes(VALUE_END);
    }

    void decimal(int c, BigDecimal value, CellStyle style) throws IOException {
        startCell(c, style);
        bytes(VALUE);
        ascii(value.toPlainString());
        bytes(VALUE_END);
    }

    void day(int c, LocalDate day) throws IOException {
        number(c, SERIAL_OF_EPOCH_DAY + day.toEpochDay(), CellStyle.DAY);
    }

    /** A moment, as the Asia/Shanghai date and time it was. */
    void time(int c, long epochSecond) throws IOException {
        long secondOfDay = Times.secondOfDay(epochSecond);
        startCell(c, CellStyle.TIME);
        bytes(VALUE);
        digits(SERIAL_OF_EPOCH_DAY + Times.epochDay(epochSecond));
        long fraction = (secondOfDay * FRACTION_SCALE + SECONDS_PER_DAY / 2) / SECONDS_PER_DAY;
        if (fraction > 0) {
            ensure(11);
            buffer[length++] = '.';
            int end = length + 10;
            for (int i = end - 1; i >= length; i--) {
                buffer[i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            length = end;
            while (buffer[length - 1] == '0') {
                length--;
            }
        }
        bytes(VALUE_END);
    }

    /** A cell with a style and no value (a heading row's colour across the sheet). */
    void blank(int c, CellStyle style) throws IOException {
        startCell(c, style);
        ascii("/>");
    }

    /** An auto-filter over the header and the rows up to {@code lastRow} (0-based). */
    void autoFilter(int lastRow) {
        String last = columnName(columns - 1);
        workbook.filter(index, "$A$1:$" + last + "$" + (lastRow + 1));
        validation = "<autoFilter ref=\"A1:" + last + (lastRow + 1) + "\"/>" + validation;
    }

    /** Every cell of the column from row {@code first} to {@code last} (0-based) takes only one of the choices. */
    void dropDown(int c, int first, int last, List<String> choices, String title) {
        String sqref = columnName(c) + (first + 1) + ":" + columnName(c) + (last + 1);
        validation += "<dataValidations count=\"1\"><dataValidation type=\"list\" errorStyle=\"stop\" allowBlank=\"1\""
                + " showErrorMessage=\"1\" errorTitle=\"" + escape(title) + "\" error=\""
                + escape("请从下拉列表中选择：" + String.join("、", choices)) + "\" sqref=\"" + sqref + "\">"
                + "<formula1>" + escape("\"" + String.join(",", choices) + "\"") + "</formula1></dataValidation>"
                + "</dataValidations>";
    }

    void finish() throws IOException {
        if (row != rows - 1) {
            throw new IllegalStateException("a sheet of " + rows + " rows ended after row " + (row + 1));
        }
        endRow();
        ascii("</sheetData>");
        markup(validation);
        ascii("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        ascii("</worksheet>");
        flush();
        zip.endEntry();
        finished = true;
    }

    boolean finished() {
        return finished;
    }

    private void endRow() throws IOException {
        if (rowOpen) {
            bytes(ROW_END);
            rowOpen = false;
        }
    }

    /**
     * Writes {@code <c s="6"}, after an empty {@code <c/>} for each skipped cell: a cell without a reference
     * ({@code r="D2"}) is the column after the cell before (ECMA-376 Part 1, 18.3.1.4), which spares a tenth
     * of the sheet's bytes, and a row without references reads the same wherever it stands. The rest of the
     * start tag is the caller's.
     */
    private void startCell(int c, CellStyle style) throws IOException {
        if (!rowOpen || c <= column || c >= columns) {
            throw new IllegalStateException("cell " + (c + 1) + " after cell " + (column + 1) + " of row " + (row + 1));
        }
        for (int skipped = column + 1; skipped < c; skipped++) {
            bytes(EMPTY_CELL);
        }
        bytes(CELL);
        column = c;
        if (style != CellStyle.DEFAULT) {
            bytes(STYLES[style.ordinal()]);
        }
    }

    private void digits(long value) throws IOException {
        if (value < 0) {
            ascii(Long.toString(value));
            return;
        }
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        ensure(count);
        int end = length + count;
        for (int i = end - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    private void bytes(byte[] markup) throws IOException {
        ensure(markup.length);
        System.arraycopy(markup, 0, buffer, length, markup.length);
        length += markup.length;
    }

    private static byte[][] styleAttributes() {
        byte[][] attributes = new byte[CellStyle.values().length][];
        for (CellStyle style : CellStyle.values()) {
            attributes[style.ordinal()] = bytesOf(" s=\"" + style.ordinal() + "\"");
        }
        return attributes;
    }

    private static byte[] bytesOf(String markup) {
        return markup.getBytes(StandardCharsets.US_ASCII);
    }

    /** Markup already escaped, which may hold any character. */
    private void markup(String xml) throws IOException {
        flush();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        zip.write(bytes, 0, bytes.length);
    }

    /** Markup of ASCII characters only. */
    private void ascii(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            ensure(1);
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    /**
     * Text as UTF-8 with XML's markup characters and the carriage return escaped; characters XML cannot hold (controls) as Excel's
     * {@code _xHHHH_}, and an underscore that would read as such an escape escaped itself.
     */
    private void escaped(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            ensure(12);
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '&' -> ascii("&amp;");
                    case '\r' -> ascii("&#13;"); // a reader would read a bare one as a line feed
                    case '_' -> {
                        if (looksEscaped(text, i)) {
                            ascii("_x005F_");
                        } else {
                            buffer[length++] = '_';
                        }
                    }
                    default -> {
                        if (c < 0x20 && c != '\t' && c != '\n') {
                            excelEscape(c);
                        } else {
                            buffer[length++] = (byte) c;
                        }
                    }
                }
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | c >> 6);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                buffer[length++] = (byte) (0xF0 | code >> 18);
                buffer[length++] = (byte) (0x80 | code >> 12 & 0x3F);
                buffer[length++] = (byte) (0x80 | code >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                excelEscape(Character.isSurrogate(c) ? '\uFFFD' : c);
            } else {
                buffer[length++] = (byte) (0xE0 | c >> 12);
                buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void excelEscape(char c) {
        buffer[length++] = '_';
        buffer[length++] = 'x';
        for (int shift = 12; shift >= 0; shift -= 4) {
            buffer[length++] = HEX[c >> shift & 0xF];
        }
        buffer[length++] = '_';
    }

    /** {@code _x} four hex digits {@code _} from {@code i}: what a reader would take for an escape. */
    private static boolean looksEscaped(String text, int i) {
        if (i + 6 >= text.length() || text.charAt(i + 1) != 'x' || text.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void ensure(int bytes) throws IOException {
        if (length + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() throws IOException {
        zip.write(buffer, 0, length);
        length = 0;
    }

    /** The column's letters: 0 is A, 25 is Z, 26 is AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    /** Text for an XML attribute or element of the package's small parts. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
