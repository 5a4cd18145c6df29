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

    private enum State { ROW_START, FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, COMMENT }

    private final Reader in;
    private State state = State.ROW_START;
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
            if (state == State.QUOTED) {
                throw new BadShape(rowLine, "引号没有闭合，文件可能不完整或已损坏");
            }
            return n;
        }
        for (int i = offset; i < offset + n; i++) {
            follow(buffer[i]);
        }
        return n;
    }

    private void follow(char c) throws BadShape {
        if (c == '\n') {
            line++;
        }
        if (state == State.ROW_START) {
            if (c == '\r' || c == '\n') {
                return;
            }
            rowLine = line;
            rowChars = 0;
            columns = 1;
            state = c == '#' ? State.COMMENT : State.FIELD_START;
        }
        if (++rowChars > MAX_ROW_CHARS) {
            throw new BadShape(rowLine, "一行超过 " + MAX_ROW_CHARS + " 个字符，不是正常的导出文件");
        }
        state = switch (state) {
            case COMMENT -> c == '\r' || c == '\n' ? State.ROW_START : State.COMMENT;
            case QUOTED -> c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED -> c == '"' ? State.QUOTED : outsideQuotes(c);
            case FIELD_START -> c == '"' ? State.QUOTED : outsideQuotes(c);
            default -> outsideQuotes(c);
        };
    }

    private State outsideQuotes(char c) throws BadShape {
        if (c == '\r' || c == '\n') {
            return State.ROW_START;
        }
        if (c == ',') {
            if (++columns > MAX_COLUMNS) {
                throw new BadShape(rowLine, "一行超过 " + MAX_COLUMNS + " 列，不是正常的导出文件");
            }
            return State.FIELD_START;
        }
        return State.UNQUOTED;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
