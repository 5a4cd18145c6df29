package recon.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.IncompleteData;
import recon.domain.Waiting;

/**
 * The exports whose absence keeps anomalies PENDING: for each kind, the periods to upload (the days
 * the PENDING anomalies wait for, joined where they touch), with how many anomalies each would settle.
 */
public final class MissingExports {
    /** One period of one kind of export to upload, and the PENDING anomalies waiting for days of it. */
    public record Missing(FileKind kind, LocalDate from, LocalDate to, int pending) {}

    private MissingExports() {}

    /** What the reconciliation of these anomalies lacks: the refused files among {@code files}, the exports missing. */
    public static IncompleteData incomplete(Collection<FileOutcome> files, Collection<Anomaly> anomalies) {
        return IncompleteData.of(files, of(anomalies).stream().map(m -> new Waiting(m.kind(), m.from(), m.to())).toList());
    }

    public static List<Missing> of(Collection<Anomaly> anomalies) {
        Map<FileKind, List<Waiting>> byKind = new EnumMap<>(FileKind.class);
        for (Anomaly a : anomalies) {
            if (a.status() == AnomalyStatus.PENDING && a.waitingFor() != null) {
                byKind.computeIfAbsent(a.waitingFor().kind(), k -> new ArrayList<>()).add(a.waitingFor());
            }
        }
        List<Missing> missing = new ArrayList<>();
        byKind.forEach((kind, waits) -> {
            waits.sort(Comparator.comparing(Waiting::first).thenComparing(Waiting::last));
            LocalDate from = null;
            LocalDate to = null;
            int pending = 0;
            for (Waiting w : waits) {
                if (from != null && w.first().isAfter(to.plusDays(1))) {
                    missing.add(new Missing(kind, from, to, pending));
                    from = null;
                }
                if (from == null) {
                    from = w.first();
                    to = w.last();
                    pending = 0;
                }
                if (w.last().isAfter(to)) {
                    to = w.last();
                }
                pending++;
            }
            missing.add(new Missing(kind, from, to, pending));
        });
        return missing;
    }
}
