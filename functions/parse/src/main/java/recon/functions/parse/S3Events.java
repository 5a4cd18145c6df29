package recon.functions.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import recon.pipeline.ParseUpload;

/**
 * Reads an S3 event notification as the ingest queue delivers it. S3 URL-encodes the object key
 * ('+' for a space, %E6%94%AF… for Chinese): it is decoded here, once, and nowhere else.
 */
final class S3Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private S3Events() {}

    /**
     * The uploads of one message body: none for S3's test event; only objects of the given bucket.
     *
     * @throws IllegalArgumentException for a body that is not an S3 event notification
     */
    static List<ParseUpload.Upload> uploads(String body, String bucket) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if ("s3:TestEvent".equals(event.path("Event").asText())) {
            return List.of();
        }
        if (!event.path("Records").isArray()) {
            throw new IllegalArgumentException("no Records");
        }
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode s3 = record.path("s3");
            if (!bucket.equals(s3.path("bucket").path("name").asText())) {
                throw new IllegalArgumentException("an object of another bucket");
            }
            JsonNode object = s3.path("object");
            String key = decodeKey(object.path("key").asText(""));
            // the ETag, not the versionId: the same bytes uploaded again to a versioned bucket get a new
            // version but the same ETag, and must rewrite the same records rather than add a copy
            uploads.add(new ParseUpload.Upload(key, object.path("eTag").asText("")));
        }
        return uploads;
    }

    /** The key as S3 encodes it in events, decoded: '+' is a space, %XX are UTF-8 bytes. */
    static String decodeKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
