package recon.ingest;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The rows of a CSV file, with {@code #} lines kept as comments and physical line numbers. Once the
 * parser is known, only the cells of the columns it reads are made into text (see {@link #readOnly}).
 */
final class CsvTable implements Table, TableRow {
    private final Fields fields = new Fields();
    private final Iterator<Row> rows;
    private Row current;

    CsvTable(Reader reader) {
        this.rows = CsvReader.builder()
                .commentStrategy(CommentStrategy.READ)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(fields, new CsvShapeReader(reader))
                .iterator();
    }

    @Override
    public TableRow next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            current = rows.next();
            return this;
        } catch (SourceStream.ReadFailure e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw FileIngest.unreadable(e.getCause());
        } catch (CsvParseException e) {
            long line = current == null ? 1 : current.line + 1;
            throw new Rejection(line, "CSV 格式有误，无法读取");
        }
    }

    @Override
    public void readOnly(boolean[] columns) {
        fields.read = columns;
    }

    @Override
    public long line() {
        return current.line;
    }

    @Override
    public boolean isComment() {
        return current.comment;
    }

    @Override
    public String commentText() {
        return current.cells[0];
    }

    @Override
    public int size() {
        return current.size;
    }

    /** A cell of a column not read is "" once the row is known not to be blank (see {@link Fields}). */
    @Override
    public String cell(int index) {
        if (index >= current.size) {
            return "";
        }
        String cell = current.cells[index];
        return cell == null ? "" : cell;
    }

    private record Row(long line, boolean comment, String[] cells, int size) {}

    /**
     * Turns the parser's fields into a row. A cell of a column not read is made into text only while
     * the row has shown no text yet, so that a row with nothing in the columns read but something in
     * another is still told from a blank one; in an export's rows the first column (an id) is read.
     */
    private static final class Fields extends AbstractBaseCsvCallbackHandler<Row> {
        /** The columns read, by index; null: all of them (the header is still being looked for). */
        boolean[] read;
        /** The widest row so far: the size of the next row's array. */
        private int width = 16;
        private String[] cells;
        private boolean hasText;

        @Override
        protected void handleBegin(long startingLineNumber) {
            cells = new String[width];
            hasText = false;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            if (read != null && hasText && (index >= read.length || !read[index])) {
                return;
            }
            if (index >= cells.length) {
                width = Math.max(cells.length * 2, index + 1);
                cells = Arrays.copyOf(cells, width);
            }
            String cell = new String(buffer, offset, length);
            cells[index] = cell;
            hasText = hasText || !Cells.clean(cell).isEmpty();
        }

        @Override
        protected void handleComment(char[] buffer, int offset, int length) {
            cells[0] = new String(buffer, offset, length);
        }

        @Override
        protected Row buildRecord() {
            return new Row(getStartingLineNumber(), getRecordType() == RecordType.COMMENT, cells, getFieldCount());
        }
    }
}
