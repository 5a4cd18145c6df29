package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.functions.aws.AwsClients;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/**
 * The functions keep to the tenant an upload's key names: a key of any other shape is dropped
 * unread, and processing one tenant's upload reads and writes nothing of another's. Every S3 and
 * DynamoDB request is seen through {@link RequestLog}.
 */
@ExtendWith(EmulatorExtension.class)
class TenantBoundaryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StoreSample sample;

    @BeforeAll
    static void generateSamples(@TempDir Path dir) throws IOException {
        sample = new SampleGenerator(new SampleGenerator.Options(300, 31, 5, LocalDate.of(2026, 11, 1)))
                .generate(dir).stores().get(1);
    }

    /** An S3 event notification for one object, its key encoded as given (S3 URL-encodes keys in these). */
    private static String s3Notification(String bucket, String encodedKey) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode s3 = event.putArray("Records").addObject()
                .put("eventSource", "aws:s3").put("eventName", "ObjectCreated:Put")
                .putObject("s3");
        s3.putObject("bucket").put("name", bucket);
        s3.putObject("object").put("key", encodedKey).put("size", 12).put("eTag", "0123456789abcdef0123456789abcdef");
        return event.toString();
    }

    /** S3's Object Created event as EventBridge delivers it, the key as it is. */
    private static String eventBridgeEvent(String bucket, String key) {
        ObjectNode event = JSON.createObjectNode().put("source", "aws.s3").put("detail-type", "Object Created");
        ObjectNode detail = event.putObject("detail");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key).put("size", 12).put("etag", "0123456789abcdef0123456789abcdef");
        return event.toString();
    }

    @Test
    void eventsForKeysThatNameNoStoreInboxAreDroppedWithoutAnyReadOrWrite(AwsClients clients) {
        // given an upload under an upper-case tenant id, through the uploads rule (its wildcard takes any id),
        RealPipeline pipeline = new RealPipeline(clients);
        Path export = sample.dir().resolve(sample.files().get(0));
        pipeline.upload("tenants/T1/stores/s1/inbox/a.csv", export);
        // and events for keys outside a store's inbox or with ids that are not [a-z0-9-]{1,64}: each as an S3
        // notification queued before the rule (which decodes %2F to '/'), and those without '%' as EventBridge
        // sends them too (there '%2F' is part of a file's name, in the inbox it names)
        List<String> keys = List.of(
                "uploads/t1/stores/s1/inbox/a.csv",
                "tenants/t1/s1/inbox/a.csv",
                "tenants/t1/stores/S1/inbox/a.csv",
                "tenants/t_1/stores/s1/inbox/a.csv",
                "tenants/%E7%A7%9F%E6%88%B7/stores/s1/inbox/a.csv",
                "tenants/" + "t".repeat(65) + "/stores/s1/inbox/a.csv",
                "tenants/t1/stores/s1/inbox/../../../t2/stores/s1/inbox/a.csv",
                "tenants/t1/stores/s1/inbox/..%2F..%2F..%2Ft2%2Fstores%2Fs1%2Finbox%2Fa.csv",
                "tenants/t1%2F..%2Ft2/stores/s1/inbox/a.csv",
                "tenants/t1%2Fstores%2Fs1/stores/s1/inbox/a.csv",
                "tenants/t1/stores/s1/inbox/",
                "tenants/t1/stores/s1/inbox/sub//a.csv",
                "tenants/t1/stores/s1/config.json",
                "tenants/t1/stores/s1/rejected/a.csv.error.json");
        List<String> bodies = new ArrayList<>();
        for (String key : keys) {
            bodies.add(s3Notification(pipeline.stack.bucket(), key));
            if (!key.contains("%")) {
                bodies.add(eventBridgeEvent(pipeline.stack.bucket(), key));
            }
        }
        bodies.forEach(body -> clients.sqs().sendMessage(b -> b.queueUrl(pipeline.stack.ingest().url()).messageBody(body)));
        // and one for an object of another bucket
        clients.sqs().sendMessage(b -> b.queueUrl(pipeline.stack.ingest().url())
                .messageBody(eventBridgeEvent("another-bucket", "tenants/t1/stores/s1/inbox/a.csv")));

        // when
        LocalRunner.Result result;
        List<RequestLog.Touch> touches;
        try (RequestLog.Recording recording = RequestLog.start()) {
            result = pipeline.drain();
            touches = recording.touches();
        }

        // then every message was taken (none failed, see drain), nothing was read or written, nothing matched
        assertThat(result.byFunction().get("parse").messages()).isGreaterThanOrEqualTo(bodies.size() + 2);
        assertThat(result.byFunction().get("parse").failed()).isZero();
        assertThat(touches).isEmpty();
        assertThat(result.byFunction().get("match").messages()).isZero();
        assertThat(pipeline.items("")).isEmpty();
        assertThat(pipeline.keys("")).containsExactly("tenants/T1/stores/s1/inbox/a.csv");
        assertThat(pipeline.alerts()).isEmpty();
    }

    @Test
    void processingOneTenantsUploadReadsAndWritesOnlyUnderThatTenant(AwsClients clients) {
        // given another tenant, whose id starts with this one's, with the same store id and files, processed
        RealPipeline pipeline = new RealPipeline(clients);
        String mine = "tenants/t1/stores/s2/";
        String theirs = "tenants/t1b/stores/s2/";
        List<String> files = new ArrayList<>(sample.files());
        files.addAll(sample.rejectedFiles());
        pipeline.upload(theirs + "config.json", sample.dir().resolve("config.json"));
        files.forEach(f -> pipeline.upload(theirs + "inbox/" + f, sample.dir().resolve(f)));
        pipeline.drain();
        List<String> theirObjects = pipeline.keys(theirs);
        // and this tenant's store uploaded
        pipeline.upload(mine + "config.json", sample.dir().resolve("config.json"));
        files.forEach(f -> pipeline.upload(mine + "inbox/" + f, sample.dir().resolve(f)));

        // when the functions process this tenant's uploads
        List<RequestLog.Touch> touches;
        try (RequestLog.Recording recording = RequestLog.start()) {
            pipeline.drain();
            touches = recording.touches();
        }

        // then every object key and item key they used is this tenant's (the store registry's item names it in its sort key)
        assertThat(touches).extracting(RequestLog.Touch::service).contains("S3", "DynamoDB");
        assertThat(touches).extracting(RequestLog.Touch::operation).contains("GetObject", "PutObject", "BatchWriteItem", "Query");
        assertThat(touches).allSatisfy(touch -> {
            if (touch.service().equals("S3")) {
                assertThat(touch.key()).as("%s", touch).startsWith("tenants/t1/");
            } else if ("STORES".equals(touch.key())) {
                assertThat(touch.sortKey()).as("%s", touch).startsWith("t1#");
            } else {
                assertThat(touch.key()).as("%s", touch).startsWith("t1#");
            }
        });
        // and the other tenant's objects are as they were
        assertThat(pipeline.keys(theirs)).isEqualTo(theirObjects);
        assertThat(pipeline.keys(mine + "reports/")).isNotEmpty();
    }
}
