package recon.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** The objects of the bucket: uploads, store configs, reports. */
public interface Blobs {
    /** Opens the object for reading, streamed; empty when there is none. */
    Optional<InputStream> open(String key) throws IOException;

    void write(String key, byte[] content, String contentType) throws IOException;

    /**
     * Writes the file's bytes as the object, streamed from disk (a month's workbook can be tens of MB),
     * with a fingerprint of its content kept beside it.
     */
    void write(String key, Path content, String contentType, String fingerprint) throws IOException;

    /** The fingerprint the object was written with; empty when there is no object or it was written without one. */
    Optional<String> fingerprint(String key) throws IOException;
}
