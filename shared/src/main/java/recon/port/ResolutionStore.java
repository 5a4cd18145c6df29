package recon.port;

import java.util.List;
import recon.domain.Resolution;

/**
 * The audit trail: every row of every resolutions file a store sent, kept by file, never overwritten
 * by another file's (a later file's word counts more by its 处理时间, not by replacing).
 */
public interface ResolutionStore {
    /** Keeps one file's resolutions; the same file again (the same id) rewrites the same. */
    void save(StoreRef store, String fileId, List<Resolution> resolutions);

    /** Every resolution of the store, of every file. */
    List<Resolution> all(StoreRef store);
}
