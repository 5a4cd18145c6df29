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
        // the fields in locals for the loop, stored back at the end (or when the shape is refused)
        int st = state;
        long lineNo = line;
        int chars = rowChars;
        try {
            for (int i = offset; i < offset + n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lineNo++;
                }
                if (st == ROW_START) {
                    if (c == '\r' || c == '\n') {
                        continue;
                    }
                    rowLine = lineNo;
                    chars = 0;
                    columns = 1;
                    st = c == '#' ? COMMENT : FIELD_START;
                }
                if (++chars > MAX_ROW_CHARS) {
                    throw new BadShape(rowLine, "一行超过 " + MAX_ROW_CHARS + " 个字符，不是正常的导出文件");
                }
                if (st == QUOTED) {
                    if (c == '"') {
                        st = QUOTE_IN_QUOTED;
                    }
                } else if (st == COMMENT) {
                    if (c == '\r' || c == '\n') {
                        st = ROW_START;
                    }
                } else if (c == '"' && st != UNQUOTED) {
                    // opens a field at its start, or is the second quote of "" inside quotes
                    st = QUOTED;
                } else if (c == ',') {
                    if (++columns > MAX_COLUMNS) {
                        throw new BadShape(rowLine, "一行超过 " + MAX_COLUMNS + " 列，不是正常的导出文件");
                    }
                    st = FIELD_START;
                } else if (c == '\r' || c == '\n') {
                    st = ROW_START;
                } else {
                    st = UNQUOTED;
                }
            }
        } finally {
            state = st;
            line = lineNo;
            rowChars = chars;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
