package recon.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.DayFigures;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Refund;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.ingest.RecordSink;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;

/**
 * The match stage: reconciles a store around the requested days with the same merge and rules as
 * the offline run, keeps each day's result, alerts the anomalies never alerted before and asks
 * for the reports of the days whose result changed. Running it again changes nothing.
 */
public final class MatchStores {
    private static final System.Logger LOG = System.getLogger(MatchStores.class.getName());
    /** Records of this many days around the requested ones are loaded: orders settle up to ~45 days after payment. */
    static final int LOAD_MARGIN_DAYS = 120;
    /** Results of this many days around the requested ones are kept, alerted and reported. */
    static final int RESULT_MARGIN_DAYS = 60;

    private final Blobs blobs;
    private final FileManifest manifest;
    private final RecordStore records;
    private final ResultStore results;
    private final AlertLog alertLog;
    private final Alerts alerts;
    private final ReportRequests reports;
    private final StoreRegistry stores;
    private final Clock clock;

    public MatchStores(Blobs blobs, FileManifest manifest, RecordStore records, ResultStore results,
            AlertLog alertLog, Alerts alerts, ReportRequests reports, StoreRegistry stores, Clock clock) {
        this.blobs = blobs;
        this.manifest = manifest;
        this.records = records;
        this.results = results;
        this.alertLog = alertLog;
        this.alerts = alerts;
        this.reports = reports;
        this.stores = stores;
        this.clock = clock;
    }

    /** The daily re-match: every known store, the last {@code days} days up to today (Shanghai). */
    public List<StoreDays> recent(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("recentDays must be at least 1");
        }
        LocalDate today = LocalDate.now(clock.withZone(Times.SHANGHAI));
        TreeSet<LocalDate> recent = new TreeSet<>();
        today.minusDays(days - 1L).datesUntil(today.plusDays(1)).forEach(recent::add);
        return stores.stores().stream().map(store -> new StoreDays(store, recent)).toList();
    }

    /**
     * Matches the store for the days of the request.
     *
     * @throws StoreConfigJson.InvalidConfigException when the store's config.json cannot be used (after an alert)
     */
    public void match(StoreDays request) {
        StoreRef store = request.store();
        LocalDate first = request.days().first();
        LocalDate last = request.days().last();
        StoreConfig config = config(store);

        StoreRecords merged = load(store, new DayRange(first.minusDays(LOAD_MARGIN_DAYS), last.plusDays(LOAD_MARGIN_DAYS)));
        Reconciliation reconciliation = new Reconciler(config).reconcile(merged);

        DayRange kept = new DayRange(first.minusDays(RESULT_MARGIN_DAYS), last.plusDays(RESULT_MARGIN_DAYS));
        Map<LocalDate, List<Anomaly>> anomaliesByDay = new HashMap<>();
        List<Anomaly> keptAnomalies = new ArrayList<>();
        for (Anomaly anomaly : reconciliation.anomalies()) {
            if (kept.contains(anomaly.day())) {
                anomaliesByDay.computeIfAbsent(anomaly.day(), d -> new ArrayList<>()).add(anomaly);
                keptAnomalies.add(anomaly);
            }
        }
        TreeSet<LocalDate> changed = new TreeSet<>();
        for (DayFigures figures : reconciliation.days()) {
            if (kept.contains(figures.day())) {
                DayResult result = new DayResult(store, figures, anomaliesByDay.getOrDefault(figures.day(), List.of()));
                Optional<DayResult> stored = results.result(store, figures.day());
                if (stored.isEmpty() || !stored.get().hash().equals(result.hash())) {
                    results.save(result);
                    changed.add(figures.day());
                }
            }
        }
        // the reports first: an alert points at them, and alerting is the step that must not repeat
        if (!changed.isEmpty()) {
            reports.send(new StoreDays(store, changed));
        }
        List<Anomaly> firstSeen = keptAnomalies.stream().filter(a -> alertLog.firstSeen(store, a)).toList();
        if (!firstSeen.isEmpty()) {
            alerts.publish(AlertText.anomalies(store, firstSeen));
        }
        LOG.log(System.Logger.Level.INFO, "matched " + store + " " + first + ".." + last + ": "
                + changed.size() + " days changed, " + firstSeen.size() + " new anomalies");
    }

    /** The store's records of the days in range that some processed file has records for, and all coverage. */
    private StoreRecords load(StoreRef store, DayRange range) {
        List<FileEntry> files = manifest.files(store).stream()
                .filter(f -> f.status() == FileEntry.Status.DONE).toList();
        StoreRecords merged = new StoreRecords();
        files.forEach(f -> f.coverage().forEach(c -> merged.cover(c.first(), c.last())));
        List<LocalDate> days = range.first().datesUntil(range.last().plusDays(1))
                .filter(day -> files.stream().anyMatch(f -> f.holdsRecordsOf(day)))
                .toList();
        RecordSink into = new RecordSink() {
            @Override
            public void order(Order order) {
                merged.add(order);
            }

            @Override
            public void ledgerLine(LedgerLine line) {
                merged.add(line);
            }

            @Override
            public void refund(Refund refund) {
                merged.add(refund);
            }

            @Override
            public void ledgerCoverage(LocalDate firstDay, LocalDate lastDay) {
                merged.cover(firstDay, lastDay);
            }
        };
        if (!days.isEmpty()) {
            records.load(store, days, chunk -> RecordCodec.decode(chunk.data(), into));
        }
        return merged;
    }

    /** The store's config.json, the defaults when there is none; one that cannot be used stops the match. */
    private StoreConfig config(StoreRef store) {
        try {
            Optional<InputStream> file = blobs.open(store.configKey());
            if (file.isEmpty()) {
                return StoreConfig.DEFAULT;
            }
            try (InputStream in = file.get()) {
                return StoreConfigJson.read(in);
            }
        } catch (StoreConfigJson.InvalidConfigException e) {
            LOG.log(System.Logger.Level.ERROR, store.configKey() + " cannot be used: " + e.getMessage());
            alerts.publish(AlertText.invalidConfig(store, e.getMessage()));
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + store.configKey(), e);
        }
    }
}
