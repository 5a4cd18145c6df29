package recon.port;

/**
 * What has been alerted, so that nothing is alerted twice: an alert is claimed before it is sent,
 * and the claim is given back when it could not be sent, so that the retry sends it.
 */
public interface AlertLog {
    /** Claims the alert of this key; true only for the first claim (atomically, across runs). */
    boolean claim(StoreRef store, String key);

    /** Gives back a claim whose alert could not be sent. */
    void release(StoreRef store, String key);
}
