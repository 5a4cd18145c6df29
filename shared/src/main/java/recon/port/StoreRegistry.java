package recon.port;

import java.util.List;

/** The stores that ever uploaded a file: those the daily re-match goes through. */
public interface StoreRegistry {
    void register(StoreRef store);

    List<StoreRef> stores();
}
