package recon.functions.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import recon.domain.Period;
import recon.report.ReportFiles;
import recon.report.ReportSource;

/**
 * The report function's path, run offline before the SnapStart snapshot so that its classes are loaded
 * and warm in it: the tiny store reconciled and its day's report folder written, to nowhere. No
 * network (the SDK's side is {@link SdkPriming}, in the handler).
 */
public final class ReportPriming {
    private ReportPriming() {}

    /** @return the names of the files written */
    public static List<String> run() {
        StorePriming.Reconciled store = StorePriming.reconcile();
        ReportSource source = new ReportSource(StorePriming.STORE.tenant(), StorePriming.STORE.store(), List.of(),
                store.records(), store.reconciliation(), store.config());
        List<String> written = new ArrayList<>();
        try {
            ReportFiles.writeFolder(source.report(Period.day(StorePriming.DAY)), name -> {
                written.add(name);
                return OutputStream.nullOutputStream();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to nowhere: does not happen
        }
        return written;
    }
}
