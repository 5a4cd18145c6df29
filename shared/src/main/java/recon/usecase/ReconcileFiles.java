package recon.usecase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import recon.domain.FileDays;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.RecordSink;
import recon.domain.Resolution;
import recon.domain.StoreConfig;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;
import recon.reconcile.AnomalyIds;
import recon.reconcile.BookClosing;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.reconcile.Tasks;

/**
 * The whole offline job for one store: read every file, keep the records of the accepted ones
 * (a rejected file contributes nothing), reconcile, close the books. The same ingest, rules and book
 * closing serve the pipeline. Files are read side by side, one per core; each file's records are held
 * apart until the file is read and accepted, then added to the store at once, while other files are
 * still being read. The store merges by content and every sort of the rules and reports is total, so
 * the order files finish in changes nothing; the records of a file that repeats lines the store holds
 * are let go at once. A resolutions file is checked last, against the anomalies found: one that names
 * an anomaly the store does not have is rejected whole.
 */
public final class ReconcileFiles {
    /** One input: its display name and how to (re)open its bytes. */
    public record Input(String name, FileIngest.Opener opener) {}

    /**
     * Every file's outcome and days, in input order, the merged records of the accepted files (the reports
     * list their ledger lines, open items and resolutions) and their reconciliation, books closed.
     */
    public record Result(List<FileDays> fileDays, StoreRecords records, Reconciliation reconciliation) {
        /** Every file's outcome, in input order. */
        public List<FileOutcome> files() {
            return FileDays.outcomes(fileDays);
        }

        public boolean allAccepted() {
            return files().stream().allMatch(FileOutcome::accepted);
        }
    }

    /** A file as read: its outcome and days, and the rows of a resolutions file, held until they are checked. */
    private record Read(FileDays file, List<Resolution> resolutions) {
        FileOutcome outcome() {
            return file.outcome();
        }
    }

    private ReconcileFiles() {}

    /**
     * @param onFile told every file's outcome, on the calling thread: the exports' in input order as
     *     they are read, the resolutions files' after the check
     */
    public static Result run(String tenant, String store, List<Input> inputs, StoreConfig config,
            Consumer<FileOutcome> onFile) {
        StoreRecords records = new StoreRecords();
        List<Read> reads = new ArrayList<>();
        int readers = Math.max(1, Math.min(inputs.size(), Runtime.getRuntime().availableProcessors()));
        StoreAccounts accounts = new StoreAccounts(config.accounts());
        InOrder inOrder = new InOrder(inputs.size(), accounts);
        try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                int index = i;
                tasks.add(pool.submit(() -> inOrder.read(index, read(inputs.get(index), records))));
            }
            // once input i's task and every one before it are done, input i is committed
            for (int i = 0; i < tasks.size(); i++) {
                Tasks.resultOf(tasks.get(i), "reading the files");
                for (Read read : inOrder.committed(i)) {
                    reads.add(read);
                    if (read.resolutions() == null) {
                        onFile.accept(read.outcome());
                    }
                }
            }
        }
        Reconciler reconciler = new Reconciler(config);
        Reconciliation found = reconciler.reconcile(records);
        Set<String> ids = new HashSet<>();
        found.anomalies().forEach(a -> ids.add(AnomalyIds.of(tenant, store, a)));
        List<FileDays> files = new ArrayList<>();
        for (Read read : reads) {
            if (read.resolutions() == null) {
                files.add(read.file());
            } else {
                FileOutcome outcome = check(read, tenant + "/" + store, ids, records);
                onFile.accept(outcome);
                files.add(FileDays.ofNoDay(outcome));
            }
        }
        Reconciliation closed = new Reconciliation(found.days(),
                BookClosing.close(tenant, store, found.anomalies(), records.resolutions(), config.autoResolve()));
        return new Result(files, records, closed);
    }

    /** A resolutions file's outcome once its rows are checked; the rows of an accepted one go into the store. */
    private static FileOutcome check(Read read, String thisStore, Set<String> ids, StoreRecords records) {
        for (Resolution row : read.resolutions()) {
            String refusal = row.refusal(thisStore, ids.contains(row.anomalyId()));
            if (refusal != null) {
                return FileOutcome.rejected(read.outcome().name(), read.outcome().kind(), row.line(), refusal);
            }
        }
        read.resolutions().forEach(records::add);
        return read.outcome();
    }

    /** One file of an input as read: its outcome and days, and its records, not in the store yet. */
    private record Pending(FileDays file, StoreRecords.Batch batch) {}

    /**
     * Commits the inputs' files in input order, each input as soon as every one before it is committed,
     * while the reading goes on side by side: which file is first (the store's accounts, {@link
     * StoreAccounts}) never depends on which was read faster. A file naming another store's account is
     * rejected and its records dropped; a resolutions file's rows are held for the check.
     */
    private static final class InOrder {
        private final StoreAccounts accounts;
        private final List<List<Pending>> read;
        private final List<List<Read>> committed;
        private int next;

        InOrder(int inputs, StoreAccounts accounts) {
            this.accounts = accounts;
            this.read = new ArrayList<>(Collections.nCopies(inputs, null));
            this.committed = new ArrayList<>(Collections.nCopies(inputs, null));
        }

        synchronized void read(int index, List<Pending> files) {
            read.set(index, files);
            for (; next < read.size() && read.get(next) != null; next++) {
                List<Read> reads = new ArrayList<>(read.get(next).size());
                for (Pending file : read.get(next)) {
                    FileOutcome outcome = accounts.check(file.file().outcome());
                    FileDays checked = outcome.accepted() ? file.file() : FileDays.ofNoDay(outcome);
                    if (outcome.accepted() && outcome.kind() == FileKind.RESOLUTIONS) {
                        reads.add(new Read(checked, file.batch().resolutions()));
                    } else {
                        if (outcome.accepted()) {
                            file.batch().commit();
                        }
                        reads.add(new Read(checked, null));
                    }
                }
                read.set(next, List.of()); // the batches are the store's now, or garbage
                committed.set(next, reads);
            }
        }

        synchronized List<Read> committed(int index) {
            return committed.get(index);
        }
    }

    /** Reads one input (a ZIP gives several files), each file's records into a batch of its own. */
    private static List<Pending> read(Input input, StoreRecords records) {
        List<Pending> files = new ArrayList<>(1);
        new FileIngest().read(input.name(), input.opener(), new IngestListener() {
            private StoreRecords.Batch batch;
            private FileDays.Tracker days;

            @Override
            public RecordSink start(String fileName) {
                batch = records.newBatch();
                days = new FileDays.Tracker(batch);
                return days;
            }

            @Override
            public void finish(FileOutcome outcome) {
                files.add(new Pending(days.of(outcome), outcome.accepted() ? batch : null));
                batch = null;
                days = null;
            }
        });
        return files;
    }
}
