package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Period;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.port.CoveredDays;
import recon.port.DayRange;
import recon.port.FileEntry;
import recon.port.RecordChunk;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.reconcile.Reconciler;
import recon.reconcile.Reconciliation;
import recon.reconcile.StoreRecords;
import recon.report.ReportFiles;
import recon.report.ReportSource;
import recon.storage.RecordPacker;
import recon.testdata.InMemory;
import recon.testing.Gen;
import recon.testing.Property;

/**
 * A period reconciled on its records and only what the days around it hold that it needs ({@link PeriodContext})
 * comes out as with every record of those days: the same figures and anomalies for each of its days, the
 * same day reports.
 */
class PeriodContextTest {
    private static final StoreRef STORE = new StoreRef("t1", "s1");
    /** Generated days from 2026-08-20 to 2026-11-07: September and October whole, with days either side. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 20);
    private static final int DAYS = 80;
    private static final List<FileKind> COVERED_KINDS = List.of(FileKind.ALIPAY_LEDGER, FileKind.TAOTIAN_WECHAT,
            FileKind.TMALL_ORDERS, FileKind.TMALL_REFUNDS, FileKind.INVOICES);

    record Content(List<Order> orders, List<LedgerLine> lines, List<Refund> refunds, List<Invoice> invoices,
            List<List<Integer>> covered) {}

    /** The period and how many days either side are looked at, and the contract's delays (short, so that orders fall due inside). */
    record Window(int from, int length, int contextDays, int autoConfirmDays, int graceDays, int invoiceDays) {}

    private static long at(String shanghaiTime) {
        return Times.of(java.time.LocalDateTime.parse(shanghaiTime.replace(' ', 'T')));
    }

    private static Order order(String id, String paid, String confirmed) {
        return new Order(id, 19_900, OrderStatus.SUCCESS, at(paid), at(paid), confirmed == null ? Times.NONE : at(confirmed),
                "", false, "");
    }

    private static LedgerLine line(String id, String orderId, String time, LineClass lineClass, long balanceFen) {
        return new LedgerLine(id, orderId, at(time), lineClass == LineClass.SETTLEMENT ? 19_900 : 0,
                lineClass == LineClass.SETTLEMENT ? 0 : 398, balanceFen, lineClass, "");
    }

    @Test
    void ofTheDaysBeforeAMonthOnlyWhatItsResultsCanDependOnIsHeld() {
        Content content = new Content(List.of(
                order("3553498017448001", "2026-08-01 10:00:00", "2026-08-05 10:00:00"), // settled in August: not held
                order("3553498017448002", "2026-08-02 10:00:00", null), // never settled: an open item all November
                order("3553498017448003", "2026-10-25 10:00:00", "2026-10-28 10:00:00"), // due at the end of October
                order("3553498017448004", "2026-08-03 10:00:00", "2026-08-06 10:00:00")), // refunded in November
                List.of(line("L1", "3553498017448001", "2026-08-06 09:00:00", LineClass.SETTLEMENT, 119_900),
                        line("L2", null, "2026-08-10 09:00:00", LineClass.PAYMENT_FEE, 119_502),
                        line("L3", "3553498017448004", "2026-08-07 09:00:00", LineClass.SETTLEMENT, 139_402),
                        line("L4", null, "2026-10-30 09:00:00", LineClass.PAYMENT_FEE, 139_004),
                        line("L5", "3553498017448004", "2026-11-03 09:00:00", LineClass.REFUND, 138_606)),
                List.of(), List.of(), List.of());
        StoreConfig config = new StoreConfig(new BigDecimal("0.02"), Map.of(), 1, 3, 20, new BigDecimal("0.30"),
                new BigDecimal("1.5"));

        ReconcileStore.Reconciled held = new ReconcileStore(stored(content, config))
                .reconcile(STORE, new DayRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), 120);

