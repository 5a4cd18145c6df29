package recon.ingest;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** The rows of a CSV file, with {@code #} lines kept as comments and physical line numbers. */
final class CsvTable implements Table, TableRow {
    private final Iterator<CsvRecord> records;
    private CsvRecord current;

    CsvTable(Reader reader) {
        this.records = CsvReader.builder()
                .commentStrategy(CommentStrategy.READ)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(new CsvShapeReader(reader))
                .iterator();
    }

    @Override
    public TableRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            current = records.next();
            return this;
        } catch (SourceStream.ReadFailure e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw FileIngest.unreadable(e.getCause());
        } catch (CsvParseException e) {
            long line = current == null ? 1 : current.getStartingLineNumber() + 1;
            throw new Rejection(line, "CSV 格式有误，无法读取");
        }
    }

    @Override
    public long line() {
        return current.getStartingLineNumber();
    }

    @Override
    public boolean isComment() {
        return current.isComment();
    }

    @Override
    public String commentText() {
        return current.getField(0);
    }

    @Override
    public int size() {
        return current.getFieldCount();
    }

    @Override
    public String cell(int index) {
        return index < current.getFieldCount() ? current.getField(index) : "";
    }
}
