package recon.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One difference the reconciliation found.
 *
 * @param orderId the order it concerns, or null
 * @param lineId the ledger line (账务流水号) it concerns, or null
 * @param expectedFen what should have been, in fen
 * @param actualFen what was, in fen
 * @param message a short sentence in Chinese, with no personal data
 */
public record Anomaly(
        AnomalyType type,
        Severity severity,
        LocalDate day,
        String orderId,
        String lineId,
        long expectedFen,
        long actualFen,
        String message) {

    /** The order anomalies are listed in: by day, type, order and line, so output never depends on input order. */
    public static final Comparator<Anomaly> ORDER = Comparator
            .comparing(Anomaly::day)
            .thenComparing(Anomaly::type)
            .thenComparing(Anomaly::orderId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Anomaly::lineId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Anomaly::expectedFen)
            .thenComparingLong(Anomaly::actualFen);

    public Anomaly {
        if (type == null || severity == null || day == null || message == null) {
            throw new IllegalArgumentException("type, severity, day and message are required");
        }
    }

    public long differenceFen() {
        return actualFen - expectedFen;
    }
}
