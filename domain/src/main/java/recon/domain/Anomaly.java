package recon.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One difference the reconciliation found, and where it stands in closing the books.
 *
 * @param orderId the order it concerns, or null
 * @param lineId the ledger line (账务流水号) it concerns, or null
 * @param refundId the refund (退款编号) it concerns, or null
 * @param invoiceId the invoice (发票号码) it concerns, or null
 * @param expectedFen what should have been, in fen
 * @param actualFen what was, in fen
 * @param message a short sentence in Chinese, with no personal data
 * @param waitingFor the export that could still explain it, when the rules made it PENDING; else null
 * @param id 16 hex digits from tenant, store, type and the anomaly's own key ({@code recon.reconcile.AnomalyIds});
 *     null until the store's books are closed over it
 * @param status PENDING when {@code waitingFor} is set, else OPEN, until a person or a rule says otherwise
 * @param resolution the person's or rule's word that set the status, or null
 */
public record Anomaly(
        AnomalyType type,
        Severity severity,
        LocalDate day,
        String orderId,
        String lineId,
        String refundId,
        String invoiceId,
        long expectedFen,
        long actualFen,
        String message,
        Waiting waitingFor,
        String id,
        AnomalyStatus status,
        Resolution resolution) {

    /** The order anomalies are listed in: by day, type, order and line, so output never depends on input order. */
    public static final Comparator<Anomaly> ORDER = Comparator
            .comparing(Anomaly::day)
            .thenComparing(Anomaly::type)
            .thenComparing(Anomaly::orderId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Anomaly::lineId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Anomaly::refundId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Anomaly::invoiceId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Anomaly::expectedFen)
            .thenComparingLong(Anomaly::actualFen);

    public Anomaly {
        if (type == null || severity == null || day == null || message == null || status == null) {
            throw new IllegalArgumentException("type, severity, day, message and status are required");
        }
    }

    /** A finding of the rules: OPEN, or PENDING while {@code waitingFor} is not covered. */
    public Anomaly(AnomalyType type, Severity severity, LocalDate day, String orderId, String lineId,
            String refundId, String invoiceId, long expectedFen, long actualFen, String message, Waiting waitingFor) {
        this(type, severity, day, orderId, lineId, refundId, invoiceId, expectedFen, actualFen, message, waitingFor,
                null, waitingFor == null ? AnomalyStatus.OPEN : AnomalyStatus.PENDING, null);
    }

    /** An OPEN finding that concerns no refund. */
    public Anomaly(AnomalyType type, Severity severity, LocalDate day, String orderId, String lineId,
            long expectedFen, long actualFen, String message) {
        this(type, severity, day, orderId, lineId, null, null, expectedFen, actualFen, message, null);
    }

    public long differenceFen() {
        return actualFen - expectedFen;
    }

    /** The status the data alone gives it: PENDING while it waits for an export, else OPEN. */
    public AnomalyStatus dataStatus() {
        return waitingFor == null ? AnomalyStatus.OPEN : AnomalyStatus.PENDING;
    }

    public Anomaly withId(String anomalyId) {
        return new Anomaly(type, severity, day, orderId, lineId, refundId, invoiceId, expectedFen, actualFen, message,
                waitingFor, anomalyId, status, resolution);
    }

    /** The status a person or a rule set, with their word (null: back to what the data says). */
    public Anomaly settledBy(Resolution word) {
        AnomalyStatus set = word == null || word.action().status() == null ? dataStatus() : word.action().status();
        return new Anomaly(type, severity, day, orderId, lineId, refundId, invoiceId, expectedFen, actualFen, message,
                waitingFor, id, set, word);
    }
}
