package recon.port;

import java.util.List;

/** Asks for stores to be matched again on some days (the match queue). */
public interface MatchRequests {
    void send(List<StoreDays> requests);
}
