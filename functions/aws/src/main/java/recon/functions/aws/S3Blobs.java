package recon.functions.aws;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import recon.port.Blobs;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The bucket's objects; reads are streamed, never loaded whole, and so are uploads of files. */
final class S3Blobs implements Blobs {
    /** The user metadata x-amz-meta-content-sha256 (S3 gives metadata names in lower case). */
    static final String FINGERPRINT = "content-sha256";

    private final S3Client s3;
    private final String bucket;

    S3Blobs(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public void write(String key, Path content, String contentType, String fingerprint) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).metadata(Map.of(FINGERPRINT, fingerprint)),
                RequestBody.fromFile(content));
    }

    /** A HEAD request: a twelfth of a PUT's price, and the object's bytes are not read. */
    @Override
    public Optional<String> fingerprint(String key) {
        try {
            return Optional.ofNullable(s3.headObject(b -> b.bucket(bucket).key(key)).metadata().get(FINGERPRINT));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
