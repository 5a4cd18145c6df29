package recon.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import recon.domain.FileOutcome;
import recon.domain.RecordSink;
import recon.domain.StoreConfig;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.reconcile.Tasks;

/**
 * The whole offline job for one store: read every file, keep the records of the accepted ones
 * (a rejected file contributes nothing), reconcile. The same ingest and rules serve the pipeline.
 * Files are read side by side, one per core; each file's records are held apart until the file is
 * read and accepted, then added to the store at once, while other files are still being read. The
 * store merges by content and every sort of the rules and reports is total, so the order files finish
 * in changes nothing; the records of a file that repeats lines the store holds are let go at once.
 */
public final class ReconcileFiles {
    /** One input: its display name and how to (re)open its bytes. */
    public record Input(String name, FileIngest.Opener opener) {}

    /**
     * Every file's outcome, in input order, the merged records of the accepted files (the reports
     * list their ledger lines and open items) and their reconciliation.
     */
    public record Result(List<FileOutcome> files, StoreRecords records, Reconciliation reconciliation) {
        public boolean allAccepted() {
            return files.stream().allMatch(FileOutcome::accepted);
        }
    }

    private ReconcileFiles() {}

    /**
     * @param onFile told every file's outcome, in input order, on the calling thread
     */
    public static Result run(List<Input> inputs, StoreConfig config, Consumer<FileOutcome> onFile) {
        StoreRecords records = new StoreRecords();
        List<FileOutcome> outcomes = new ArrayList<>();
        int readers = Math.max(1, Math.min(inputs.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
            List<Future<List<FileOutcome>>> reads = new ArrayList<>();
            for (Input input : inputs) {
                reads.add(pool.submit(() -> read(input, records)));
            }
            for (Future<List<FileOutcome>> read : reads) {
                for (FileOutcome outcome : Tasks.resultOf(read, "reading the files")) {
                    outcomes.add(outcome);
                    onFile.accept(outcome);
                }
            }
        }
        return new Result(outcomes, records, new Reconciler(config).reconcile(records));
    }

    /** Reads one input (a ZIP gives several files) and commits each accepted file as soon as it is read. */
    private static List<FileOutcome> read(Input input, StoreRecords records) {
        List<FileOutcome> files = new ArrayList<>(1);
        new FileIngest().read(input.name(), input.opener(), new IngestListener() {
            private StoreRecords.Batch batch;

            @Override
            public RecordSink start(String fileName) {
                batch = records.newBatch();
                return batch;
            }

            @Override
            public void finish(FileOutcome outcome) {
                if (outcome.accepted()) {
                    batch.commit();
                }
                files.add(outcome);
                batch = null;
            }
        });
        return files;
    }
}
