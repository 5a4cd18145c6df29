package recon.usecase;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import recon.alert.AlertDispatch;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.DayFigures;
import recon.domain.FileDays;
import recon.domain.Period;
import recon.port.DayRange;
import recon.port.DayResult;
import recon.port.ReportRequests;
import recon.port.ResultStore;
import recon.port.StoreDays;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.report.MissingExports;
import recon.storage.DayResultJson;

/**
 * The match stage: reconciles a store around the requested days with the same merge and rules as
 * the offline run ({@link ReconcileStore}), keeps each day's result, alerts the anomalies never
 * alerted before and asks for the reports of the days whose result changed. Running it again
 * changes nothing.
 */
public final class MatchStores {
    private static final System.Logger LOG = System.getLogger(MatchStores.class.getName());
    /** Results of this many days around the requested ones are kept, alerted and reported. */
    static final int RESULT_MARGIN_DAYS = 60;

    private final ReconcileStore reconcile;
    private final ResultStore results;
    private final ReportRequests reports;
    private final AlertDispatch alerts;

    public MatchStores(StoreFiles files, ResultStore results, ReportRequests reports, AlertDispatch alerts) {
        this.reconcile = new ReconcileStore(files);
        this.results = results;
        this.reports = reports;
        this.alerts = alerts;
    }

    /**
     * Matches the store for the days of the request.
     *
     * @throws StoreConfigJson.InvalidConfigException when the store's config.json cannot be used (after an alert)
     */
    public void match(StoreDays request) {
        StoreRef store = request.store();
        LocalDate first = request.days().first();
        LocalDate last = request.days().last();
        DayRange kept = new DayRange(first.minusDays(RESULT_MARGIN_DAYS), last.plusDays(RESULT_MARGIN_DAYS));
        ReconcileStore.Reconciled reconciled;
        try {
            reconciled = reconcile.reconcile(store, kept, ReconcileStore.CONTEXT_DAYS - RESULT_MARGIN_DAYS);
        } catch (StoreConfigJson.InvalidConfigException e) {
            alerts.invalidConfig(store, e.getMessage());
            throw e;
        }

        Reconciliation reconciliation = reconciled.reconciliation();
        Map<LocalDate, List<Anomaly>> anomaliesByDay = new HashMap<>();
        List<Anomaly> keptAnomalies = new ArrayList<>();
        for (Anomaly anomaly : reconciliation.anomalies()) {
            if (kept.contains(anomaly.day())) {
                anomaliesByDay.computeIfAbsent(anomaly.day(), d -> new ArrayList<>()).add(anomaly);
                keptAnomalies.add(anomaly);
            }
        }
        List<DayResult> changed = new ArrayList<>();
        for (DayFigures figures : reconciliation.days()) {
            if (kept.contains(figures.day())) {
                DayResult result = new DayResult(store, FileDays.listedIn(reconciled.files(), Period.day(figures.day())), figures,
                        anomaliesByDay.getOrDefault(figures.day(), List.of()));
                Optional<DayResult> stored = results.result(store, figures.day());
                if (stored.isEmpty() || !DayResultJson.hash(stored.get()).equals(DayResultJson.hash(result))) {
                    changed.add(result);
                }
            }
        }
        // the report request before the results it follows from: a run that dies in between finds
        // the same days changed again and asks again, where the other order would leave them unreported
        // (the report stage reconciles for itself and does not read the saved results)
        if (!changed.isEmpty()) {
            reports.send(new StoreDays(store, changed.stream().map(DayResult::day).collect(Collectors.toCollection(TreeSet::new))));
            changed.forEach(results::save);
        }
        // the alert last: an alert points at the reports, and it is the step that must not repeat
        List<Anomaly> firstSeen = alerts.newAnomalies(store, keptAnomalies,
                MissingExports.incomplete(FileDays.outcomes(reconciled.files()), keptAnomalies));
        for (YearMonth month : closedMonths(reconciled, first, last)) {
            alerts.monthClosed(store, month);
        }
        LOG.log(System.Logger.Level.INFO, "matched {0} {1}..{2}: {3} days changed, {4} new anomalies",
                store, first, last, changed.size(), firstSeen.size());
    }

    /**
     * The months of the request that are closed (已对平): every day of the month covered by the bills
     * of every channel the store uses — a month still going on, or missing an export, is not done — and none of its anomalies
     * PENDING, OPEN or DISPUTED.
     */
    static List<YearMonth> closedMonths(ReconcileStore.Reconciled reconciled, LocalDate first, LocalDate last) {
        StoreRecords records = reconciled.records();
        Set<LocalDate> covered = records.ledgerDays(reconciled.config().channelsUsed(records.channelsBilled()));
        List<YearMonth> closed = new ArrayList<>();
        for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            YearMonth m = month;
            boolean complete = m.atDay(1).datesUntil(m.atEndOfMonth().plusDays(1)).allMatch(covered::contains);
            boolean settled = reconciled.reconciliation().anomalies().stream()
                    .filter(a -> YearMonth.from(a.day()).equals(m))
                    .noneMatch(a -> a.status().isUnsettled());
            if (complete && settled) {
                closed.add(m);
            }
        }
        return closed;
    }
}
