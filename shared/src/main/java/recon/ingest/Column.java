package recon.ingest;

import java.util.List;

/**
 * One column of an export: the name used in messages, whether the file is unusable without it, and
 * the header names it goes by (compared after {@link Cells#headerName}).
 */
record Column(String label, boolean required, List<String> aliases) {

    static Column required(String label, String... aliases) {
        return new Column(label, true, normalized(label, aliases));
    }

    static Column optional(String label, String... aliases) {
        return new Column(label, false, normalized(label, aliases));
    }

    private static List<String> normalized(String label, String... aliases) {
        if (aliases.length == 0) {
            return List.of(Cells.headerName(label));
        }
        return java.util.Arrays.stream(aliases).map(Cells::headerName).toList();
    }

    /** Where the column is in a header row, -1 when absent. An earlier alias wins over a later one. */
    int indexIn(String[] header) {
        for (String alias : aliases) {
            for (int i = 0; i < header.length; i++) {
                if (alias.equals(header[i])) {
                    return i;
                }
            }
        }
        return -1;
    }
}
