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
import recon.port.RecordChunk;
import recon.port.ResolutionStore;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.storage.RecordCodec;

/**
 * A store reconciled for the results of a period, as the offline run would: the store's config.json, the
 * records of the processed files for the period and what the days around it hold that its results depend
 * on ({@link PeriodContext}; the same merge), the same reconciler. The match stage keeps its results; the
 * report stage writes the reports from it. Only the period's days come out as they would with every record
 * of the days around: the days around are reconciled on part of their records.
 */
public final class ReconcileStore {
    private static final System.Logger LOG = System.getLogger(ReconcileStore.class.getName());
    /** Records of this many days either side of what is asked for are looked at: orders settle up to ~45 days after payment. */
    static final int CONTEXT_DAYS = 120;

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
     * Reconciles the store for the results of the period's days, with what the {@code contextDays} days either
     * side of it hold that they depend on.
     *
     * @throws StoreConfigJson.InvalidConfigException when the store's config.json cannot be used
     */
    public Reconciled reconcile(StoreRef store, DayRange period, int contextDays) {
        StoreConfig config = config(store);
        List<FileEntry> done = manifest.files(store).stream()
                .filter(f -> f.status() == FileEntry.Status.DONE).toList();
        List<FileDays> files = withoutReplacedRefusals(done);
        StoreRecords merged = load(store, done, config, period, contextDays);
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
     * All coverage, every resolution, the period's records and what the days around it hold that the period
     * needs: the period's chunks first, then those of the days before it surveyed, then the days around read
     * through what the survey found. The chunks of the days before are kept packed between the two (about
     * a sixth of their records' heap) rather than read twice.
     */
    private StoreRecords load(StoreRef store, List<FileEntry> files, StoreConfig config, DayRange period, int contextDays) {
        StoreRecords merged = new StoreRecords();
        files.forEach(f -> f.coverage().forEach(c -> merged.cover(c.kind(), c.first(), c.last())));
        resolutions.all(store).forEach(merged::add);
        RecordSink into = merged.sink();
        PeriodContext context = new PeriodContext(config, period);
        List<LocalDate> inPeriod = daysWithRecords(files, period.first(), period.last());
        if (!inPeriod.isEmpty()) {
            RecordSink periodSink = context.period(into);
            records.load(store, inPeriod, chunk -> RecordCodec.decode(chunk.data(), periodSink));
        }
        List<LocalDate> around = new ArrayList<>(daysWithRecords(files, period.first().minusDays(contextDays),
                period.first().minusDays(1)));
        around.addAll(daysWithRecords(files, period.last().plusDays(1), period.last().plusDays(contextDays)));
        if (!around.isEmpty()) {
            List<RecordChunk> chunks = new ArrayList<>();
            records.load(store, around, chunk -> {
                context.survey(chunk);
                chunks.add(chunk);
            });
            context.decide();
            for (RecordChunk chunk : chunks) {
                context.keep(chunk, into);
            }
            LOG.log(System.Logger.Level.INFO, "{0} {1}..{2}: held {3} of the {4} records of the {5} days around", store,
                    period.first(), period.last(), context.kept(), context.surveyed(), around.size());
        }
        return merged;
    }

    private static List<LocalDate> daysWithRecords(List<FileEntry> files, LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1))
                .filter(day -> files.stream().anyMatch(f -> f.holdsRecordsOf(day)))
                .toList();
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
