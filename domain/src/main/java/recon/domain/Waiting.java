package recon.domain;

import java.time.LocalDate;

/**
 * Why an anomaly is PENDING: the export of this kind that could hold its counterpart does not
 * cover these days yet.
 */
public record Waiting(FileKind kind, LocalDate first, LocalDate last) {
    public Waiting {
        if (kind == null || first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("a kind and a first day on or before the last are required");
        }
    }
}
