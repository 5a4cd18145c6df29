package recon.ingest;

import recon.domain.FileOutcome;
import recon.domain.RecordSink;

/**
 * Told about every file read from an upload (a ZIP gives one file per member). The records of a
 * file go to the sink returned by {@link #start}; {@link #finish} then says whether the file was
 * accepted — the records of a rejected file must be dropped, all of them.
 */
public interface IngestListener {
    RecordSink start(String fileName);

    void finish(FileOutcome outcome);
}
