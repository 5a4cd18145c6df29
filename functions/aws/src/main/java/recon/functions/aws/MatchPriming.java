package recon.functions.aws;

import java.util.List;
import recon.domain.DayFigures;
import recon.port.DayResult;
import recon.reconcile.Reconciliation;
import recon.storage.DayResultJson;

/**
 * The match function's path, run offline before the SnapStart snapshot so that its classes are loaded
 * and warm in it: the tiny store reconciled, and its day's result stored and read back as match
 * compares them. No network (the SDK's side is {@link SdkPriming}, in the handler).
 */
public final class MatchPriming {
    private MatchPriming() {}

    /** @return the tiny store's reconciliation, so a test can see that the path really ran */
    public static Reconciliation run() {
        Reconciliation reconciliation = StorePriming.reconcile().reconciliation();
        DayFigures day = reconciliation.days().stream().filter(d -> d.day().equals(StorePriming.DAY)).findFirst()
                .orElseThrow();
        DayResult result = new DayResult(StorePriming.STORE, List.of(), day, reconciliation.anomalies());
        DayResultJson.hash(DayResultJson.fromJson(DayResultJson.json(result)));
        return reconciliation;
    }
}
