package recon.usecase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import recon.alert.AlertDispatch;
import recon.port.Alert;
import recon.port.MatchRequests;
import recon.port.StoreDays;
import recon.port.StoreFiles;
import recon.testdata.InMemory;

/** The three stages wired to in-memory ports, with the queues between them drained by hand. */
final class Pipeline {
    final InMemory.MemoryBlobs blobs = new InMemory.MemoryBlobs();
    final InMemory.MemoryManifest manifest = new InMemory.MemoryManifest();
    final InMemory.MemoryRecords records = new InMemory.MemoryRecords();
    final InMemory.MemoryResults results = new InMemory.MemoryResults();
    final InMemory.MemoryAlertLog alertLog = new InMemory.MemoryAlertLog();
    final InMemory.MemoryRegistry registry = new InMemory.MemoryRegistry();
    final InMemory.MemoryResolutions resolutions = new InMemory.MemoryResolutions();
    final Deque<StoreDays> matchQueue = new ArrayDeque<>();
    final Deque<StoreDays> reportQueue = new ArrayDeque<>();
    final List<StoreDays> matchRequests = new ArrayList<>();
    final List<StoreDays> reportRequests = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    /** How many of the next alerts and report requests fail, as an unavailable topic or queue would. */
    int alertsToFail;
    int reportRequestsToFail;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);

    final StoreFiles files = new StoreFiles(blobs, manifest, records, resolutions);
    final AlertDispatch alerting = new AlertDispatch(this::publish, alertLog);
    final MatchRequests toMatch = requests -> requests.forEach(r -> {
        matchQueue.add(r);
        matchRequests.add(r);
    });
    final ParseUpload parse = new ParseUpload(files, results, registry, toMatch, alerting, clock);
    final MatchStores match = new MatchStores(files, results,
            r -> {
                if (reportRequestsToFail > 0) {
                    reportRequestsToFail--;
                    throw new IllegalStateException("the report queue is unavailable");
                }
                reportQueue.add(r);
                reportRequests.add(r);
            },
            alerting);
    final RematchRecent rematch = new RematchRecent(registry, toMatch, clock);
    final WriteReports report = new WriteReports(files);

    /** Puts the object in the bucket and returns its upload event, versioned by its content like an ETag. */
    ParseUpload.Upload put(String key, byte[] content) {
        blobs.objects.put(key, content.clone());
        return new ParseUpload.Upload(key, etag(content));
    }

    /** Parses the uploads as one batch, then runs match and report until the queues are empty. */
    List<ParseUpload.Upload> run(List<ParseUpload.Upload> uploads) {
        List<ParseUpload.Upload> failed = parse.parseAll(uploads);
        drain();
        return failed;
    }

    void drain() {
        while (!matchQueue.isEmpty() || !reportQueue.isEmpty()) {
            if (!matchQueue.isEmpty()) {
                match.match(matchQueue.poll());
            } else {
                report.write(reportQueue.poll());
            }
        }
    }

    private void publish(Alert alert) {
        if (alertsToFail > 0) {
            alertsToFail--;
            throw new IllegalStateException("the alerts topic is unavailable");
        }
        alerts.add(alert);
    }

    String text(String key) {
        return new String(blobs.objects.get(key), StandardCharsets.UTF_8);
    }

    private static String etag(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
