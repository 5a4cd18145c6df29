package recon.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Passes CSV text on to the parser while following its quotes, the way the parser reads them (a quote
 * opens a field only at its start, {@code ""} inside quotes is one quote, a {@code #} line is a
 * comment). It refuses what the parser would accept silently or only after buffering it whole: a row
 * longer than {@link #MAX_ROW_CHARS} or wider than {@link #MAX_COLUMNS}, and a quote still open at the
 * end of the file (it swallowed every row after it, the Alipay trailer included).
 */
final class CsvShapeReader extends Reader {
    /** Far beyond any real export row (a few hundred characters), small enough to hold. */
    static final int MAX_ROW_CHARS = 100_000;
    static final int MAX_COLUMNS = 1000;

    /** The text has a shape no export has, found on {@link #line}. */
    static final class BadShape extends IOException {
        final long line;

        BadShape(long line, String reason) {
            super(reason);
            this.line = line;
        }
    }

    // states of the reader, as ints: this runs for every character of the file
    private static final int ROW_START = 0;
    private static final int FIELD_START = 1;
    private static final int UNQUOTED = 2;
    private static final int QUOTED = 3;
    private static final int QUOTE_IN_QUOTED = 4;
    private static final int COMMENT = 5;

    private final Reader in;
    private int state = ROW_START;
    private long line = 1;
    private long rowLine = 1;
    /** Characters of the current row in the reads before this one. */
    private int rowChars;
    private int columns;

    CsvShapeReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            if (state == QUOTED) {
                throw new BadShape(rowLine, "引号没有闭合，文件可能不完整或已损坏");
            }
            return n;
        }
        // This runs over every character of the file: each state scans its run of ordinary characters
        // in a tight loop, and a row's length is counted by positions (the characters of the row in
        // earlier reads, plus those from rowStart in this one). A row is measured when it ends, when a
        // column is refused and at the end of the read: one over the limit is refused in the same read,
        // on the same line, as when counted character by character.
        int st = state;
        long lineNo = line;
        int end = offset + n;
        int rowStart = offset;
        int i = offset;
        scan:
        while (i < end) {
            char c = buffer[i];
            switch (st) {
                case ROW_START -> {
                    if (c == '\n' || c == '\r') {
                        i++; // a blank line, counted below
                    } else {
                        // the row's first character is read again in the state it opens
                        rowLine = lineNo;
                        rowStart = i;
                        rowChars = 0;
                        columns = 1;
                        st = c == '#' ? COMMENT : FIELD_START;
                    }
                }
                case QUOTED -> {
                    while (c != '"') {
                        if (c == '\n') {
                            lineNo++;
                        }
                        if (++i == end) {
                            break scan;
                        }
                        c = buffer[i];
                    }
                    i++;
                    st = QUOTE_IN_QUOTED;
                }
                case COMMENT -> {
                    while (c != '\n' && c != '\r') {
                        if (++i == end) {
                            break scan;
                        }
                        c = buffer[i];
                    }
                    i++;
                    st = endRow(i, rowStart);
                }
                case UNQUOTED -> {
                    // a quote inside a field opens nothing
                    while (c != ',' && c != '\n' && c != '\r') {
                        if (++i == end) {
                            break scan;
                        }
                        c = buffer[i];
                    }
                    i++;
                    st = c == ',' ? nextColumn(i, rowStart) : endRow(i, rowStart);
                }
                default -> {
                    // FIELD_START or QUOTE_IN_QUOTED: a quote opens a field, or is the second of ""
                    i++;
                    if (c == '"') {
                        st = QUOTED;
                    } else if (c == ',') {
                        st = nextColumn(i, rowStart);
                    } else if (c == '\n' || c == '\r') {
                        st = endRow(i, rowStart);
                    } else {
                        st = UNQUOTED;
                    }
                }
            }
            if (st == ROW_START && c == '\n') {
                lineNo++; // the break that ended a row, or of a blank line
            }
        }
        if (st != ROW_START) {
            rowChars += end - rowStart;
            if (rowChars > MAX_ROW_CHARS) {
                throw tooLong();
            }
        }
        state = st;
        line = lineNo;
        return n;
    }

    /** After the comma before {@code i}: the next column, unless the row has too many. */
    private int nextColumn(int i, int rowStart) throws BadShape {
        if (++columns > MAX_COLUMNS) {
            if (rowChars + i - rowStart > MAX_ROW_CHARS) {
                throw tooLong(); // it was too long before it was too wide
            }
            throw new BadShape(rowLine, "一行超过 " + MAX_COLUMNS + " 列，不是正常的导出文件");
        }
        return FIELD_START;
    }

    /** After the line break before {@code i}, which counts as a character of its row. */
    private int endRow(int i, int rowStart) throws BadShape {
        if (rowChars + i - rowStart > MAX_ROW_CHARS) {
            throw tooLong();
        }
        return ROW_START;
    }

    private BadShape tooLong() {
        return new BadShape(rowLine, "一行超过 " + MAX_ROW_CHARS + " 个字符，不是正常的导出文件");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
