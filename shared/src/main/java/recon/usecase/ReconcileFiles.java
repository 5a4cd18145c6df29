package recon.usecase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
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
     * Every file's outcome, in input order, the merged records of the accepted files (the reports
     * list their ledger lines, open items and resolutions) and their reconciliation, books closed.
     */
    public record Result(List<FileOutcome> files, StoreRecords records, Reconciliation reconciliation) {
        public boolean allAccepted() {
            return files.stream().allMatch(FileOutcome::accepted);
        }
    }

    /** A file as read: its outcome, and the rows of a resolutions file, held until they are checked. */
    private record Read(FileOutcome outcome, List<Resolution> resolutions) {}

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
        try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
            List<Future<List<Read>>> tasks = new ArrayList<>();
            // files are read side by side but checked and committed in input order, each after the one before
            CompletableFuture<Void> before = CompletableFuture.completedFuture(null);
            for (Input input : inputs) {
                CompletableFuture<Void> previous = before;
                CompletableFuture<Void> committed = new CompletableFuture<>();
                tasks.add(pool.submit(() -> {
                    try {
                        return read(input, records, previous, accounts);
                    } finally {
                        committed.complete(null);
                    }
                }));
                before = committed;
            }
            for (Future<List<Read>> task : tasks) {
                for (Read read : Tasks.resultOf(task, "reading the files")) {
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
        List<FileOutcome> outcomes = new ArrayList<>();
        for (Read read : reads) {
            FileOutcome outcome = read.resolutions() == null ? read.outcome() : check(read, tenant + "/" + store, ids, records);
            if (read.resolutions() != null) {
                onFile.accept(outcome);
            }
            outcomes.add(outcome);
        }
        Reconciliation closed = new Reconciliation(found.days(),
                BookClosing.close(tenant, store, found.anomalies(), records.resolutions(), config.autoResolve()));
        return new Result(outcomes, records, closed);
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

    /**
     * Reads one input (a ZIP gives several files) and commits each accepted export as soon as it is
     * read and the inputs before it are committed, unless it names another store's account; a
     * resolutions file's rows are held for the check. The pool takes the inputs in order, so the one
     * waited for is always running or done.
     */
    private static List<Read> read(Input input, StoreRecords records, CompletableFuture<Void> previous,
            StoreAccounts accounts) {
        List<Read> files = new ArrayList<>(1);
        new FileIngest().read(input.name(), input.opener(), new IngestListener() {
            private StoreRecords.Batch batch;

            @Override
            public RecordSink start(String fileName) {
                batch = records.newBatch();
                return batch;
            }

            @Override
            public void finish(FileOutcome read) {
                previous.join();
                FileOutcome outcome = accounts.check(read);
                if (outcome.accepted() && outcome.kind() == FileKind.RESOLUTIONS) {
                    files.add(new Read(outcome, batch.resolutions()));
                } else {
                    if (outcome.accepted()) {
                        batch.commit();
                    }
                    files.add(new Read(outcome, null));
                }
                batch = null;
            }
        });
        return files;
    }
}
