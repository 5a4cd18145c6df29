package recon.functions.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.functions.aws.SqsEvents.event;
import static recon.functions.aws.SqsEvents.message;
import static recon.functions.aws.SqsEvents.retried;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import recon.alert.AlertDispatch;
import recon.port.StoreDays;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.testdata.InMemory;
import recon.usecase.ParseUpload;

class ParseHandlerTest {
    private static final String BUCKET = "recon-exports-test";
    private static final StoreRef STORE = new StoreRef("t1", "s1");
    private static final String ORDERS = """
            订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间
            3553498017448001,199.00,交易成功,2026-11-02 10:00:00,2026-11-02 10:01:00
            """;

    private final InMemory.MemoryBlobs blobs = new InMemory.MemoryBlobs();
    private final InMemory.MemoryManifest manifest = new InMemory.MemoryManifest();
    private final List<StoreDays> matchRequests = new ArrayList<>();
    private final ParseHandler handler = new ParseHandler(new ParseUpload(
            new StoreFiles(blobs, manifest, new InMemory.MemoryRecords(), new InMemory.MemoryResolutions()),
            new InMemory.MemoryResults(), new InMemory.MemoryRegistry(),
            matchRequests::addAll, new AlertDispatch(alert -> {}, new InMemory.MemoryAlertLog()),
            Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC)), BUCKET);

    private static String uploadEvent(String bucket, String key) {
        return "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{\"name\":\"" + bucket
                + "\"},\"object\":{\"key\":\"" + key + "\",\"etag\":\"e-" + key.hashCode() + "\"}}}";
    }

    @Test
    void aMessageWhoseUploadCannotBeReadIsRetriedAndTheOthersAreParsedTogether() {
        blobs.objects.put("tenants/t1/stores/s1/inbox/orders.csv", ORDERS.getBytes(StandardCharsets.UTF_8));

        SQSBatchResponse response = handler.handleRequest(event(
                message("1", null, uploadEvent(BUCKET, "tenants/t1/stores/s1/inbox/orders.csv")),
                message("2", null, uploadEvent(BUCKET, "tenants/t1/stores/s1/inbox/gone.csv"))), null);

        assertThat(retried(response)).containsExactly("2");
        assertThat(manifest.files(STORE)).extracting(f -> f.name() + " " + f.status())
                .contains("orders.csv DONE").doesNotContain("gone.csv DONE");
        assertThat(matchRequests).singleElement().extracting(StoreDays::store).isEqualTo(STORE);
    }

    @Test
    void eventsThatAreNoUploadOfThisBucketAreDroppedNotRetried() {
        SQSBatchResponse response = handler.handleRequest(event(
                message("1", null, uploadEvent("another-bucket", "tenants/t1/stores/s1/inbox/orders.csv")),
                message("2", null, "{\"Event\":\"s3:TestEvent\"}")), null);

        assertThat(retried(response)).isEmpty();
        assertThat(blobs.opened).isEmpty();
    }
}
