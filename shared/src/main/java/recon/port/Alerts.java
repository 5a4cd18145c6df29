package recon.port;

/** Tells a store's subscribers (the alerts topic). */
public interface Alerts {
    void publish(Alert alert);
}
