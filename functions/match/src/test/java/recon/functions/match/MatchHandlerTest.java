package recon.functions.match;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.functions.aws.SqsEvents.event;
import static recon.functions.aws.SqsEvents.message;
import static recon.functions.aws.SqsEvents.retried;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import recon.alert.AlertDispatch;
import recon.port.Alert;
import recon.port.FileEntry;
import recon.port.FileManifest;
import recon.port.StoreDays;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.testdata.InMemory;
import recon.usecase.MatchStores;
import recon.usecase.RematchRecent;

class MatchHandlerTest {
    private static final StoreRef S1 = new StoreRef("t1", "s1");
    private static final StoreRef S2 = new StoreRef("t1", "s2");

    private final InMemory.MemoryBlobs blobs = new InMemory.MemoryBlobs();
    private final InMemory.MemoryRegistry registry = new InMemory.MemoryRegistry();
    private final List<StoreRef> runs = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<StoreDays> matchRequests = new ArrayList<>();
    private final MatchHandler handler;

    MatchHandlerTest() {
        InMemory.MemoryManifest manifest = new InMemory.MemoryManifest();
        // a match run reads the store's file list once: that is how the test counts runs
        FileManifest counting = new FileManifest() {
            @Override
            public Optional<FileEntry> file(StoreRef store, String fileId) {
                return manifest.file(store, fileId);
            }

            @Override
            public List<FileEntry> files(StoreRef store) {
                runs.add(store);
                return manifest.files(store);
            }

            @Override
            public void save(FileEntry entry) {
                manifest.save(entry);
            }
        };
        StoreFiles files = new StoreFiles(blobs, counting, new InMemory.MemoryRecords(), new InMemory.MemoryResolutions());
        AlertDispatch alerting = new AlertDispatch(alerts::add, new InMemory.MemoryAlertLog());
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
        handler = new MatchHandler(new MatchStores(files, new InMemory.MemoryResults(), request -> {}, alerting),
                new RematchRecent(registry, matchRequests::addAll, clock));
    }

    private static String request(StoreRef store, String... days) {
        return "{\"tenant\":\"" + store.tenant() + "\",\"store\":\"" + store.store() + "\",\"days\":[\""
                + String.join("\",\"", days) + "\"]}";
    }

    @Test
    void aStoresMessagesAreMatchedInOneRun() {
        SQSBatchResponse response = handler.handleRequest(event(
                message("1", "t1#s1", request(S1, "2026-11-02")),
                message("2", "t1#s1", request(S1, "2026-11-05", "2026-11-06")),
                message("3", "t1#s2", request(S2, "2026-11-02"))), null);

        assertThat(retried(response)).isEmpty();
        assertThat(runs).containsExactly(S1, S2);
    }

    @Test
    void aStoreWhoseConfigCannotBeUsedIsRetriedAloneAndAlerted() {
        blobs.objects.put(S2.configKey(), "{\"graceDays\": \"three\"}".getBytes(StandardCharsets.UTF_8));

        SQSBatchResponse response = handler.handleRequest(event(
                message("1", "t1#s2", request(S2, "2026-11-02")),
                message("2", "t1#s1", request(S1, "2026-11-02")),
                message("3", "t1#s2", request(S2, "2026-11-03"))), null);

        assertThat(retried(response)).containsExactly("1", "3");
        // s2 stops at its config.json, before it reads its files; s1 is matched all the same
        assertThat(runs).containsExactly(S1);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.store()).isEqualTo(S2);
            assertThat(alert.text()).contains("graceDays");
        });
    }

    @Test
    void theDailyRematchAsksForEveryKnownStoreAndMatchesNothingItself() {
        registry.register(S1);
        registry.register(S2);

        SQSBatchResponse response = handler.handleRequest(event(message("9", "daily-rematch", "{\"recentDays\": 3}")), null);

        assertThat(retried(response)).isEmpty();
        assertThat(runs).isEmpty();
        assertThat(matchRequests).extracting(StoreDays::store).containsExactly(S1, S2);
        assertThat(matchRequests.getFirst().days())
                .containsExactly(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5));
    }

    @Test
    void anUnreadableMessageIsDroppedNotRetried() {
        SQSBatchResponse response = handler.handleRequest(event(
                message("1", "t1#s1", "{\"tenant\":\"T1\",\"store\":\"s1\",\"days\":[]}"),
                message("2", "t1#s1", "not json")), null);

        assertThat(retried(response)).isEmpty();
        assertThat(runs).isEmpty();
    }
}
