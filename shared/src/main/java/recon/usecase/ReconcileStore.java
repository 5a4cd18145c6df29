package recon.usecase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import recon.config.StoreConfigJson;
import recon.domain.FileDays;
import recon.domain.FileOutcome;
import recon.domain.RecordSink;
import recon.domain.StoreConfig;
import recon.port.Blobs;
import recon.port.CoveredDays;
import recon.port.DayRange;
import recon.port.FileEntry;
import recon.port.FileManifest;
import recon.port.RecordStore;
import recon.port.ResolutionStore;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.storage.RecordCodec;

/**
 * A store reconciled around some days, as the offline run would: the store's config.json, the
 * records of the processed files for the days around (the same merge), the same reconciler. The
 * match stage keeps its results; the report stage writes the reports from it.
 */
public final class ReconcileStore {
    private static final System.Logger LOG = System.getLogger(ReconcileStore.class.getName());
    /** Records of this many days around the asked ones are loaded: orders settle up to ~45 days after payment. */
    static final int LOAD_MARGIN_DAYS = 120;

    /**
     * @param files the outcomes and days of the store's processed files (members of a ZIP one by one, each
     *     of the days of its whole upload), by name
     */
    public record Reconciled(StoreConfig config, List<FileDays> files, StoreRecords records,
            Reconciliation reconciliation) {}

    private final Blobs blobs;
    private final FileManifest manifest;
    private final RecordStore records;
    private final ResolutionStore resolutions;

    public ReconcileStore(StoreFiles files) {
        this.blobs = files.blobs();
        this.manifest = files.manifest();
        this.records = files.records();
        this.resolutions = files.resolutions();
    }

    /**
     * Reconciles the store with the records of {@code days} and {@value #LOAD_MARGIN_DAYS} days either side.
     *
     * @throws StoreConfigJson.InvalidConfigException when the store's config.json cannot be used
     */
    public Reconciled reconcile(StoreRef store, DayRange days) {
        StoreConfig config = config(store);
        List<FileEntry> done = manifest.files(store).stream()
                .filter(f -> f.status() == FileEntry.Status.DONE).toList();
        List<FileDays> files = withoutReplacedRefusals(done);
        StoreRecords merged = load(store, done,
                new DayRange(days.first().minusDays(LOAD_MARGIN_DAYS), days.last().plusDays(LOAD_MARGIN_DAYS)));
        return new Reconciled(config, files, merged, new Reconciler(config).closeBooks(store.tenant(), store.store(), merged));
    }

    /**
     * Every outcome of the processed files, by name, but a refusal an upload of the same name processed
     * no earlier put right: the seller downloaded the export again, as the refusal asked, and the reports
     * stop saying the data is incomplete.
     */
    private static List<FileDays> withoutReplacedRefusals(List<FileEntry> done) {
        List<FileDays> kept = new ArrayList<>();
        for (FileEntry entry : done) {
            DayRange days = daysOf(entry);
            for (FileOutcome outcome : entry.outcomes()) {
                boolean putRight = !outcome.accepted() && done.stream()
                        .filter(other -> other != entry && !other.processedAt().isBefore(entry.processedAt()))
                        .flatMap(other -> other.outcomes().stream())
                        .anyMatch(other -> other.accepted() && other.name().equals(outcome.name()));
                if (!putRight) {
                    kept.add(days == null ? FileDays.ofNoDay(outcome) : FileDays.of(outcome, days.first(), days.last()));
                }
            }
        }
        kept.sort(Comparator.comparing(file -> file.outcome().name()));
        return kept;
    }

    /** From the first to the last day an upload's records are stored under or it covers; null for none. */
    private static DayRange daysOf(FileEntry entry) {
        LocalDate first = entry.recordDays() == null ? null : entry.recordDays().first();
        LocalDate last = entry.recordDays() == null ? null : entry.recordDays().last();
        for (CoveredDays covered : entry.coverage()) {
            first = first == null || covered.first().isBefore(first) ? covered.first() : first;
            last = last == null || covered.last().isAfter(last) ? covered.last() : last;
        }
        return first == null ? null : new DayRange(first, last);
    }

    /**
     * The store's records of the days in range that some processed file has records for, all coverage
     * and every resolution.
     */
    private StoreRecords load(StoreRef store, List<FileEntry> files, DayRange range) {
        StoreRecords merged = new StoreRecords();
        files.forEach(f -> f.coverage().forEach(c -> merged.cover(c.kind(), c.first(), c.last())));
        resolutions.all(store).forEach(merged::add);
        List<LocalDate> days = range.first().datesUntil(range.last().plusDays(1))
                .filter(day -> files.stream().anyMatch(f -> f.holdsRecordsOf(day)))
                .toList();
        RecordSink into = merged.sink();
        if (!days.isEmpty()) {
            records.load(store, days, chunk -> RecordCodec.decode(chunk.data(), into));
        }
        return merged;
    }

    /** The store's config.json, the defaults when there is none. */
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
            LOG.log(System.Logger.Level.ERROR, "{1} cannot be used: {2}", store, store.configKey(), e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + store.configKey(), e);
        }
    }
}