        assertThat(held.records().orders()).extracting(Order::orderId)
                .containsExactlyInAnyOrder("3553498017448002", "3553498017448003", "3553498017448004");
        // the refunded order's lines, and the last day's before November with a balance (its balance opens November)
        assertThat(held.records().ledgerLines()).extracting(LedgerLine::lineId).containsExactlyInAnyOrder("L3", "L4", "L5");
    }

    @Test
    void aPeriodsFiguresAndAnomaliesComeOutAsWithEveryRecordOfTheDaysAroundIt() {
        Property.tries(200).forAll(stores(), windows(), (content, window) -> {
            DayRange period = new DayRange(FIRST_DAY.plusDays(window.from()),
                    FIRST_DAY.plusDays(window.from() + window.length() - 1));
            Both both = both(content, window, period);

            assertThat(inPeriod(both.held().reconciliation(), period)).isEqualTo(inPeriod(both.whole(), period));
        });
    }

    @Test
    void aMonthsReportsComeOutAsWithEveryRecordOfTheDaysAroundIt() {
        Property.tries(60).forAll(stores(), windows(), Gen.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10)),
                (content, window, month) -> {
                    DayRange period = new DayRange(month.atDay(1), month.atEndOfMonth());
                    Both both = both(content, window, period);

                    // a day's page charts every day of its month: the reports of a month's days need the whole month
                    ReportSource held = new ReportSource("t1", "s1", both.held().files(), both.held().records(),
                            both.held().reconciliation(), both.config());
                    ReportSource whole = new ReportSource("t1", "s1", both.held().files(), both.every(), both.whole(),
                            both.config());
                    assertThat(report(held, Period.month(month))).isEqualTo(report(whole, Period.month(month)));
                    for (int day : List.of(1, 9, 17, 28)) {
                        Period of = Period.day(month.atDay(day));
                        assertThat(report(held, of)).as("reports of %s", of.key()).isEqualTo(report(whole, of));
                    }
                    assertThat(both.held().records().orders().size()).isLessThanOrEqualTo(both.every().orders().size());
                });
    }

    /** The period reconciled by the store on what it holds, and on every record of the days around it. */
    record Both(StoreConfig config, ReconcileStore.Reconciled held, StoreRecords every, Reconciliation whole) {}

    private static Both both(Content content, Window window, DayRange period) {
        StoreConfig config = new StoreConfig(new BigDecimal("0.02"), Map.of(), 1, window.graceDays(),
                window.autoConfirmDays(), new BigDecimal("0.30"), new BigDecimal("1.5"), List.of(), Set.of(),
                window.invoiceDays(), Map.of());
        ReconcileStore.Reconciled held = new ReconcileStore(stored(content, config)).reconcile(STORE, period,
                window.contextDays());
        StoreRecords every = everyRecord(content, new DayRange(period.first().minusDays(window.contextDays()),
                period.last().plusDays(window.contextDays())));
        return new Both(config, held, every, new Reconciler(config).closeBooks("t1", "s1", every));
    }

    /** The figures and anomalies of the period's days. */
    private static List<Object> inPeriod(Reconciliation reconciliation, DayRange period) {
        List<Object> kept = new ArrayList<>();
        for (DayFigures figures : reconciliation.days()) {
            if (period.contains(figures.day())) {
                kept.add(figures);
            }
        }
        for (Anomaly anomaly : reconciliation.anomalies()) {
            if (period.contains(anomaly.day())) {
                kept.add(anomaly);
            }
        }
        return kept;
    }

    /** A period's four report files, by name: the texts as they are, the workbook by its SHA-256. */
    private static Map<String, String> report(ReportSource source, Period period) {
        Map<String, ByteArrayOutputStream> written = new LinkedHashMap<>();
        try {
            ReportFiles.writeFolder(source.report(period), name -> written.computeIfAbsent(name,
                    n -> new ByteArrayOutputStream()));
            Map<String, String> files = new LinkedHashMap<>();
            for (Map.Entry<String, ByteArrayOutputStream> file : written.entrySet()) {
                byte[] bytes = file.getValue().toByteArray();
                files.put(file.getKey(), file.getKey().endsWith(".xlsx")
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                        : new String(bytes, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content as the parse stage stores it: one file's chunks, its manifest entry with the coverage. */
    private static StoreFiles stored(Content content, StoreConfig config) {
        InMemory.MemoryRecords records = new InMemory.MemoryRecords();
        List<RecordChunk> chunks = new ArrayList<>();
        RecordPacker packer = new RecordPacker("f1", FIRST_DAY, chunks::add);
        content.orders().forEach(packer::order);
        content.lines().forEach(packer::ledgerLine);
        content.refunds().forEach(packer::refund);
        content.invoices().forEach(packer::invoice);
        packer.finish();
        records.save(STORE, chunks);
        InMemory.MemoryManifest manifest = new InMemory.MemoryManifest();
        List<CoveredDays> coverage = content.covered().stream()
                .map(c -> new CoveredDays(COVERED_KINDS.get(c.get(0)), FIRST_DAY.plusDays(c.get(1)),
                        FIRST_DAY.plusDays(c.get(1) + c.get(2))))
                .toList();
        DayRange recordDays = packer.days().isEmpty() ? null : new DayRange(packer.days().first(), packer.days().last());
        manifest.save(new FileEntry(STORE, "f1", "exports.zip", "tenants/t1/stores/s1/inbox/exports.zip",
                FileEntry.Status.DONE, List.of(FileOutcome.accepted("exports.zip", FileKind.ALIPAY_LEDGER, 1)), coverage,
                recordDays, Instant.parse("2026-12-01T00:00:00Z")));
        InMemory.MemoryBlobs blobs = new InMemory.MemoryBlobs();
        blobs.write(STORE.configKey(), ("{\"graceDays\": %d, \"autoConfirmDays\": %d, \"invoiceDays\": %d}"
                .formatted(config.graceDays(), config.autoConfirmDays(), config.invoiceDays())).getBytes(StandardCharsets.UTF_8),
                "application/json");
        return new StoreFiles(blobs, manifest, records, new InMemory.MemoryResolutions());
    }

    /** Every record whose day (as the chunks store it) is in the range, and the coverage. */
    private static StoreRecords everyRecord(Content content, DayRange range) {
        StoreRecords records = new StoreRecords();
        content.orders().stream().filter(o -> range.contains(dayOf(o.dayTime()))).forEach(records::add);
        content.lines().stream().filter(l -> range.contains(Times.day(l.occurredAt()))).forEach(records::add);
        content.refunds().stream().filter(r -> range.contains(dayOf(r.dayTime()))).forEach(records::add);
        content.invoices().stream().filter(i -> range.contains(Times.day(i.issuedAt()))).forEach(records::add);
        for (List<Integer> c : content.covered()) {
            records.cover(COVERED_KINDS.get(c.get(0)), FIRST_DAY.plusDays(c.get(1)), FIRST_DAY.plusDays(c.get(1) + c.get(2)));
        }
        return records;
    }

    private static LocalDate dayOf(long time) {
        return Times.isPresent(time) ? Times.day(time) : FIRST_DAY;
    }

    private static Gen<Window> windows() {
        return c -> new Window(Gen.ints(5, DAYS - 15).generate(c), Gen.ints(1, 12).generate(c), Gen.ints(1, 20).generate(c),
                Gen.ints(0, 6).generate(c), Gen.ints(0, 3).generate(c), Gen.ints(0, 8).generate(c));
    }

    private static Gen<Content> stores() {
        return c -> new Content(orders().list(0, 30).generate(c), lines().list(0, 60).generate(c),
                refunds().list(0, 12).generate(c), invoices().list(0, 12).generate(c),
                Gen.ints(0, COVERED_KINDS.size() - 1).flatMap(kind -> Gen.ints(0, DAYS - 1)
                        .flatMap(from -> Gen.ints(0, 30).map(length -> List.of(kind, from, length)))).list(0, 10).generate(c));
    }

    /** Some ids kept as text (see Ids), which the records key apart. */
    private static Gen<String> orderIds() {
        return Gen.ints(1, 16).map(n -> n == 16 ? "T6" : Long.toString(3553498017448000L + n));
    }

    private static Gen<Long> amounts() {
        return Gen.of(0L, 200L, 398L, 1_000L, 2_000L, 19_900L);
    }

    /** Times over the generated days, few enough seconds that lines often share one. */
    private static Gen<Long> times() {
        Gen<Integer> days = Gen.ints(0, DAYS - 1);
        Gen<Integer> seconds = Gen.of(0, 36_000, 36_001, 86_399);
        return c -> Times.startOf(FIRST_DAY.plusDays(days.generate(c))) + seconds.generate(c);
    }

    private static Gen<Long> optionalTimes() {
        return Gen.frequency(1, Gen.constant(Times.NONE), 4, times());
    }

    private static Gen<Order> orders() {
        Gen<OrderStatus> statuses = Gen.frequency(3, Gen.constant(OrderStatus.SUCCESS), 1, Gen.of(OrderStatus.class));
        Gen<Long> laterBy = Gen.frequency(1, Gen.constant(Times.NONE), 4, Gen.ints(0, 12).map(days -> days * 86_400L + 7));
        // created, then paid, then confirmed, as the platform's times go
        return c -> {
            long created = times().generate(c);
            long paidAfter = laterBy.generate(c);
            long paid = paidAfter == Times.NONE ? Times.NONE : created + paidAfter;
            long confirmedAfter = laterBy.generate(c);
            long confirmed = confirmedAfter == Times.NONE ? Times.NONE : (paid == Times.NONE ? created : paid) + confirmedAfter;
            return new Order(orderIds().generate(c), amounts().generate(c), statuses.generate(c), created, paid, confirmed,
                    "", Gen.booleans().generate(c), "");
        };
    }

    /** The order of a line, refund or invoice numbered n: one order (or none) per id, as in the platform's exports. */
    private static String orderOf(int n) {
        int order = n % 18;
        return order == 0 ? null : order == 17 ? "T6" : Long.toString(3553498017448000L + order);
    }

    /** A line is one line: its id gives all of it (exports that overlap give it again, the same). */
    private static Gen<LedgerLine> lines() {
        long[] amounts = {0L, 200L, 398L, 1_000L, 2_000L, 19_900L};
        int[] seconds = {0, 36_000, 36_001, 86_399};
        LineClass[] classes = LineClass.values();
        return Gen.ints(1, 120).map(id -> {
            Channel channel = id % 5 == 0 ? Channel.TAOTIAN_WECHAT : Channel.ALIPAY;
            long at = Times.startOf(FIRST_DAY.plusDays(id * 37L % DAYS)) + seconds[id % seconds.length];
            return new LedgerLine(channel, "L" + id, orderOf(id), at, amounts[id % amounts.length],
                    amounts[id / amounts.length % amounts.length],
                    channel == Channel.ALIPAY ? id * 53L % 5_000 : LedgerLine.NO_BALANCE, classes[id * 7 % classes.length], "");
        });
    }

    private static Gen<Refund> refunds() {
        Gen<Integer> ids = Gen.ints(1, 40);
        Gen<RefundStatus> statuses = Gen.of(RefundStatus.class);
        return c -> {
            int id = ids.generate(c);
            String order = orderOf(id);
            return new Refund("R" + id, order == null ? "3553498017448001" : order, amounts().generate(c),
                    statuses.generate(c), optionalTimes().generate(c), optionalTimes().generate(c), Gen.booleans().generate(c));
        };
    }

    /** An invoice's 开票日期 is its own: a register that lists it again gives the same (its state may have moved on). */
    private static long issuedOn(int id) {
        return Times.startOf(FIRST_DAY.plusDays(id * 29L % DAYS)) + 36_000;
    }

    private static Gen<Invoice> invoices() {
        Gen<Integer> ids = Gen.ints(1, 40);
        Gen<InvoiceStatus> statuses = Gen.of(InvoiceStatus.class);
        return c -> {
            int id = ids.generate(c);
            boolean red = Gen.booleans().generate(c);
            long amount = amounts().generate(c);
            String order = orderOf(id);
            return new Invoice("260000000000000000" + id, order == null ? "" : order,
                    red ? -amount : amount, red, statuses.generate(c), issuedOn(id), red ? "02" : "", true);
        };
    }
}
