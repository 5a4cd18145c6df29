package recon.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileDays;
import recon.domain.Ids;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.Period;
import recon.domain.Resolution;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.reconcile.ContractRates;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.reconcile.Tasks;

/**
 * The records and reconciliation of one store, arranged once so that the report of any day or month
 * is cheap to gather: the ledger lines sorted by time (a period is a slice of them), the open-item
 * index and the invoices by order. Both hold references to the records, not copies.
 */
public final class ReportSource {
    private static final List<LineClass> FEE_CLASSES =
            List.of(LineClass.COMMISSION, LineClass.AFFILIATE_FEE, LineClass.PAYMENT_FEE, LineClass.POINTS);
    /** The 类目 key of settlements and commission whose order no order report holds. */
    private static final String UNKNOWN_ORDER = "\u0000";

    private final String tenant;
    private final String store;
    private final List<FileDays> files;
    private final StoreRecords records;
    private final Reconciliation result;
    private final StoreConfig config;
    private final LedgerLine[] lines;
    /** The 类目 of each line's order, an index into {@link #categories}; -1 for lines other than settlements and commission. */
    private final int[] categoryOfLine;
    /** The 类目 of the lines' orders, sorted, {@link #UNKNOWN_ORDER} first when some line's order is in no order report. */
    private final String[] categories;
    private final OpenItems openItems;
    private final InvoiceBook invoices;
    /** The byCategory keys no order of the store matches: every report of the store warns of them. */
    private final List<ContractRates.UnmatchedKey> unmatchedKeys;
    /** The ids of every anomaly of the reconciliation: a resolution of another id is of an anomaly since explained. */
    private final Set<String> anomalyIds = new HashSet<>();
    /**
     * The type of the first anomaly raised on each ledger line, by line id: every report that lists the line
     * says it, whatever the anomaly's day, so a line's row is the same in its day's and its month's workbook.
     */
    private final Map<String, AnomalyType> lineAnomalies = new HashMap<>();
    /** The numbers of those line ids, sorted: a search among them spares most lines making their id's text. */
    private final long[] flaggedLines;

    public ReportSource(String tenant, String store, List<FileDays> files, StoreRecords records,
            Reconciliation result, StoreConfig config) {
        this.tenant = tenant;
        this.store = store;
        this.files = List.copyOf(files);
        this.records = records;
        this.result = result;
        this.config = config;
        // the open items, the invoices and the contract's keys are arranged on another core, where there is one,
        // while the lines are sorted here
        Executor otherCore = Runtime.getRuntime().availableProcessors() > 1 ? ForkJoinPool.commonPool() : Runnable::run;
        CompletableFuture<OpenItems> open = CompletableFuture.supplyAsync(() -> new OpenItems(records, config), otherCore);
        CompletableFuture<InvoiceBook> book =
                CompletableFuture.supplyAsync(() -> new InvoiceBook(records, config.toleranceFen()), otherCore);
        CompletableFuture<List<ContractRates.UnmatchedKey>> unmatched =
                CompletableFuture.supplyAsync(() -> ContractRates.of(records, config).unmatched(), otherCore);
        this.lines = records.ledgerLines().toArray(LedgerLine[]::new);
        Arrays.sort(lines, LedgerLine.BY_TIME);
        this.categoryOfLine = new int[lines.length];
        this.categories = categories(records, lines, categoryOfLine);
        for (Anomaly anomaly : result.anomalies()) {
            anomalyIds.add(anomaly.id());
            if (anomaly.lineId() != null) {
                lineAnomalies.putIfAbsent(anomaly.lineId(), anomaly.type());
            }
        }
        this.flaggedLines = lineAnomalies.keySet().stream().mapToLong(Ids::number).sorted().toArray();
        this.openItems = Tasks.resultOf(open, "arranging the open items");
        this.invoices = Tasks.resultOf(book, "arranging the invoices");
        this.unmatchedKeys = Tasks.resultOf(unmatched, "matching the contract's keys");
    }

