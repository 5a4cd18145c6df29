package recon.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The history of the bench as data: {@value #FILE}, one CSV row per measured run (an engine or peer run,
 * a pipeline run with one row per priced line, function and operation, a function's cold start). Every
 * {@code ./recon bench} appends its rows and prints its tables on the console; docs/benchmarks.md says
 * what each column holds for each kind of row and keeps the latest figures. Numbers are written without
 * thousands separators, with a point for decimals; an empty cell is a figure the run does not have.
 */
final class RunLog {
    /** The data file, relative to the project root. */
    static final String FILE = "docs/benchmarks/runs.csv";

    static final String ENGINE = "engine";
    static final String PEER = "peer";
    static final String PIPELINE = "pipeline";
    static final String PIPELINE_COST = "pipeline-cost";
    static final String PIPELINE_FUNCTION = "pipeline-function";
    static final String PIPELINE_REQUESTS = "pipeline-requests";
    static final String COLD_START = "cold-start";

    /** The columns, in the file's order; the header is their names in lower case. */
    enum Column {
        DATE, COMMIT, COMMAND, KIND, RUN, ORDERS, FILES, INPUT_MB, ROWS, WALL_S, CPU_S, PEAK_RSS_MIB, ANSWERS, VS_ENGINE,
        QUANTITY, COST_USD, COST_PER_100K_USD, MEMORY_MB, BATCH_SIZE, INVOCATIONS, MESSAGES, GB_S, WRITE_UNITS,
        READ_UNITS, MB_PUT, MB_GOT, JAR_MB, STARTUP_MS, INIT_MS, FIRST_EVENT_MS, LOAD_BEFORE, LOAD_AFTER, JVM_OPTIONS,
        MACHINE, NOTES;

        String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String HEADER = Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(","));

    /** One row: the cells set, the others empty. */
    static final class Row {
        private final EnumMap<Column, String> values = new EnumMap<>(Column.class);

        Row set(Column column, String value) {
            values.put(column, value == null ? "" : value);
            return this;
        }

        Row set(Column column, long value) {
            return set(column, Long.toString(value));
        }

        /** The number with that many decimals, rounded half up. */
        Row set(Column column, double value, int decimals) {
            return set(column, Double.isFinite(value) ? decimal(BigDecimal.valueOf(value), decimals) : "");
        }

        Row set(Column column, BigDecimal value, int decimals) {
            return set(column, value == null ? "" : decimal(value, decimals));
        }

        /** Adds a note to the notes cell, after those already there. */
        Row note(String note) {
            if (note == null || note.isBlank()) {
                return this;
            }
            String notes = get(Column.NOTES);
            return set(Column.NOTES, notes.isEmpty() ? note : notes + "; " + note);
        }

        String get(Column column) {
            return values.getOrDefault(column, "");
        }

        /** The row as one CSV line, without its line end. */
        String csv() {
            return Arrays.stream(Column.values()).map(c -> field(get(c))).collect(Collectors.joining(","));
        }
    }

    private RunLog() {}

    /**
     * A row of the run's kind. A commit as {@link BenchCommand#commit} gives it, "abc1234 (with uncommitted
     * changes)", goes in two cells: the hash, and the rest as a note.
     */
    static Row row(LocalDate date, String commit, String command, String kind, String run) {
        Row row = new Row().set(Column.DATE, date.toString()).set(Column.COMMAND, command).set(Column.KIND, kind)
                .set(Column.RUN, run);
        int space = commit.indexOf(' ');
        if (space < 0) {
            return row.set(Column.COMMIT, commit);
        }
        return row.set(Column.COMMIT, commit.substring(0, space))
                .note(commit.substring(space + 1).strip().replaceAll("^\\((.*)\\)$", "$1"));
    }

    /**
     * Appends the rows to the file, creating it (and its folder) with the header first. A file whose
     * header is not this one is left alone: its columns are not the ones these rows fill.
     */
    static void append(Path file, List<Row> rows) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            text.append(HEADER).append('\n');
        } else {
            String header;
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                header = lines.findFirst().orElse("");
            }
            if (!header.equals(HEADER)) {
                throw new IOException(file + " has other columns than the bench writes (" + header + "); expected " + HEADER);
            }
            if (!endsWithLineEnd(file)) {
                text.append('\n');
            }
        }
        rows.forEach(r -> text.append(r.csv()).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line end, its quotes doubled. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String decimal(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean endsWithLineEnd(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }
}
