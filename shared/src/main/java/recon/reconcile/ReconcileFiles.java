package recon.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import recon.domain.FileOutcome;
import recon.domain.StoreConfig;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;
import recon.ingest.RecordSink;

/**
 * The whole offline job for one store: read every file, keep the records of the accepted ones
 * (a rejected file contributes nothing), reconcile. The same ingest and rules serve the pipeline.
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

    public static Result run(List<Input> inputs, StoreConfig config, Consumer<FileOutcome> onFile) {
        StoreRecords records = new StoreRecords();
        List<FileOutcome> outcomes = new ArrayList<>();
        FileIngest ingest = new FileIngest();
        for (Input input : inputs) {
            ingest.read(input.name(), input.opener(), new IngestListener() {
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
                    batch = null;
                    outcomes.add(outcome);
                    onFile.accept(outcome);
                }
            });
        }
        return new Result(outcomes, records, new Reconciler(config).reconcile(records));
    }
}
