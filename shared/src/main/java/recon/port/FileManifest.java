package recon.port;

import java.util.List;
import java.util.Optional;

/** The uploads of every store and what became of them. */
public interface FileManifest {
    Optional<FileEntry> file(StoreRef store, String fileId);

    List<FileEntry> files(StoreRef store);

    /** Creates or replaces the entry of its file. */
    void save(FileEntry entry);
}
