package recon.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The rows of one sheet of an XLSX file, streamed from its XML, as the text a CSV export would hold: shared
 * and inline strings as written, dates from their Excel serial numbers, numbers as written in the file (so
 * a long id shown in scientific notation stays recognisable as destroyed), a formula's cached value. A row
 * whose first cell starts with {@code #} is a comment. A cell beyond Excel's last column (XFD) is refused
 * before anything is made of it.
 */
final class XlsxTable implements Table, TableRow {
    static final int LAST_EXCEL_COLUMN = 16_384;
    /** Excel's serial day 0 is 1899-12-30 (the 1900 system) or 1904-01-01. */
    private static final long SERIAL_EPOCH_1900 = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final long SERIAL_EPOCH_1904 = LocalDate.of(1904, 1, 1).toEpochDay();
    /** Excel's last day, 9999-12-31, as a 1900 serial: no real date is beyond it. */
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(2_958_466);
    private static final long LAST_SERIAL_SECONDS = 2_958_466L * 86_400;
    /** Powers of ten up to 10^12. */
    private static final long[] TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    private final XlsxXml xml;
    private final XlsxPackage workbook;
    private final long serialEpoch;
    /** The columns whose text is asked for; null: all. */
    private boolean[] read;
    private long line;
    private String[] cells = new String[32];
    private int size;
    private boolean ended;

    XlsxTable(XlsxXml xml, XlsxPackage workbook) {
        this.xml = xml;
        this.workbook = workbook;
        this.serialEpoch = workbook.date1904() ? SERIAL_EPOCH_1904 : SERIAL_EPOCH_1900;
    }

    @Override
    public void readOnly(boolean[] columns) {
        read = columns.clone();
    }

    @Override
    public TableRow next() {
        while (!ended) {
            int event = xml.next();
            if (event == XlsxXml.EOF) {
                throw new Rejection(0, FileIngest.CORRUPT_XLSX); // the sheet ends before its rows do
            }
            if (xml.is("sheetData")) {
                ended = event == XlsxXml.END || xml.isEmpty();
            } else if (event == XlsxXml.START && xml.is("row")) {
                return row();
            }
        }
        return null;
    }

    private TableRow row() {
        String number = xml.attribute("r");
        long previous = line;
        line = number == null ? line + 1 : rowNumber(number);
        if (line <= previous) {
            throw new Rejection(0, FileIngest.CORRUPT_XLSX); // rows go down the sheet
        }
        Arrays.fill(cells, 0, size, null);
        size = 0;
        if (xml.isEmpty()) {
            return this;
        }
        int column = 0;
        while (true) {
            int event = xml.next();
            if (event == XlsxXml.EOF) {
                throw new Rejection(0, FileIngest.CORRUPT_XLSX);
            }
            if (event == XlsxXml.END && xml.is("row")) {
                return this;
            }
            if (event == XlsxXml.START && xml.is("c")) {
                column = readCell(column);
            }
        }
    }

    /** Reads the cell whose start tag is current, after the cell of the 1-based column given; its column. */
    private int readCell(int previous) {
        long referenced = xml.columnAttribute("r", LAST_EXCEL_COLUMN);
        long column = referenced == 0 ? previous + 1 : referenced;
        if (column > LAST_EXCEL_COLUMN) {
            String reference = xml.attribute("r");
            String cell = reference == null ? "第 " + line + " 行第 " + column + " 列" : shortened(reference);
            throw new Rejection(0, "单元格 " + cell + " 超出 Excel 的最后一列 XFD，文件已损坏或被改动过");
        }
        CellType type = CellType.of(xml);
        int style = xml.intAttribute("s", 0);
        String value = null;
        StringBuilder inline = null;
        if (!xml.isEmpty()) {
            int depth = 1;
            boolean phonetic = false;
            while (depth > 0) {
                int event = xml.next();
                if (event == XlsxXml.EOF) {
                    throw new Rejection(0, FileIngest.CORRUPT_XLSX);
                }
                if (event == XlsxXml.END) {
                    depth--;
                    phonetic &= !xml.is("rPh");
                } else if (!xml.isEmpty()) {
                    depth++;
                    if (xml.is("v")) {
                        value = xml.text();
                    } else if (xml.is("rPh")) {
                        phonetic = true; // the reading aid above East Asian text, not the text
                    } else if (xml.is("t") && !phonetic) {
                        inline = (inline == null ? new StringBuilder() : inline).append(xml.text());
                    }
                }
            }
        }
        int index = (int) column - 1;
        if (index >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(index + 1, cells.length * 2));
        }
        String raw = value != null ? value : inline != null ? inline.toString() : "";
        // a column not asked for keeps its raw text, enough to tell a blank row; the first tells a comment
        boolean wanted = read == null || index == 0 || index < read.length && read[index];
        cells[index] = wanted ? text(type, style, raw, value, inline, (int) column) : raw;
        size = Math.max(size, index + 1);
        return (int) column;
    }

    /** What a cell's {@code t} says its value is. */
    private enum CellType {
        NUMBER, SHARED_STRING, INLINE_STRING, ISO_DATE, AS_WRITTEN;

        static CellType of(XlsxXml xml) {
            if (xml.attributeIs("t", "s")) {
                return SHARED_STRING;
            }
            String type = xml.attribute("t");
            return switch (type == null ? "n" : type) {
                case "n" -> NUMBER;
                case "inlineStr" -> INLINE_STRING;
                case "d" -> ISO_DATE;
                default -> AS_WRITTEN; // str (a formula's text), b (1 or 0), e (#N/A)
            };
        }
    }

    private String text(CellType type, int style, String raw, String value, StringBuilder inline, int column) {
        return switch (type) {
            case NUMBER -> value == null || value.isEmpty() ? ""
                    : workbook.isDateStyle(style) ? dateTime(value, column) : number(value);
            case SHARED_STRING -> value == null ? "" : workbook.sharedString(value);
            case INLINE_STRING -> inline == null ? "" : XlsxPackage.unescaped(inline.toString());
            case ISO_DATE -> isoDateTime(raw);
            case AS_WRITTEN -> raw;
        };
    }

    /** A serial date-time as {@code 2026-11-02 10:11:12}, which the time parser reads. */
    private String dateTime(String raw, int column) {
        long seconds = serialSeconds(raw);
        if (seconds < 0) {
            String address = columnName(column) + line;
            throw new Rejection(line, "单元格 " + address + " 的日期 " + RowParser.quoted(raw) + " 不是有效时间");
        }
        long second = Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(serialEpoch + Math.floorDiv(seconds, 86_400));
        char[] text = "0000-00-00 00:00:00".toCharArray();
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 2, date.getMonthValue());
        digits(text, 8, 2, date.getDayOfMonth());
        digits(text, 11, 2, second / 3600);
        digits(text, 14, 2, second / 60 % 60);
        digits(text, 17, 2, second % 60);
        return new String(text);
    }

    /**
     * A serial date-time in seconds from its day 0, rounded to the second; -1 when it is no date (negative,
     * beyond 9999-12-31, not a number). Plain decimals, as every writer writes them, are read exactly in
     * integers; anything else (an exponent) through BigDecimal.
     */
    private static long serialSeconds(String raw) {
        int dot = raw.indexOf('.');
        int end = raw.length();
        if (end > 0 && end <= 30 && (dot < 0 ? end : dot) <= 7 && isDigits(raw, 0, dot < 0 ? end : dot)
                && (dot < 0 || dot > 0 && isDigits(raw, dot + 1, end))) {
            long whole = Long.parseLong(raw, 0, dot < 0 ? end : dot, 10);
            long fractionSeconds = 0;
            if (dot >= 0 && dot + 1 < end) {
                // at most 12 decimals count: a millionth of a second, well past the rounding to seconds
                int digits = Math.min(end - dot - 1, 12);
                long fraction = Long.parseLong(raw, dot + 1, dot + 1 + digits, 10);
                long scale = TEN[digits];
                fractionSeconds = (fraction * 86_400 + scale / 2) / scale;
            }
            long seconds = whole * 86_400 + fractionSeconds;
            return seconds < LAST_SERIAL_SECONDS ? seconds : -1;
        }
        BigDecimal serial;
        try {
            serial = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return -1;
        }
        if (serial.signum() < 0 || serial.compareTo(LAST_SERIAL) >= 0) {
            return -1;
        }
        return serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static boolean isDigits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void digits(char[] text, int at, int count, long value) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** An ISO 8601 date cell ({@code t="d"}, {@code 2026-11-02T10:11:12}) as the time parser reads it. */
    private static String isoDateTime(String raw) {
        String text = raw.replace('T', ' ');
        return text.endsWith(".000") ? text.substring(0, text.length() - 4) : text;
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
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
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

    private static long rowNumber(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Rejection(0, FileIngest.CORRUPT_XLSX);
        }
    }

    private static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    private static String shortened(String reference) {
        return reference.length() <= 12 ? reference : reference.substring(0, 12) + "…";
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public boolean isComment() {
        return size > 0 && cell(0).startsWith("#");
    }

    @Override
    public String commentText() {
        return cell(0).substring(1);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String cell(int index) {
        String cell = index < size ? cells[index] : null;
        return cell == null ? "" : cell;
    }
}
