package recon.functions.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.usecase.ParseUpload;

class S3EventsTest {
    @Test
    void theSampleEventBridgeEventGivesItsKeyAsItIs() throws Exception {
        var sqsEvent = JSON.std.mapFrom(Files.readString(Path.of("../../events/upload-via-eventbridge-sqs.json")));
        String body = (String) ((Map<?, ?>) ((List<?>) sqsEvent.get("Records")).get(0)).get("body");

        assertThat(S3Events.uploads(body, "recon-exports-dev")).containsExactly(new ParseUpload.Upload(
                "tenants/t1/stores/s1/inbox/2026-11/支付宝账务明细 11月.csv", "9b2cf535f27731c974343645a3985328"));
    }

    @Test
    void anEventBridgeKeyIsNotDecoded() {
        // S3 puts the key itself in an EventBridge event: '+' and '%25' are part of the file's name
        String body = eventBridge("b", "tenants/t1/stores/s1/inbox/a+b%25.csv", "\"etag\":\"e1\"");

        assertThat(S3Events.uploads(body, "b")).containsExactly(new ParseUpload.Upload("tenants/t1/stores/s1/inbox/a+b%25.csv", "e1"));
    }

    @Test
    void theEmulatorsSpellingOfTheEtagIsReadToo() {
        assertThat(S3Events.uploads(eventBridge("b", "k", "\"eTag\":\"e2\""), "b")).containsExactly(new ParseUpload.Upload("k", "e2"));
    }

    @Test
    void aNotificationQueuedBeforeTheRuleIsDecodedOnceWithPlusAsSpace() {
        String body = "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":"
                + "\"tenants/t1/stores/s1/inbox/%E6%94%AF%E4%BB%98%E5%AE%9D+11.csv\",\"eTag\":\"e\"}}}]}";

        assertThat(S3Events.uploads(body, "b")).containsExactly(new ParseUpload.Upload("tenants/t1/stores/s1/inbox/支付宝 11.csv", "e"));
    }

    @Test
    void anEncodedSlashOrPercentIsDecodedOnlyOnce() {
        assertThat(S3Events.decodeKey("tenants/t1/stores/s1/inbox/a%2F..%2Fb%2525.csv"))
                .isEqualTo("tenants/t1/stores/s1/inbox/a/../b%25.csv");
    }

    @Test
    void theEtagIdentifiesTheContentWithOrWithoutVersioning() {
        String unversioned = "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k+1\",\"eTag\":\"e1\"}}}]}";
        String versionedAgain = "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k+1\",\"eTag\":\"e1\",\"versionId\":\"v2\"}}}]}";

        assertThat(S3Events.uploads(unversioned, "b")).containsExactly(new ParseUpload.Upload("k 1", "e1"));
        assertThat(S3Events.uploads(versionedAgain, "b")).containsExactly(new ParseUpload.Upload("k 1", "e1"));
        assertThat(S3Events.uploads(eventBridge("b", "k", "\"etag\":\"e1\",\"version-id\":\"v2\""), "b"))
                .containsExactly(new ParseUpload.Upload("k", "e1"));
    }

    @Test
    void anotherBucketOrAnotherShapeIsRefused() {
        String other = "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"x\"},\"object\":{\"key\":\"k\",\"eTag\":\"e\"}}}]}";

        assertThatThrownBy(() -> S3Events.uploads(other, "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Events.uploads(eventBridge("x", "k", "\"etag\":\"e\""), "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Events.uploads(eventBridge("b", "", "\"etag\":\"e\""), "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Events.uploads("{\"source\":\"aws.s3\",\"detail-type\":\"Object Deleted\"}", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Events.uploads("{\"tenant\":\"t1\"}", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Events.uploads("not json", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    /** S3's Object Created event as EventBridge delivers it. */
    private static String eventBridge(String bucket, String key, String etag) {
        return "{\"version\":\"0\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\",\"detail\":{\"bucket\":{\"name\":\""
                + bucket + "\"},\"object\":{\"key\":\"" + key + "\"," + etag + ",\"size\":5}}}";
    }
}
