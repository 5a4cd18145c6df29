package recon.functions.parse;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import recon.usecase.ParseUpload;

/**
 * Reads an S3 event notification as the ingest queue delivers it. S3 URL-encodes the object key
 * ('+' for a space, %E6%94%AF… for Chinese): it is decoded here, once, and nowhere else.
 */
final class S3Events {
    private S3Events() {}

    /**
     * The uploads of one message body: none for S3's test event; only objects of the given bucket.
     *
     * @throws IllegalArgumentException for a body that is not an S3 event notification
     */
    static List<ParseUpload.Upload> uploads(String body, String bucket) {
        Object event;
        try {
            event = JSON.std.anyFrom(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!(event instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if ("s3:TestEvent".equals(root.get("Event"))) {
            return List.of();
        }
        if (!(root.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("no Records");
        }
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        for (Object record : records) {
            Map<?, ?> s3 = object(object(record).get("s3"));
            if (!bucket.equals(object(s3.get("bucket")).get("name"))) {
                throw new IllegalArgumentException("an object of another bucket");
            }
            Map<?, ?> object = object(s3.get("object"));
            String key = decodeKey(text(object.get("key")));
            // the ETag, not the versionId: the same bytes uploaded again to a versioned bucket get a new
            // version but the same ETag, and must rewrite the same records rather than add a copy
            uploads.add(new ParseUpload.Upload(key, text(object.get("eTag"))));
        }
        return uploads;
    }

    /** A JSON object, or an empty one for anything else (absent, null, another type). */
    private static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> object ? object : Map.of();
    }

    /** A JSON string, or "" for anything else. */
    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }

    /** The key as S3 encodes it in events, decoded: '+' is a space, %XX are UTF-8 bytes. */
    static String decodeKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
