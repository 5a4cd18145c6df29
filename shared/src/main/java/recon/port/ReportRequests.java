package recon.port;

/** Asks for a store's day reports to be written again (the report queue). */
public interface ReportRequests {
    void send(StoreDays request);
}
