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
    void decodesTheKeyOfTheSampleEventOnceWithPlusAsSpace() throws Exception {
        var sqsEvent = JSON.std.mapFrom(Files.readString(Path.of("../../events/s3-upload-via-sqs.json")));
        String body = (String) ((Map<?, ?>) ((List<?>) sqsEvent.get("Records")).get(0)).get("body");

        assertThat(S3Events.uploads(body, "recon-exports-dev")).containsExactly(new ParseUpload.Upload(
                "tenants/t1/stores/s1/inbox/2026-11/支付宝账务明细 11月.csv", "9b2cf535f27731c974343645a3985328"));
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
    }

    @Test
    void theTestEventHasNoUpload() {
        assertThat(S3Events.uploads("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}", "b")).isEmpty();
    }

    @Test
    void anotherBucketOrAnotherShapeIsRefused() {
        String other = "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"x\"},\"object\":{\"key\":\"k\",\"eTag\":\"e\"}}}]}";

        assertThatThrownBy(() -> S3Events.uploads(other, "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Events.uploads("{\"tenant\":\"t1\"}", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Events.uploads("not json", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
