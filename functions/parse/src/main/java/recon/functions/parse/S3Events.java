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
 * Reads an upload event as the ingest queue delivers it: S3's "Object Created" event as the template's
 * EventBridge rule sends it, whose key is the key itself; or an S3 event notification, the shape of the
 * messages a stack queued before it switched to the rule (and that its dead-letter queue may still
 * replay), whose key S3 URL-encodes ('+' for a space, %E6%94%AF… for Chinese) and which is decoded here,
 * once, and nowhere else.
 */
final class S3Events {
    private S3Events() {}

    /**
     * The uploads of one message body, all objects of the given bucket.
     *
     * @throws IllegalArgumentException for a body that is no upload event
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
        if ("aws.s3".equals(root.get("source")) && "Object Created".equals(root.get("detail-type"))) {
            Map<?, ?> detail = object(root.get("detail"));
            return List.of(upload(detail, bucket, text(object(detail.get("object")).get("key"))));
        }
        if (!(root.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("neither an Object Created event nor Records");
        }
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        for (Object record : records) {
            Map<?, ?> s3 = object(object(record).get("s3"));
            uploads.add(upload(s3, bucket, decodeKey(text(object(s3.get("object")).get("key")))));
        }
        return uploads;
    }

    /** One upload, from the part of an event that names the bucket and the object. */
    private static ParseUpload.Upload upload(Map<?, ?> bucketAndObject, String bucket, String key) {
        if (!bucket.equals(object(bucketAndObject.get("bucket")).get("name"))) {
            throw new IllegalArgumentException("an object of another bucket");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("no object key");
        }
        Map<?, ?> object = object(bucketAndObject.get("object"));
        // the ETag, not the version: the same bytes uploaded again to a versioned bucket get a new
        // version but the same ETag, and must rewrite the same records rather than add a copy.
        // EventBridge spells it etag, S3 notifications (and the emulator's EventBridge events) eTag.
        String eTag = text(object.get("etag"));
        return new ParseUpload.Upload(key, eTag.isEmpty() ? text(object.get("eTag")) : eTag);
    }

    /** A JSON object, or an empty one for anything else (absent, null, another type). */
    private static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> object ? object : Map.of();
    }

    /** A JSON string, or "" for anything else. */
    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }

    /** The key as S3 encodes it in event notifications, decoded: '+' is a space, %XX are UTF-8 bytes. */
    static String decodeKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
