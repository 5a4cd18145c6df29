package recon.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import recon.domain.FileOutcome;
import recon.domain.StoreConfig;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;
import recon.ingest.RecordSink;

/**
 * The whole offline job for one store: read every file, keep the records of the accepted ones
 * (a rejected file contributes nothing), reconcile. The same ingest and rules serve the pipeline.
 * Files are read side by side, one per core; each file's records are held apart and added to the
 * store in input order once all are read, so the result is the same as reading them one after the
 * other.
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

    /** One file read (a ZIP input gives several): its records, held apart, and its outcome. */
    private record ReadFile(StoreRecords.Batch batch, FileOutcome outcome) {}

    private ReconcileFiles() {}

    /**
     * @param onFile told every file's outcome, in input order, on the calling thread
     */
    public static Result run(List<Input> inputs, StoreConfig config, Consumer<FileOutcome> onFile) {
        StoreRecords records = new StoreRecords();
        List<FileOutcome> outcomes = new ArrayList<>();
        int readers = Math.max(1, Math.min(inputs.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
            List<Future<List<ReadFile>>> reads = new ArrayList<>();
            for (Input input : inputs) {
                reads.add(pool.submit(() -> read(input, records)));
            }
            List<StoreRecords.Batch> accepted = new ArrayList<>();
            for (Future<List<ReadFile>> read : reads) {
                for (ReadFile file : Tasks.resultOf(read, "reading the files")) {
                    if (file.outcome().accepted()) {
                        accepted.add(file.batch());
                    }
                    outcomes.add(file.outcome());
                    onFile.accept(file.outcome());
                }
            }
            records.commit(accepted, pool);
        }
        return new Result(outcomes, records, new Reconciler(config).reconcile(records));
    }

    private static List<ReadFile> read(Input input, StoreRecords records) {
        List<ReadFile> files = new ArrayList<>(1);
        new FileIngest().read(input.name(), input.opener(), new IngestListener() {
            private StoreRecords.Batch batch;

            @Override
            public RecordSink start(String fileName) {
                batch = records.newBatch();
                return batch;
            }

            @Override
            public void finish(FileOutcome outcome) {
                files.add(new ReadFile(outcome.accepted() ? batch : null, outcome));
                batch = null;
            }
        });
        return files;
    }
}
