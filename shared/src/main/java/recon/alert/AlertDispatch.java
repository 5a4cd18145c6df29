package recon.alert;

import java.time.YearMonth;
import java.util.List;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.FileOutcome;
import recon.domain.IncompleteData;
import recon.port.Alert;
import recon.port.AlertLog;
import recon.port.Alerts;
import recon.port.ReportLinks;
import recon.port.StoreRef;

/**
 * Sends each alert once: what an alert is about is claimed in the {@link AlertLog} first, and only
 * what this run claimed is sent; when the message cannot be sent, the claims are given back and the
 * failure rethrown, so that the retry claims and sends them again.
 */
public final class AlertDispatch {
    private final Alerts topic;
    private final AlertLog log;
    private final ReportLinks links;

    /** Alerts that name the reports' keys. */
    public AlertDispatch(Alerts topic, AlertLog log) {
        this(topic, log, ReportLinks.NONE);
    }

    /** Alerts that link the reports' pages. */
    public AlertDispatch(Alerts topic, AlertLog log, ReportLinks links) {
        this.topic = topic;
        this.log = log;
        this.links = links;
    }

    /** The key of an anomaly's alert: A#{id}. */
    public static String key(Anomaly a) {
        return "A#" + a.id();
    }

    /** The key of the rejection of an uploaded file's content: FILE#{fileId}. */
    public static String rejectionKey(String fileId) {
        return "FILE#" + fileId;
    }

    /**
     * Alerts, in one message, the anomalies that are OPEN and were never alerted before; PENDING,
     * DISPUTED, RESOLVED and FORCED ones never are. The message says what the data lacks. The ones it alerted.
     */
    public List<Anomaly> newAnomalies(StoreRef store, List<Anomaly> anomalies, IncompleteData incomplete) {
        List<Anomaly> firstSeen = anomalies.stream()
                .filter(a -> a.status() == AnomalyStatus.OPEN)
                .filter(a -> log.claim(store, key(a)))
                .toList();
        if (!firstSeen.isEmpty()) {
            send(AlertText.anomalies(store, firstSeen, incomplete, links), store,
                    firstSeen.stream().map(AlertDispatch::key).toList());
        }
        return firstSeen;
    }

    /** Alerts the rejected files of one upload (at least one), unless that upload was alerted already. */
    public void rejectedFiles(StoreRef store, String fileId, List<FileOutcome> rejected) {
        String key = rejectionKey(fileId);
        if (log.claim(store, key)) {
            send(AlertText.rejectedFiles(store, rejected), store, List.of(key));
        }
    }

    /** Says once that a month of the store closed (已对平): every difference explained or written off. */
    public void monthClosed(StoreRef store, YearMonth month) {
        String key = "CLOSED#" + month;
        if (log.claim(store, key)) {
            send(AlertText.monthClosed(store, month, links), store, List.of(key));
        }
    }

    /** Alerts a config.json that cannot be used: every time, since the store is not matched until it is fixed. */
    public void invalidConfig(StoreRef store, String error) {
        topic.publish(AlertText.invalidConfig(store, error));
    }

    private void send(Alert alert, StoreRef store, List<String> claimed) {
        try {
            topic.publish(alert);
        } catch (RuntimeException e) {
            for (String key : claimed) {
                try {
                    log.release(store, key);
                } catch (RuntimeException releaseFailed) {
                    e.addSuppressed(releaseFailed);
                }
            }
            throw e;
        }
    }
}
