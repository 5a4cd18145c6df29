package recon.ingest;

import java.util.List;
import recon.domain.FileKind;

/** The columns that make a header row one kind of export. */
record Layout(FileKind kind, List<Column> columns) {

    Layout(FileKind kind, Column... columns) {
        this(kind, List.of(columns));
    }

    List<Column> missingIn(String[] header) {
        return columns.stream().filter(c -> c.required() && c.indexIn(header) < 0).toList();
    }

    long requiredCount() {
        return columns.stream().filter(Column::required).count();
    }
}
