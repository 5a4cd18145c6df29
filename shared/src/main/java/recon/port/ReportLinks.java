package recon.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an accountant opens an object of the bucket from an alert, on a phone, without AWS
 * credentials: a link that works until it expires, or none when the deployment gives no links (the
 * alert then names the key). On AWS: CloudFront signed URLs (docs/operations.md, "Report links").
 */
public interface ReportLinks {
    /** No links: alerts name the keys. */
    ReportLinks NONE = key -> Optional.empty();

    /** A link to the object at this key, or none. */
    Optional<Link> link(String key);

    /** A link and the moment it stops working. */
    record Link(String url, Instant expires) {}
}