    /**
     * The sorted 类目 of the settlement and commission lines' orders, each line's index among them set in
     * {@code categoryOfLine}: the orders are looked up once, not once for every period a line is in.
     */
    private static String[] categories(StoreRecords records, LedgerLine[] lines, int[] categoryOfLine) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            LineClass lineClass = lines[i].lineClass();
            if (lineClass == LineClass.SETTLEMENT || lineClass == LineClass.COMMISSION) {
                Order order = records.order(lines[i]);
                String category = order == null ? UNKNOWN_ORDER : order.category();
                Integer index = seen.get(category);
                if (index == null) {
                    index = seen.size();
                    seen.put(category, index);
                }
                categoryOfLine[i] = index;
            } else {
                categoryOfLine[i] = -1;
            }
        }
        String[] sorted = seen.keySet().toArray(String[]::new);
        Arrays.sort(sorted);
        int[] rank = new int[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            rank[seen.get(sorted[k])] = k;
        }
        for (int i = 0; i < lines.length; i++) {
            if (categoryOfLine[i] >= 0) {
                categoryOfLine[i] = rank[categoryOfLine[i]];
            }
        }
        return sorted;
    }

    /** Every day with figures, then every month with figures. */
    public List<Period> periods() {
        return periods(result);
    }

    static List<Period> periods(Reconciliation result) {
        List<Period> periods = new ArrayList<>();
        Set<YearMonth> months = new LinkedHashSet<>();
        for (DayFigures day : result.days()) {
            periods.add(Period.day(day.day()));
            months.add(YearMonth.from(day.day()));
        }
        months.forEach(month -> periods.add(Period.month(month)));
        return periods;
    }

    /** The figures of the period's days. */
    static List<DayFigures> days(Reconciliation result, Period period) {
        return result.days().stream().filter(d -> period.contains(d.day())).toList();
    }

    /** The anomalies of the period's days. */
    static List<Anomaly> anomalies(Reconciliation result, Period period) {
        return result.anomalies().stream().filter(a -> period.contains(a.day())).toList();
    }

    public PeriodReport report(Period period) {
        List<DayFigures> days = days(result, period);
        LocalDate monthStart = period.first().withDayOfMonth(1);
        List<DayFigures> monthToDate = result.days().stream()
                .filter(d -> !d.day().isBefore(monthStart) && !d.day().isAfter(period.last()))
                .toList();
        List<Anomaly> anomalies = anomalies(result, period);
        int from = firstAtOrAfter(Times.startOf(period.first()));
        int to = firstAtOrAfter(Times.startOf(period.last().plusDays(1)));
        List<LedgerLine> periodLines = Arrays.asList(lines).subList(from, to);
        LocalDate asOf = days.isEmpty() ? period.last() : days.getLast().day();
        Totals totals = Totals.of(days);
        return new PeriodReport(tenant, store, period, FileDays.listedIn(files, period), days, totals, balance(totals, periodLines),
                config.toleranceFen(), anomalies, fees(from, to), monthToDate, asOf, openItems.at(asOf, period.isMonth(), ReportPage.OPEN_ITEMS_SHOWN),
                periodLines, records::order, this::anomalyOf, invoices.issuedIn(period), invoices.toInvoiceAt(asOf),
                trail(anomalies, period), unmatchedKeys);
    }

    /** The type of the first anomaly raised on the line, or null. */
    private AnomalyType anomalyOf(LedgerLine line) {
        boolean flagged = line.lineNumber() == Ids.TEXT || Arrays.binarySearch(flaggedLines, line.lineNumber()) >= 0;
        return flagged ? lineAnomalies.get(line.lineId()) : null;
    }

    /** The resolutions of the period's anomalies, and of vanished anomalies made on its days. */
    private List<Resolution> trail(List<Anomaly> anomalies, Period period) {
        Set<String> inPeriod = new HashSet<>();
        anomalies.forEach(a -> inPeriod.add(a.id()));
        return records.resolutions().stream()
                .filter(r -> inPeriod.contains(r.anomalyId())
                        || (!anomalyIds.contains(r.anomalyId()) && Times.isPresent(r.at()) && period.contains(Times.day(r.at()))))
                .sorted(Comparator.comparing(Resolution::anomalyId).thenComparing(Resolution.LATEST_LAST))
                .toList();
    }

    private int firstAtOrAfter(long epochSecond) {
        int low = 0;
        int high = lines.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (lines[mid].occurredAt() < epochSecond) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The Alipay account's balance line: the WeChat bill states no balance to check. */
    private static BalanceCheck balance(Totals totals, List<LedgerLine> periodLines) {
        long income = 0;
        long expense = 0;
        int lines = 0;
        int withoutBalance = 0;
        for (LedgerLine line : periodLines) {
            if (line.channel() != Channel.ALIPAY) {
                continue;
            }
            income += line.incomeFen();
            expense += line.expenseFen();
            lines++;
            if (!line.hasBalance()) {
                withoutBalance++;
            }
        }
        return new BalanceCheck(totals.openingBalance(), income, expense, totals.closingBalance(), lines, withoutBalance);
    }

    /** One pass over the period's lines ({@code from} to {@code to}): fee classes, and settlements and commission by the order's 类目. */
    private Fees fees(int from, int to) {
        Map<LineClass, long[]> byClass = new EnumMap<>(LineClass.class);
        FEE_CLASSES.forEach(c -> byClass.put(c, new long[2]));
        // by 类目: {settled, charged}, null for a 类目 the period has no line of
        long[][] byCategory = new long[categories.length][];
        long settled = 0;
        for (int i = from; i < to; i++) {
            LedgerLine line = lines[i];
            long debit = line.expenseFen() - line.incomeFen();
            long[] classSums = byClass.get(line.lineClass());
            if (classSums != null) {
                classSums[0]++;
                classSums[1] += debit;
            }
            if (line.lineClass() == LineClass.SETTLEMENT) {
                settled += line.incomeFen();
                sums(byCategory, categoryOfLine[i])[0] += line.incomeFen();
            } else if (line.lineClass() == LineClass.COMMISSION) {
                sums(byCategory, categoryOfLine[i])[1] += debit;
            }
        }
        List<Fees.ByClass> classes = new ArrayList<>();
        byClass.forEach((lineClass, sums) -> classes.add(new Fees.ByClass(lineClass, sums[0], sums[1])));
        List<Fees.ByCategory> rows = new ArrayList<>();
        long knownSettled = 0;
        long contractFee = 0;
        for (int k = 0; k < categories.length; k++) {
            if (byCategory[k] == null) {
                continue;
            }
            boolean known = !categories[k].equals(UNKNOWN_ORDER);
            String category = known ? categories[k] : null;
            StoreConfig.Commission contract = config.commission(known ? category : "");
            Fees.ByCategory row = new Fees.ByCategory(category, contract, byCategory[k][0], byCategory[k][1]);
            rows.add(row);
            if (known) {
                knownSettled += row.settledFen();
                contractFee += row.contractFeeFen();
            }
        }
        return new Fees(classes, rows, settled, knownSettled, contractFee, config.feeRatioFactor());
    }

    private static long[] sums(long[][] byCategory, int category) {
        if (byCategory[category] == null) {
            byCategory[category] = new long[2];
        }
        return byCategory[category];
    }
}
