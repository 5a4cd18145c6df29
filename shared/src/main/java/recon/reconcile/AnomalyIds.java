package recon.reconcile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import recon.domain.Anomaly;

/**
 * An anomaly's id (docs/contracts.md, "The anomaly lifecycle"): the first 16 hex digits of SHA-256 of
 * tenant, store, type and the anomaly's own key — the order for what concerns an order, the ledger
 * line for what concerns a line, the refund for a refund, the day for a day's check. Never a file
 * name, an arrival order or a run time, and never a field more data can change (a day that moves
 * with a later 确认收货, a line an order's next settlement replaces), so the same anomaly keeps its id.
 */
public final class AnomalyIds {
    private AnomalyIds() {}

    public static String of(String tenant, String store, Anomaly anomaly) {
        String text = tenant + "\u001f" + store + "\u001f" + anomaly.type().name() + "\u001f" + key(anomaly);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** What the anomaly is about, by type. */
    static String key(Anomaly a) {
        return switch (a.type()) {
            case MISSING_SETTLEMENT, AMOUNT_MISMATCH, DUPLICATE_SETTLEMENT, FEE_MISMATCH,
                    INVOICE_MISSING, INVOICE_DUPLICATE, INVOICE_AMOUNT_MISMATCH -> "order " + a.orderId();
            case SETTLEMENT_ON_CLOSED_ORDER, UNMATCHED_SETTLEMENT, REFUND_AMOUNT_MISMATCH, UNEXPLAINED_REFUND ->
                    "line " + a.lineId();
            case INVOICE_WITHOUT_ORDER -> "invoice " + a.invoiceId();
            case REFUND_NOT_DEDUCTED -> "refund " + Objects.requireNonNullElse(a.refundId(), "order " + a.orderId());
            case BALANCE_BREAK, BALANCE_GAP, REFUND_RATE_HIGH, FEE_RATIO_HIGH -> "day " + a.day();
        };
    }
}
