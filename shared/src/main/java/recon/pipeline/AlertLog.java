package recon.pipeline;

import java.util.List;
import java.util.Objects;
import recon.domain.Anomaly;

/**
 * What has been alerted, so that nothing is alerted twice: an alert is claimed before it is sent,
 * and the claim is given back when it could not be sent, so that the retry sends it.
 */
public interface AlertLog {
    /** Claims the alert of this key; true only for the first claim (atomically, across runs). */
    boolean claim(StoreRef store, String key);

    /** Gives back a claim whose alert could not be sent. */
    void release(StoreRef store, String key);

    /** The key of an anomaly: {type}#{day}#{orderId}#{lineId}. */
    static String key(Anomaly a) {
        return a.type() + "#" + a.day() + "#" + Objects.toString(a.orderId(), "") + "#" + Objects.toString(a.lineId(), "");
    }

    /** The key of the rejection of an uploaded file's content: FILE#{fileId}. */
    static String rejectionKey(String fileId) {
        return "FILE#" + fileId;
    }

    /**
     * Sends an alert whose keys this run claimed; when it cannot be sent, gives the claims back and
     * rethrows, so that the message fails and its retry claims and sends them again.
     */
    static void send(Alerts alerts, Alert alert, AlertLog log, StoreRef store, List<String> claimed) {
        try {
            alerts.publish(alert);
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
