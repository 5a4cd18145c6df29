package recon.functions.report;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.functions.aws.SqsEvents.event;
import static recon.functions.aws.SqsEvents.message;
import static recon.functions.aws.SqsEvents.retried;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.testdata.InMemory;
import recon.usecase.WriteReports;

class ReportHandlerTest {
    private static final StoreRef S1 = new StoreRef("t1", "s1");
    private static final StoreRef S2 = new StoreRef("t1", "s2");

    private final InMemory.MemoryBlobs blobs = new InMemory.MemoryBlobs();
    private final ReportHandler handler = new ReportHandler(new WriteReports(
            new StoreFiles(blobs, new InMemory.MemoryManifest(), new InMemory.MemoryRecords(), new InMemory.MemoryResolutions())));

    private static String request(StoreRef store, String day) {
        return "{\"tenant\":\"" + store.tenant() + "\",\"store\":\"" + store.store() + "\",\"days\":[\"" + day + "\"]}";
    }

    /** Every report run reads the store's config.json first: how the test sees which requests ran. */
    private long runsOf(StoreRef store) {
        return blobs.opened.stream().filter(store.configKey()::equals).count();
    }

    @Test
    void afterAStoresRequestFailsItsLaterOnesWaitAndTheOtherStoresGoOn() {
        blobs.objects.put(S1.configKey(), "not json".getBytes(StandardCharsets.UTF_8));

        SQSBatchResponse response = handler.handleRequest(event(
                message("1", "t1#s1", request(S1, "2026-11-02")),
                message("2", "t1#s2", request(S2, "2026-11-02")),
                message("3", "t1#s1", request(S1, "2026-11-03")),
                message("4", "t1#s2", request(S2, "2026-11-03"))), null);

        assertThat(retried(response)).containsExactly("1", "3");
        assertThat(runsOf(S1)).isEqualTo(1);
        assertThat(runsOf(S2)).isEqualTo(2);
    }

    @Test
    void theDailyRematchIsNoReportRequestAndIsDropped() {
        SQSBatchResponse response = handler.handleRequest(event(message("1", "daily-rematch", "{\"recentDays\": 7}")), null);

        assertThat(retried(response)).isEmpty();
        assertThat(blobs.opened).isEmpty();
    }
}
