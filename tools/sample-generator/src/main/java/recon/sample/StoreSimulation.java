package recon.sample;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import recon.domain.AnomalyType;
import recon.domain.OrderStatus;
import recon.domain.RefundStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;

/**
 * Simulates one store over the period and writes its exports. First every order's life is decided
 * (payment, confirmation, refunds, fees), then the anomalies are planted on chosen orders and days,
 * then the ledger is written day by day with running balances, the day-level rules are checked on
 * exactly what was written, the invoices are decided last (they move no money), and finally the Tmall
 * reports and the invoice registers are written as of their export times.
 */
final class StoreSimulation {
    private static final long DAY = 86_400;
    private static final long HOUR = 3_600;
    private static final long MILLION = 1_000_000;
    private static final int PLANTS_PER_TYPE = 3;

    private static final double UNPAID_SHARE = 0.03;
    private static final double CLOSED_BY_REFUND_SHARE = 0.02;
    private static final double AUTO_CONFIRM_SHARE = 0.15;
    private static final double PRE_REFUND_SHARE = 0.05;
    private static final double AFTER_REFUND_SHARE = 0.03;
    private static final double WITHDRAWN_REFUND_SHARE = 0.01;
    private static final double POINTS_SHARE = 0.30;
    private static final double PAYMENT_FEE_SHARE = 0.20;
    private static final double AFFILIATE_SHARE = 0.02;
    private static final long POINTS_PPM = 5_000;
    private static final long PAYMENT_FEE_PPM = 6_000;
    private static final long AFFILIATE_PPM = 30_000;
    private static final double INVOICE_SHARE = 0.30;
    /** A first invoice without the buyer's name, replaced within hours. */
    private static final double CORRECTED_INVOICE_SHARE = 0.05;
    /** After a refund, all of the invoice reversed and the rest invoiced anew, rather than a red one for the refund. */
    private static final double REISSUE_SHARE = 0.3;
    private static final String[] INVOICE_TITLES = {"杭州星辰科技有限公司", "上海云帆贸易有限公司", "深圳市海岸电子有限公司",
        "成都锦程文化传媒有限公司", "个人"};
    /** 发票代码 of the older invoices (a 数电 one has none). */
    private static final String OLDER_INVOICE_CODE = "033002200111";

    /** Clean days stay this far from the day-level thresholds; planted days go well beyond them. */
    private static final BigDecimal CLEAN_REFUND_RATE = new BigDecimal("0.20");
    private static final BigDecimal CLEAN_FEE_FACTOR_SHARE = new BigDecimal("0.85");
    private static final BigDecimal REFUND_WAVE_RATE = new BigDecimal("0.45");

    private static final String TMALL_ACCOUNT = "2088101117955611";
    private static final Charset GBK = Charset.forName("GBK");

    private final StoreSpec spec;
    private final boolean dailyExports;
    private final boolean realStoreMix;
    private final StoreConfig config;
    private final SplittableRandom random;
    private final LocalDate firstDay;
    private final int days;
    private final long periodStart;
    private final long periodEnd;

    private final List<PlannedOrder> orders = new ArrayList<>();
    private final List<PlantNote> plants = new ArrayList<>();
    private final List<List<PlannedOrder>> settledOn = new ArrayList<>();
    private final List<List<PlannedOrder>> refundLineOn = new ArrayList<>();
    private final List<List<PlannedOrder>> duplicateOn = new ArrayList<>();
    /** The invoice register, in the order of issue once numbered. */
    private final List<PlannedInvoice> invoices = new ArrayList<>();
    private long nextRefundId;
    private long lastOrderId;
    private int refundWaveDay = -1;
    private int feeRatioDay = -1;
    private int breakDay = -1;
    private int gapDay = -1;
    private long breakShiftFen;
    private long gapShiftFen;
    private long reserveFen;
    private int fileCount;
    private int correctedInvoices;

    /**
     * @param dailyExports each day's exports in files of their own ({@link SampleGenerator.Options#dailyExports()})
     * @param realStoreMix the first order report as XLSX, the first ledger zipped ({@link SampleGenerator.Options#realStoreMix()})
     */
    StoreSimulation(StoreSpec spec, int days, LocalDate firstDay, long seed, boolean dailyExports, boolean realStoreMix) {
        this.spec = spec;
        this.dailyExports = dailyExports;
        this.realStoreMix = realStoreMix;
        this.config = new StoreConfig(spec.commissionDefault(), spec.commissionByCategory(), 1, 3, 20,
                new BigDecimal("0.30"), new BigDecimal("1.5"));
        this.random = new SplittableRandom(seed);
        this.firstDay = firstDay;
        this.days = days;
        this.periodStart = Times.startOf(firstDay);
        this.periodEnd = periodStart + days * DAY - 1;
        this.nextRefundId = 50_000_000_000_000L + (spec.firstOrderId() % 1_000_000L) * 1_000_000_000L;
        for (int d = 0; d < days; d++) {
            settledOn.add(new ArrayList<>());
            refundLineOn.add(new ArrayList<>());
            duplicateOn.add(new ArrayList<>());
        }
    }

    StoreSample run(Path dir) throws IOException {
        createOrders();
        plantOrderAnomalies();
        bucketLines();
        chooseDayPlants();
        keepCleanDaysClean();
        planInvoices();
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        writeFiles(dir, files, rejected);
        writeConfig(dir.resolve("config.json"));
        return new StoreSample(spec.tenant(), spec.store(), dir, files, rejected, manifestAnomalies(), cleanOrders());
    }

    // ---- orders ----------------------------------------------------------------------------------

    private void createOrders() {
        lastOrderId = spec.firstOrderId();
        int index = 0;
        for (int d = 0; d < days; d++) {
            int count = spec.orders() / days + (d < spec.orders() % days ? 1 : 0);
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = random.nextLong(23 * HOUR);
            }
            Arrays.sort(times);
            for (long timeOfDay : times) {
                lastOrderId += 1 + random.nextInt(5_000);
                orders.add(createOrder(index++, lastOrderId, dayStart(d) + timeOfDay));
            }
        }
    }

    private PlannedOrder createOrder(int index, long id, long createdAt) {
        int item = spec.items().get(random.nextInt(spec.items().size()));
        long price = Catalog.ITEMS.get(item).priceFen() * (random.nextInt(5) == 0 ? 2 : 1);
        PlannedOrder o = new PlannedOrder(index, id, item, price, false);
        o.createdAt = createdAt;
        double kind = random.nextDouble();
        if (kind < UNPAID_SHARE) {
            o.closedAt = createdAt + DAY; // 交易关闭 when the payment times out
            return o;
        }
        o.paidAt = createdAt + 30 + random.nextInt(900);
        // drawn only where the store takes WeChat Pay, so that an Alipay-only store's files stay as they were
        o.wechat = spec.wechatShare() > 0 && random.nextDouble() < spec.wechatShare();
        if (kind < UNPAID_SHARE + CLOSED_BY_REFUND_SHARE) {
            closeByFullRefund(o);
            return o;
        }
        boolean autoConfirmed = random.nextDouble() < AUTO_CONFIRM_SHARE;
        int successDay = dayIndex(o.paidAt) + (autoConfirmed ? config.autoConfirmDays() : 1 + random.nextInt(8));
        o.successAt = dayStart(successDay) + 8 * HOUR + random.nextLong(13 * HOUR + 58 * 60);
        o.buyerConfirmed = !autoConfirmed;
        o.shippedAt = o.paidAt + (long) ((o.successAt - o.paidAt) * (0.05 + 0.35 * random.nextDouble()));

        if (random.nextDouble() < PRE_REFUND_SHARE) {
            long fen = Math.max(100, price * (10 + random.nextInt(41)) / 1000 * 10);
            long completed = o.paidAt + (long) ((o.successAt - o.paidAt) * (0.3 + 0.6 * random.nextDouble()));
            long applied = o.paidAt + (completed - o.paidAt) / 3;
            if (applied <= periodEnd) {
                boolean done = completed <= periodEnd;
                o.preRefund = new PlannedRefund(nextRefundId++, fen, applied, done ? completed : Times.NONE,
                        done ? RefundStatus.SUCCESS : RefundStatus.PENDING, false);
            }
        }
        boolean points = random.nextDouble() < POINTS_SHARE;
        // 花呗 and credit-card fees are Alipay's: a WeChat payment has none
        boolean paymentFee = random.nextDouble() < PAYMENT_FEE_SHARE && !o.wechat;
        boolean affiliate = random.nextDouble() < AFFILIATE_SHARE;
        boolean afterRefund = random.nextDouble() < AFTER_REFUND_SHARE;
        boolean withdrawnRefund = random.nextDouble() < WITHDRAWN_REFUND_SHARE;
        if (o.successAt <= periodEnd) {
            o.settleAt = o.successAt + 1 + random.nextInt(20);
            long preRefunded = o.preRefund == null ? 0 : o.preRefund.fen;
            settle(o, price - preRefunded, points, paymentFee, affiliate);
            if (afterRefund) {
                int refundDay = dayIndex(o.settleAt) + 1 + random.nextInt(5);
                if (refundDay < days) {
                    // odd amounts (part of the price): a refund rarely cancels a settlement within one second
                    long fen = Math.max(100, o.settleFen * (1_000 + random.nextInt(8_900)) / 10_000);
                    refundAfterSettlement(o, refundDay, Math.min(fen, o.settleFen));
                    o.refundLineFen = o.afterRefund.fen;
                }
            }
        }
        if (withdrawnRefund && o.preRefund == null && o.afterRefund == null) {
            long applied = o.paidAt + HOUR + random.nextLong(2 * DAY);
            long closed = applied + random.nextLong(DAY);
            if (closed <= periodEnd) {
                o.closedRefund = new PlannedRefund(nextRefundId++, Math.max(100, price / 2 / 10 * 10), applied, closed,
                        RefundStatus.CLOSED, false);
            }
        }
        return o;
    }

    /** The buyer cancels before shipment: full 售中 refund, then 交易关闭. */
    private void closeByFullRefund(PlannedOrder o) {
        long applied = o.paidAt + 600 + random.nextLong(4 * HOUR);
        long completed = applied + HOUR + random.nextLong(10 * HOUR);
        if (applied > periodEnd) {
            return;
        }
        boolean done = completed <= periodEnd;
        o.preRefund = new PlannedRefund(nextRefundId++, o.priceFen, applied, done ? completed : Times.NONE,
                done ? RefundStatus.SUCCESS : RefundStatus.PENDING, false);
        if (done) {
            o.closedAt = completed;
        }
    }

    private void settle(PlannedOrder o, long settleFen, boolean points, boolean paymentFee, boolean affiliate) {
        o.settleFen = settleFen;
        o.commissionFen = fee(settleFen, commissionPpm(o));
        o.pointsFen = points ? fee(settleFen, POINTS_PPM) : 0;
        o.paymentFeeFen = paymentFee ? fee(settleFen, PAYMENT_FEE_PPM) : 0;
        o.affiliateFeeFen = affiliate ? fee(settleFen, AFFILIATE_PPM) : 0;
    }

    /** A 售后 refund completed on the given day, a few hours after the buyer applied. */
    private void refundAfterSettlement(PlannedOrder o, int day, long fen) {
        long completed = dayStart(day) + 8 * HOUR + random.nextLong(13 * HOUR + 58 * 60);
        long applied = Math.max(o.settleAt + 60, completed - HOUR - random.nextLong(47 * HOUR));
        o.afterRefund = new PlannedRefund(nextRefundId++, fen, applied, completed, RefundStatus.SUCCESS, true);
        o.refundLineAt = completed + 1 + random.nextInt(30);
    }

    // ---- planted order anomalies ---------------------------------------------------------------

    private void plantOrderAnomalies() {
        int grace = config.graceDays();
        for (int i = 0; i < PLANTS_PER_TYPE; i++) {
            // where the store takes WeChat Pay, the second plant of each type is on a WeChat-paid order
            Predicate<PlannedOrder> channel = spec.wechatShare() > 0 && i == 1 ? c -> c.wechat : c -> true;
            PlannedOrder o = pickPlain(c -> channel.test(c) && settleDay(c) + grace < days);
            if (o != null) {
                // 交易成功 but the money never arrives; the due date is the confirmation day
                note(o, AnomalyType.MISSING_SETTLEMENT, Times.day(o.successAt));
                o.settleAt = Times.NONE;
            }
            o = pickPlain(c -> channel.test(c) && c.settleFen >= 10_00);
            if (o != null) {
                long shortFen = Math.max(100, o.settleFen * (5 + random.nextInt(16)) / 100);
                // the commission follows what was actually settled, so only the amount is wrong
                settle(o, o.settleFen - shortFen, o.pointsFen > 0, o.paymentFeeFen > 0, o.affiliateFeeFen > 0);
                note(o, AnomalyType.AMOUNT_MISMATCH, Times.day(o.settleAt));
            }
            o = pickPlain(c -> channel.test(c) && settleDay(c) + 1 < days);
            if (o != null) {
                o.duplicateAt = dayStart(settleDay(o) + 1) + 9 * HOUR + random.nextLong(3 * HOUR);
                o.duplicateInOtherChannel = spec.wechatShare() > 0 && i == 1;
                note(o, AnomalyType.DUPLICATE_SETTLEMENT, Times.day(o.duplicateAt));
            }
            plantSettlementOnClosedOrder();
            plantUnmatchedSettlement();
            o = pickPlain(c -> channel.test(c) && settleDay(c) + 2 < days);
            if (o != null) {
                refundAfterSettlement(o, settleDay(o) + 1, Math.max(100, o.settleFen * (30 + random.nextInt(71)) / 100));
                o.refundLineAt = Times.NONE;
                note(o, AnomalyType.REFUND_NOT_DEDUCTED, Times.day(o.afterRefund.completedAt));
            }
            o = pickPlain(c -> channel.test(c) && settleDay(c) + 1 < days);
            if (o != null) {
                refundAfterSettlement(o, settleDay(o) + 1, Math.max(100, o.settleFen * (20 + random.nextInt(61)) / 100));
                o.refundLineFen = o.afterRefund.fen + 10_00;
                note(o, AnomalyType.REFUND_AMOUNT_MISMATCH, Times.day(o.refundLineAt));
            }
            o = pickPlain(c -> channel.test(c) && settleDay(c) + 1 < days);
            if (o != null) {
                o.refundLineAt = dayStart(settleDay(o) + 1) + 8 * HOUR + random.nextLong(13 * HOUR);
                o.refundLineFen = Math.max(100, o.settleFen / 5);
                note(o, AnomalyType.UNEXPLAINED_REFUND, Times.day(o.refundLineAt));
            }
            o = pickPlain(c -> channel.test(c) && c.commissionFen >= 1_00);
            if (o != null) {
                // first one overcharged at twice the rate, the others undercharged at half of it
                o.commissionFen = fee(o.settleFen, i == 0 ? commissionPpm(o) * 2 : commissionPpm(o) / 2);
                note(o, AnomalyType.FEE_MISMATCH, Times.day(o.settleAt));
            }
        }
    }

    /** A closed (fully refunded) order that nevertheless gets a settlement a day or two later. */
    private void plantSettlementOnClosedOrder() {
        PlannedOrder o = pick(c -> !c.phantom && c.plant == null && c.paid() && Times.isPresent(c.closedAt)
                && dayIndex(c.closedAt) + 1 < days);
        if (o == null) {
            return;
        }
        int day = Math.min(days - 1, dayIndex(o.closedAt) + 1 + random.nextInt(2));
        o.settleAt = dayStart(day) + 10 * HOUR + random.nextLong(8 * HOUR);
        o.settleFen = o.priceFen;
        note(o, AnomalyType.SETTLEMENT_ON_CLOSED_ORDER, Times.day(o.settleAt));
    }

    /** A settlement for an order id no report holds. */
    private void plantUnmatchedSettlement() {
        if (days < 2) {
            return;
        }
        int item = spec.items().get(random.nextInt(spec.items().size()));
        lastOrderId += 1 + random.nextInt(5_000);
        PlannedOrder o = new PlannedOrder(orders.size(), lastOrderId, item, Catalog.ITEMS.get(item).priceFen(), true);
        o.settleAt = dayStart(1 + random.nextInt(days - 1)) + 10 * HOUR + random.nextLong(10 * HOUR);
        o.settleFen = o.priceFen;
        orders.add(o);
        note(o, AnomalyType.UNMATCHED_SETTLEMENT, Times.day(o.settleAt));
    }

    private PlannedOrder pickPlain(Predicate<PlannedOrder> fits) {
        return pick(o -> o.plain() && fits.test(o));
    }

    /** A random order that fits: scans from a random start, so the choice depends on the seed only. */
    private PlannedOrder pick(Predicate<PlannedOrder> fits) {
        if (orders.isEmpty()) {
            return null;
        }
        int start = random.nextInt(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            PlannedOrder o = orders.get((start + i) % orders.size());
            if (fits.test(o)) {
                return o;
            }
        }
        return null;
    }

    private void note(PlannedOrder o, AnomalyType type, LocalDate day) {
        o.plant = new PlantNote(type, day, o.orderId());
        plants.add(o.plant);
    }

    // ---- the ledger, day by day ----------------------------------------------------------------

    private void bucketLines() {
        for (PlannedOrder o : orders) {
            if (o.settled()) {
                settledOn.get(dayIndex(o.settleAt)).add(o);
            }
            if (Times.isPresent(o.refundLineAt)) {
                refundLineOn.get(dayIndex(o.refundLineAt)).add(o);
            }
            if (Times.isPresent(o.duplicateAt)) {
                duplicateOn.get(dayIndex(o.duplicateAt)).add(o);
            }
        }
    }

    /** The day's ledger lines except the evening withdrawal, in time order (ties keep creation order). */
    private List<LedgerEntry> dayEntries(int d) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (PlannedOrder o : settledOn.get(d)) {
            entries.add(new LedgerEntry(o.settleAt, EntryKind.SETTLEMENT, o.settleFen, o,
                    planted(o, AnomalyType.AMOUNT_MISMATCH, AnomalyType.SETTLEMENT_ON_CLOSED_ORDER,
                            AnomalyType.UNMATCHED_SETTLEMENT)));
            addFee(entries, o, 2, EntryKind.COMMISSION, o.commissionFen, planted(o, AnomalyType.FEE_MISMATCH));
            addFee(entries, o, 3, EntryKind.POINTS, o.pointsFen, null);
            addFee(entries, o, 4, EntryKind.PAYMENT_FEE, o.paymentFeeFen, null);
            addFee(entries, o, 5, EntryKind.AFFILIATE_FEE, o.affiliateFeeFen, null);
        }
        for (PlannedOrder o : refundLineOn.get(d)) {
            if (Times.isPresent(o.refundLineAt)) {
                entries.add(new LedgerEntry(o.refundLineAt, EntryKind.REFUND, o.refundLineFen, o,
                        planted(o, AnomalyType.REFUND_AMOUNT_MISMATCH, AnomalyType.UNEXPLAINED_REFUND)));
            }
        }
        for (PlannedOrder o : duplicateOn.get(d)) {
            entries.add(new LedgerEntry(o.duplicateAt, EntryKind.SETTLEMENT, o.settleFen, o,
                    planted(o, AnomalyType.DUPLICATE_SETTLEMENT), o.wechat != o.duplicateInOtherChannel));
        }
        if (d % 7 == 3) {
            entries.add(new LedgerEntry(dayStart(d) + 9 * HOUR, EntryKind.AD_TOPUP, (1_000 + d * 137 % 40 * 100) * 100L,
                    null, null));
        }
        if (d == 2) {
            entries.add(new LedgerEntry(dayStart(d) + 10 * HOUR + 5 * 60, EntryKind.DEPOSIT, 10_000_00, null, null));
        }
        if (d == gapDay) {
            // an early line of its own second, so the day's first line is unambiguous
            entries.add(new LedgerEntry(dayStart(d) + 7 * HOUR + 30 * 60, EntryKind.AD_TOPUP, 500_00, null, null));
        }
        entries.sort(Comparator.comparingLong(LedgerEntry::occurredAt));
        return entries;
    }

    private static void addFee(List<LedgerEntry> entries, PlannedOrder o, int secondsAfter, EntryKind kind, long fen,
            PlantNote plant) {
        if (fen > 0 && !o.phantom && !Times.isPresent(o.closedAt)) {
            entries.add(new LedgerEntry(o.settleAt + secondsAfter, kind, fen, o, plant));
        }
    }

    private static PlantNote planted(PlannedOrder o, AnomalyType... types) {
        if (o.plant != null) {
            for (AnomalyType type : types) {
                if (o.plant.type == type) {
                    return o.plant;
                }
            }
        }
        return null;
    }

    /** Picks distinct days for the day-level plants, and sends the refund wave of the REFUND_RATE_HIGH day. */
    private void chooseDayPlants() {
        List<Integer> candidates = new ArrayList<>();
        long[] settled = new long[days];
        for (int d = 0; d < days; d++) {
            settled[d] = totals(dayEntries(d)).settled;
            if (d >= 1 && settled[d] > 0) {
                candidates.add(d);
            }
        }
        long maxSettled = 0;
        for (long s : settled) {
            maxSettled = Math.max(maxSettled, s);
        }
        // enough in the account for any day's refunds and fees; withdrawals keep it there
        reserveFen = (Math.max(maxSettled, 50_000_00) / 10_000_00 + 1) * 10_000_00;
        if (candidates.size() < 4) {
            return;
        }
        List<Integer> waveDays = new ArrayList<>();
        for (int d : candidates) {
            if (refundWavePool(d) > settled[d] * 3 / 5) {
                waveDays.add(d);
            }
        }
        if (!waveDays.isEmpty()) {
            refundWaveDay = waveDays.get(random.nextInt(waveDays.size()));
            candidates.remove(Integer.valueOf(refundWaveDay));
            sendRefundWave(refundWaveDay, settled[refundWaveDay]);
        }
        feeRatioDay = candidates.remove(random.nextInt(candidates.size()));
        breakDay = candidates.remove(random.nextInt(candidates.size()));
        gapDay = candidates.remove(random.nextInt(candidates.size()));
        breakShiftFen = 100_00 + random.nextLong(900_00);
        gapShiftFen = 100_00 + random.nextLong(900_00);
        plants.add(new PlantNote(AnomalyType.BALANCE_BREAK, date(breakDay), null));
        plants.add(new PlantNote(AnomalyType.BALANCE_GAP, date(gapDay), null));
    }

    private long refundWavePool(int day) {
        long pool = 0;
        for (int d = Math.max(0, day - 5); d < day; d++) {
            for (PlannedOrder o : settledOn.get(d)) {
                if (o.plain()) {
                    pool += o.settleFen;
                }
            }
        }
        return pool;
    }

    /** A batch of returns: plain orders settled in the days before get most of their money back (售后), all on one day. */
    private void sendRefundWave(int day, long settledThatDay) {
        long target = REFUND_WAVE_RATE.multiply(BigDecimal.valueOf(settledThatDay)).longValue();
        long sent = 0;
        for (int d = day - 1; d >= Math.max(0, day - 5) && sent <= target; d--) {
            for (PlannedOrder o : settledOn.get(d)) {
                if (sent > target) {
                    break;
                }
                if (o.plain()) {
                    long fen = Math.max(100, o.settleFen * (8_000 + random.nextInt(1_900)) / 10_000);
                    refundAfterSettlement(o, day, Math.min(fen, o.settleFen));
                    o.refundLineFen = o.afterRefund.fen;
                    o.inRefundWave = true;
                    refundLineOn.get(day).add(o);
                    sent += o.refundLineFen;
                }
            }
        }
    }

    /**
     * Small days can cross a day-level threshold by chance (three refunds on a day with two
     * settlements); there, drop the optional refunds and fees of clean orders until the day is clear.
     */
    private void keepCleanDaysClean() {
        BigDecimal cleanFeeFactor = config.feeRatioFactor().multiply(CLEAN_FEE_FACTOR_SHARE);
        for (int d = 0; d < days; d++) {
            DayTotals t = totals(dayEntries(d));
            if (d != refundWaveDay) {
                for (PlannedOrder o : List.copyOf(refundLineOn.get(d))) {
                    if (!t.refundRateAbove(CLEAN_REFUND_RATE)) {
                        break;
                    }
                    if (o.plant == null && !o.inRefundWave && o.afterRefund != null) {
                        t.refunds -= o.refundLineFen;
                        o.afterRefund = null;
                        o.refundLineAt = Times.NONE;
                    }
                }
            }
            for (PlannedOrder o : settledOn.get(d)) {
                if (!t.feesAbove(cleanFeeFactor)) {
                    break;
                }
                if (o.plant == null) {
                    t.fees -= o.pointsFen + o.paymentFeeFen + o.affiliateFeeFen;
                    o.pointsFen = 0;
                    o.paymentFeeFen = 0;
                    o.affiliateFeeFen = 0;
                }
            }
        }
    }

    private DayTotals totals(List<LedgerEntry> entries) {
        DayTotals t = new DayTotals();
        for (LedgerEntry e : entries) {
            switch (e.kind().lineClass.kind) {
                case SALES -> {
                    if (e.kind() == EntryKind.SETTLEMENT) {
                        t.settled += e.amountFen();
                        if (!e.order().phantom) {
                            t.knownSettled += e.amountFen();
                            t.contractFeeMicros += e.amountFen() * commissionPpm(e.order());
                        }
                    } else {
                        t.refunds += e.amountFen();
                    }
                }
                case FEE -> t.fees += e.amountFen();
                default -> { }
            }
        }
        return t;
    }

    /** A day's figures as the day-level rules (docs/domain.md, "Day risks") see them. */
    private final class DayTotals {
        long settled;
        long refunds;
        long fees;
        long knownSettled;
        long contractFeeMicros;

        boolean refundRateAbove(BigDecimal rate) {
            return settled > 0 && BigDecimal.valueOf(refunds).compareTo(BigDecimal.valueOf(settled).multiply(rate)) > 0;
        }

        /** settled × contract rate × factor, rounded half up; the contract rate weighs known orders' categories. */
        long feeThreshold(BigDecimal factor) {
            BigDecimal rate = knownSettled > 0
                    ? BigDecimal.valueOf(contractFeeMicros)
                            .divide(BigDecimal.valueOf(knownSettled).multiply(BigDecimal.valueOf(MILLION)), 10,
                                    RoundingMode.HALF_UP)
                    : config.commissionDefault();
            return BigDecimal.valueOf(settled).multiply(rate).multiply(factor).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        }

        boolean feesAbove(BigDecimal factor) {
            return settled > 0 && fees > feeThreshold(factor);
        }
    }

    // ---- invoices ------------------------------------------------------------------------------

    /**
     * Who asks for an invoice (发票抬头) and, where the store sends its register, what it issued: a blue
     * invoice some days after 确认收货 for what is paid by then, after a later refund a red one for it
     * (or for all, and a new blue one for the rest), now and then a first invoice replaced; then the
     * planted invoice anomalies. Drawn after everything else, so that the other exports stay as they were.
     */
    private void planInvoices() {
        if (spec.register() == StoreSpec.Register.NONE) {
            // one order in ten asks, as the reports always showed: with no register, nothing judges it
            orders.forEach(o -> o.invoiceTitle = o.index % 10 == 3 ? INVOICE_TITLES[0] : "");
            return;
        }
        for (PlannedOrder o : orders) {
            if (!o.phantom && random.nextDouble() < INVOICE_SHARE) {
                o.invoiceTitle = INVOICE_TITLES[random.nextInt(INVOICE_TITLES.length)];
                if (succeeded(o)) {
                    invoice(o);
                }
            }
        }
        plantInvoiceAnomalies();
        numberInvoices();
    }

    /** The invoices of a 交易成功 order that asked for one, as they should be. */
    private void invoice(PlannedOrder o) {
        long at = invoiceTime(o.successAt, 3);
        PlannedRefund later = o.afterRefund != null && o.afterRefund.completedAt > at ? o.afterRefund : null;
        long due = o.priceFen - refundedFen(o) + (later == null ? 0 : later.fen);
        if (due <= 0) {
            return; // all of it refunded before it was invoiced
        }
        if (random.nextDouble() < CORRECTED_INVOICE_SHARE) {
            // one in two an older invoice, voided; a 数电 one can only be reversed (01 开票有误)
            boolean older = correctedInvoices++ % 2 == 0;
            PlannedInvoice wrong = issue(new PlannedInvoice(o, at, due, "", "", older));
            at += HOUR + random.nextLong(3 * HOUR);
            if (!older) {
                wrong.reversedAt = at;
                issue(new PlannedInvoice(o, at, -due, "01", "", false));
            }
            at += 10 * 60;
        }
        PlannedInvoice blue = issue(blue(o, at, due));
        if (later != null) {
            long redAt = invoiceTime(later.completedAt, 10);
            boolean all = later.fen == due || random.nextDouble() < REISSUE_SHARE;
            issue(new PlannedInvoice(o, redAt, -(all ? due : later.fen), "02", o.invoiceTitle, false));
            if (all) {
                blue.reversedAt = redAt;
                if (due > later.fen) {
                    issue(blue(o, redAt + 10 * 60, due - later.fen));
                }
            }
        }
    }

    private void plantInvoiceAnomalies() {
        int registerEnd = invoices.stream().mapToInt(i -> dayIndex(i.issuedAt)).max().orElse(-1);
        // judged: its deadline before the register's last day, which no invoice of it can then move
        Predicate<PlannedOrder> judged = c -> !c.phantom && c.plant == null && !c.inRefundWave && succeeded(c)
                && invoiceDeadline(c) < registerEnd;
        Predicate<PlannedOrder> unrefunded = judged.and(c -> c.preRefund == null && c.afterRefund == null
                && c.closedRefund == null);
        for (int i = 0; i < 2; i++) {
            PlannedOrder o = reinvoice(unrefunded);
            if (o != null) {
                note(o, AnomalyType.INVOICE_MISSING, date(invoiceDeadline(o)));
            }
        }
        PlannedOrder o = reinvoice(unrefunded);
        if (o != null) {
            PlannedInvoice first = issue(blue(o, invoiceTime(o.successAt, 5), o.priceFen));
            PlannedInvoice again = issue(blue(o, invoiceTime(first.issuedAt + DAY, 2), o.priceFen));
            note(o, AnomalyType.INVOICE_DUPLICATE, Times.day(again.issuedAt));
        }
        o = reinvoice(unrefunded.and(c -> c.priceFen >= 20_00));
        if (o != null) {
            // ten yuan short: 199.00 paid, 189.00 invoiced
            PlannedInvoice wrong = issue(blue(o, invoiceTime(o.successAt, 10), o.priceFen - 10_00));
            note(o, AnomalyType.INVOICE_AMOUNT_MISMATCH, Times.day(wrong.issuedAt));
        }
        o = reinvoice(judged.and(c -> c.afterRefund != null));
        if (o != null) {
            // invoiced on the day of 确认收货, before the 售后 refund, and never reversed (退款后未红冲)
            PlannedRefund refund = o.afterRefund;
            PlannedInvoice blue = issue(blue(o, invoiceTime(o.successAt, 0), o.priceFen - refundedFen(o) + refund.fen));
            note(o, AnomalyType.INVOICE_AMOUNT_MISMATCH,
                    date(Math.max(dayIndex(blue.issuedAt), dayIndex(refund.completedAt))));
        }
        plantInvoiceWithoutOrder();
    }

    /** A judged order that fits, asking for an invoice, with none yet: the plant issues what it needs. */
    private PlannedOrder reinvoice(Predicate<PlannedOrder> fits) {
        PlannedOrder o = pick(fits);
        if (o != null) {
            invoices.removeIf(i -> i.order == o);
            if (o.invoiceTitle.isEmpty()) {
                o.invoiceTitle = INVOICE_TITLES[random.nextInt(INVOICE_TITLES.length)];
            }
        }
        return o;
    }

    /** An invoice for an order id no report holds. */
    private void plantInvoiceWithoutOrder() {
        int item = spec.items().get(random.nextInt(spec.items().size()));
        lastOrderId += 1 + random.nextInt(5_000);
        PlannedOrder o = new PlannedOrder(orders.size(), lastOrderId, item, Catalog.ITEMS.get(item).priceFen(), true);
        o.invoiceTitle = INVOICE_TITLES[random.nextInt(INVOICE_TITLES.length)];
        orders.add(o);
        PlannedInvoice invoice = issue(blue(o, dayStart(random.nextInt(days)) + 9 * HOUR + random.nextLong(12 * HOUR),
                o.priceFen));
        note(o, AnomalyType.INVOICE_WITHOUT_ORDER, Times.day(invoice.issuedAt));
    }

    /** In office hours on one of the days from {@code after}'s to {@code withinDays} later, and not before it. */
    private long invoiceTime(long after, int withinDays) {
        long at = dayStart(dayIndex(after) + random.nextInt(withinDays + 1)) + 9 * HOUR + random.nextLong(12 * HOUR);
        return Math.max(at, after + 10 * 60);
    }

    private static PlannedInvoice blue(PlannedOrder o, long at, long fen) {
        return new PlannedInvoice(o, at, fen, "", o.invoiceTitle, false);
    }

    /** Into the register when issued within the period; returned either way. */
    private PlannedInvoice issue(PlannedInvoice invoice) {
        if (invoice.issuedAt <= periodEnd) {
            invoices.add(invoice);
        }
        return invoice;
    }

    /**
     * In the order of issue, 发票号码: 20 digits for a 数电 invoice (the year, 33 for Zhejiang, the channel
     * and a sequence), 8 under a 发票代码 for an older one.
     */
    private void numberInvoices() {
        invoices.sort(Comparator.comparingLong(i -> i.issuedAt));
        String prefix = String.format("%02d332", firstDay.getYear() % 100);
        long sequence = (spec.firstOrderId() % 900_000 + 100_000) * 1_000_000_000L;
        long older = 10_000_000 + spec.firstOrderId() % 1_000 * 10_000;
        for (PlannedInvoice i : invoices) {
            if (i.voided) {
                i.code = OLDER_INVOICE_CODE;
                i.number = Long.toString(++older);
            } else {
                i.number = prefix + ++sequence;
            }
        }
    }

    /** 交易成功 at the end of the period. */
    private boolean succeeded(PlannedOrder o) {
        return o.statusAt(periodEnd) == OrderStatus.SUCCESS;
    }

    /** The successful refunds: what is no longer to be invoiced. */
    private static long refundedFen(PlannedOrder o) {
        long fen = 0;
        for (PlannedRefund r : new PlannedRefund[] {o.preRefund, o.afterRefund}) {
            if (r != null && r.status == RefundStatus.SUCCESS) {
                fen += r.fen;
            }
        }
        return fen;
    }

    /**
     * The last day the order's invoices may come, as the core counts it: 确认收货 (else payment plus
     * autoConfirmDays) or its last successful refund when later, plus invoiceDays.
     */
    private int invoiceDeadline(PlannedOrder o) {
        int last = o.buyerConfirmed ? dayIndex(o.successAt) : dayIndex(o.paidAt) + config.autoConfirmDays();
        for (PlannedRefund r : new PlannedRefund[] {o.preRefund, o.afterRefund}) {
            if (r != null && r.status == RefundStatus.SUCCESS) {
                last = Math.max(last, dayIndex(r.completedAt));
            }
        }
        return last + config.invoiceDays();
    }

    // ---- files ---------------------------------------------------------------------------------

    private void writeFiles(Path dir, List<String> files, List<String> rejected) throws IOException {
        if (dailyExports) {
            writeDailyFiles(dir, files);
            return;
        }
        int split = Math.max(1, Math.round(days * 12f / 31f)) - 1;
        int secondSplit = Math.max(split, Math.round(days * 20f / 31f) - 1);
        int last = days - 1;
        List<ActiveExport> ledgers = new ArrayList<>();
        switch (spec.layout()) {
            case TWO_LEDGER_CSVS -> {
                ledgers.add(realStoreMix ? zipLedger(dir, files, 0, split)
                        : csvLedger(dir, files, 0, split, AlipayCsvExport.Style.CLASSIC, 0));
                ledgers.add(csvLedger(dir, files, Math.max(0, split - 2), last, AlipayCsvExport.Style.NEWER, 0));
            }
            case ZIP_AND_REJECTS -> {
                ledgers.add(zipLedger(dir, files, 0, split));
                ledgers.add(csvLedger(dir, files, Math.max(0, split - 2), last, AlipayCsvExport.Style.NEWER, 0));
                ledgers.add(csvLedger(dir, rejected, 0, Math.min(2, last), AlipayCsvExport.Style.CLASSIC, 1_00));
            }
            case CSV_XLSX_CSV -> {
                ledgers.add(csvLedger(dir, files, 0, split, AlipayCsvExport.Style.CLASSIC, 0));
                ledgers.add(xlsxLedger(dir, files, Math.max(0, split - 2), secondSplit));
                ledgers.add(csvLedger(dir, files, Math.max(0, secondSplit - 1), last, AlipayCsvExport.Style.NEWER, 0));
            }
        }
        List<WeChatFile> wechatBills = new ArrayList<>();
        if (spec.wechatShare() > 0) {
            wechatBills.add(wechatBill(dir, files, 0, split, WeChatBillExport.Style.QIANNIU));
            wechatBills.add(wechatBill(dir, files, Math.max(0, split - 2), last, WeChatBillExport.Style.BACKTICKED));
        }
        writeLedger(ledgers, wechatBills);

        long firstReportAt = dayStart(split) + DAY - 1;
        if (realStoreMix) {
            String name = fileName(dayIndex(firstReportAt) + 1, ".xlsx");
            TmallReports.writeOrdersXlsx(dir.resolve(name), TmallReports.OrderStyle.FIRST, orders, spec.shopName(),
                    firstReportAt);
            files.add(name);
        } else {
            files.add(orderReport(dir, TmallReports.OrderStyle.FIRST, firstReportAt));
        }
        files.add(orderReport(dir, TmallReports.OrderStyle.LATER, periodEnd));
        String refunds = fileName(days, ".csv");
        TmallReports.writeRefunds(dir.resolve(refunds), orders, Long.MIN_VALUE, Long.MAX_VALUE);
        files.add(refunds);
        if (spec.layout() == StoreSpec.Layout.ZIP_AND_REJECTS) {
            rejected.add(orderReport(dir, TmallReports.OrderStyle.EXCEL_DAMAGED, firstReportAt));
        }
        switch (spec.register()) {
            case NONE -> { }
            case ONE_FILE -> files.add(invoiceRegister(dir, 0, last, InvoiceRegister.Style.OLDEST_FIRST));
            case TWO_FILES -> {
                files.add(invoiceRegister(dir, 0, secondSplit, InvoiceRegister.Style.NEWEST_FIRST));
                files.add(invoiceRegister(dir, split, last, InvoiceRegister.Style.NEWEST_FIRST));
            }
        }
    }

    /** Every day's exports in files of their own, each named by the morning after the day. */
    private void writeDailyFiles(Path dir, List<String> files) throws IOException {
        List<ActiveExport> ledgers = new ArrayList<>();
        List<WeChatFile> wechatBills = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            ledgers.add(csvLedger(dir, files, d, d, AlipayCsvExport.Style.NEWER, 0));
            if (spec.wechatShare() > 0) {
                wechatBills.add(wechatBill(dir, files, d, d, WeChatBillExport.Style.BACKTICKED));
            }
        }
        writeLedger(ledgers, wechatBills);
        for (int d = 0; d < days; d++) {
            long dayBegins = dayStart(d);
            long dayEnd = dayBegins + DAY - 1;
            String orderReport = fileName(d + 1, ".csv");
            if (TmallReports.writeOrders(dir.resolve(orderReport), TmallReports.OrderStyle.LATER, orders, spec.shopName(),
                    dayBegins - 1, dayEnd) > 0) {
                files.add(orderReport);
            } else {
                Files.delete(dir.resolve(orderReport));
            }
            String refunds = fileName(d + 1, ".csv");
            if (TmallReports.writeRefunds(dir.resolve(refunds), orders, dayBegins, dayEnd) > 0) {
                files.add(refunds);
            } else {
                Files.delete(dir.resolve(refunds));
            }
            if (spec.register() != StoreSpec.Register.NONE
                    && invoices.stream().anyMatch(i -> i.issuedAt >= dayBegins && i.issuedAt <= dayEnd)) {
                files.add(invoiceRegister(dir, d, d, InvoiceRegister.Style.NEWEST_FIRST));
            }
        }
    }

    private String invoiceRegister(Path dir, int from, int to, InvoiceRegister.Style style) throws IOException {
        String name = fileName(to + 1, ".csv");
        InvoiceRegister.write(dir.resolve(name), style, invoices, dayStart(from), dayStart(to) + DAY - 1);
        return name;
    }

    private String orderReport(Path dir, TmallReports.OrderStyle style, long asOf) throws IOException {
        String name = fileName(dayIndex(asOf) + 1, ".csv");
        TmallReports.writeOrders(dir.resolve(name), style, orders, spec.shopName(), Long.MIN_VALUE, asOf);
        return name;
    }

    /** One ledger file and the days it holds (0-based, inclusive). */
    private record ActiveExport(LedgerExport export, int fromDay, int toDay) {}

    /** One WeChat bill file and the days it holds (0-based, inclusive). */
    private record WeChatFile(WeChatBillExport export, int fromDay, int toDay) {}

    private WeChatFile wechatBill(Path dir, List<String> names, int from, int to, WeChatBillExport.Style style)
            throws IOException {
        String name = fileName(to + 1, ".csv");
        names.add(name);
        Charset charset = style == WeChatBillExport.Style.QIANNIU ? GBK : StandardCharsets.UTF_8;
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(name)), charset),
                1 << 16);
        return new WeChatFile(new WeChatBillExport(out, style, dayStart(from), dayStart(to) + DAY - 1), from, to);
    }

    private ActiveExport csvLedger(Path dir, List<String> names, int from, int to, AlipayCsvExport.Style style,
            long trailerSkewFen) throws IOException {
        String name = fileName(to + 1, ".csv");
        names.add(name);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(name)), GBK),
                1 << 16);
        return new ActiveExport(new AlipayCsvExport(out, style, spec.alipayAccount(), dayStart(from),
                dayStart(to) + DAY - 1, exportTime(to), trailerSkewFen), from, to);
    }

    private ActiveExport zipLedger(Path dir, List<String> names, int from, int to) throws IOException {
        String name = fileName(to + 1, ".zip");
        names.add(name);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
        String stem = spec.alipayAccount() + "_" + Text.compactDate(date(from)) + "-" + Text.compactDate(date(to)) + "_";
        return new ActiveExport(new AlipayZipExport(out, stem, spec.alipayAccount(), dayStart(from),
                dayStart(to) + DAY - 1, exportTime(to)), from, to);
    }

    private ActiveExport xlsxLedger(Path dir, List<String> names, int from, int to) throws IOException {
        String name = fileName(to + 1, ".xlsx");
        names.add(name);
        return new ActiveExport(new AlipayXlsxExport(dir.resolve(name), spec.alipayAccount(), exportTime(to)), from, to);
    }

    /** {@code export_20261113_2.csv}: the export day and a counter; nothing tells the kind. */
    private String fileName(int exportDay, String extension) {
        return "export_" + Text.compactDate(date(exportDay)) + "_" + (++fileCount) + extension;
    }

    private long exportTime(int lastDay) {
        return dayStart(lastDay + 1) + 9 * HOUR + 12 * 60 + 33;
    }

    /**
     * Writes the bills day by day into every export covering the day, the Alipay lines with running
     * balances, and checks the day-level rules on exactly the lines written (both channels: the day
     * figures are the store's).
     */
    private void writeLedger(List<ActiveExport> exports, List<WeChatFile> wechatBills) throws IOException {
        long balance = reserveFen;
        long wechatBalance = 0;
        for (int d = 0; d < days; d++) {
            List<LedgerEntry> entries = dayEntries(d);
            DayTotals t = totals(entries);
            if (d == feeRatioDay) {
                long threshold = t.feeThreshold(config.feeRatioFactor());
                long annualFee = (Math.max(threshold * 2 - t.fees, 100_00) / 100 + 1) * 100;
                entries.add(new LedgerEntry(dayStart(d) + 16 * HOUR, EntryKind.ANNUAL_FEE, annualFee, null, null));
                entries.sort(Comparator.comparingLong(LedgerEntry::occurredAt));
                t.fees += annualFee;
            }
            if (t.refundRateAbove(config.refundRateHigh())) {
                plants.add(new PlantNote(AnomalyType.REFUND_RATE_HIGH, date(d), null));
            }
            if (t.feesAbove(config.feeRatioFactor())) {
                plants.add(new PlantNote(AnomalyType.FEE_RATIO_HIGH, date(d), null));
            }
            List<ActiveExport> active = new ArrayList<>();
            for (ActiveExport e : exports) {
                if (e.fromDay() <= d && d <= e.toDay()) {
                    active.add(e);
                }
            }
            if (d == gapDay) {
                balance += gapShiftFen; // lines no export holds: the next opening balance jumps
            }
            List<WeChatFile> activeBills = new ArrayList<>();
            for (WeChatFile f : wechatBills) {
                if (f.fromDay() <= d && d <= f.toDay()) {
                    activeBills.add(f);
                }
            }
            String datePrefix = Text.compactDate(date(d));
            int sequence = 0;
            int wechatSequence = 0;
            for (LedgerEntry e : entries) {
                if (e.wechat()) {
                    wechatBalance += e.netFen();
                    String lineId = wechatLineId(datePrefix, ++wechatSequence);
                    if (e.plant() != null) {
                        e.plant().lineId = lineId;
                    }
                    writeWeChat(activeBills, wechatRow(e, lineId));
                    continue;
                }
                balance += e.netFen();
                String lineId = lineId(datePrefix, ++sequence);
                if (e.plant() != null) {
                    e.plant().lineId = lineId;
                }
                if (sequence == 1 && d == gapDay) {
                    plantNote(AnomalyType.BALANCE_GAP).lineId = lineId;
                }
                write(active, row(e, lineId, balance));
            }
            if (d == breakDay) {
                balance += breakShiftFen; // a line no export holds, inside the day: the chain breaks
            }
            long withdrawal = balance - reserveFen >= 100_00 ? (balance - reserveFen) / 100_00 * 100_00
                    : Math.min(balance, 100_00);
            if (withdrawal > 0) {
                balance -= withdrawal;
                String lineId = lineId(datePrefix, ++sequence);
                if (d == breakDay) {
                    plantNote(AnomalyType.BALANCE_BREAK).lineId = lineId;
                }
                write(active, row(new LedgerEntry(dayStart(d) + 22 * HOUR + 30 * 60, EntryKind.WITHDRAWAL, withdrawal,
                        null, null), lineId, balance));
            }
            if (balance < 0) {
                throw new IllegalStateException("the simulated balance went below zero on " + date(d));
            }
            // once a week the seller takes out what the 聚合结算账户 has gathered
            if (d % 7 == 6 && wechatBalance >= 100_00) {
                long taken = wechatBalance / 100_00 * 100_00;
                wechatBalance -= taken;
                writeWeChat(activeBills, wechatRow(new LedgerEntry(dayStart(d) + 22 * HOUR + 45 * 60,
                        EntryKind.WITHDRAWAL, taken, null, null, true), wechatLineId(datePrefix, ++wechatSequence)));
            }
        }
        for (ActiveExport e : exports) {
            e.export().finish();
        }
        for (WeChatFile f : wechatBills) {
            f.export().finish();
        }
    }

    private static void writeWeChat(List<WeChatFile> active, WeChatRow row) throws IOException {
        for (WeChatFile f : active) {
            f.export().write(row);
        }
    }

    /** 支付流水号: 42, the date and an 8-digit sequence. */
    private static String wechatLineId(String datePrefix, int sequence) {
        return "42" + lineId(datePrefix, sequence);
    }

    private static WeChatRow wechatRow(LedgerEntry e, String lineId) {
        EntryKind kind = e.kind();
        if (kind.wechatItem == null) {
            throw new IllegalStateException(kind + " lines are not in the WeChat bill");
        }
        String orderId = e.order() == null ? "" : e.order().orderId();
        long income = kind.income() ? e.amountFen() : 0;
        long expense = kind.income() ? 0 : e.amountFen();
        return new WeChatRow(kind.wechatItem, lineId, orderId, e.occurredAt(), income, expense, kind.wechatEntryType,
                kind.description, "");
    }

    private static void write(List<ActiveExport> active, LedgerRow row) throws IOException {
        for (ActiveExport e : active) {
            e.export().write(row);
        }
    }

    private PlantNote plantNote(AnomalyType type) {
        return plants.stream().filter(p -> p.type == type).findFirst().orElseThrow();
    }

    /** 账务流水号: the date and an 8-digit sequence, so text order is time order within a day. */
    private static String lineId(String datePrefix, int sequence) {
        String digits = Integer.toString(sequence);
        return datePrefix + "00000000".substring(digits.length()) + digits;
    }

    private LedgerRow row(LedgerEntry e, String lineId, long balance) {
        PlannedOrder o = e.order();
        String orderId = o == null ? "" : o.orderId();
        String businessId = lineId.substring(0, 8) + "2200" + lineId.substring(8);
        long income = e.kind().income() ? e.amountFen() : 0;
        long expense = e.kind().income() ? 0 : e.amountFen();
        EntryKind kind = e.kind();
        return switch (kind) {
            case SETTLEMENT, REFUND -> new LedgerRow(lineId, businessId, "T200P" + orderId, o.catalogItem().title(),
                    e.occurredAt(), buyerAccount(o), income, expense, balance, "淘宝", kind.businessType,
                    kind == EntryKind.REFUND ? kind.description : "", kind.description, orderId);
            case COMMISSION, POINTS, PAYMENT_FEE, AFFILIATE_FEE -> new LedgerRow(lineId, businessId, "", "",
                    e.occurredAt(), TMALL_ACCOUNT, income, expense, balance, "支付宝", kind.businessType,
                    kind.description + " 订单号：" + orderId, kind.description, orderId);
            case ANNUAL_FEE -> new LedgerRow(lineId, businessId, "", "", e.occurredAt(), TMALL_ACCOUNT, income, expense,
                    balance, "支付宝", kind.businessType, firstDay.getYear() + kind.description, kind.description, "");
            case WITHDRAWAL, AD_TOPUP, DEPOSIT -> new LedgerRow(lineId, businessId, "", "", e.occurredAt(), "",
                    income, expense, balance, "支付宝", kind.businessType, kind.description, kind.description, "");
        };
    }

    private static String buyerAccount(PlannedOrder o) {
        return "2088" + (100_000_000_000L + o.id % 900_000_000_000L);
    }

    private void writeConfig(Path file) throws IOException {
        Map<String, Object> byCategory = new TreeMap<>();
        config.commissionByCategory().forEach((category, rate) -> byCategory.put(category, rate.toPlainString()));
        Map<String, Object> commission = new LinkedHashMap<>();
        commission.put("default", config.commissionDefault().toPlainString());
        commission.put("byCategory", byCategory);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("commission", commission);
        root.put("toleranceYuan", "0.01");
        root.put("graceDays", config.graceDays());
        root.put("autoConfirmDays", config.autoConfirmDays());
        root.put("refundRateHigh", config.refundRateHigh().toPlainString());
        root.put("feeRatioFactor", config.feeRatioFactor().toPlainString());
        if (spec.wechatShare() > 0) {
            root.put("channels", List.of("ALIPAY", "TAOTIAN_WECHAT"));
        }
        if (spec.register() != StoreSpec.Register.NONE) {
            root.put("invoiceDays", config.invoiceDays());
        }
        Files.writeString(file, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(root) + "\n");
    }

    // ---- results -------------------------------------------------------------------------------

    private List<PlantedAnomaly> manifestAnomalies() {
        return plants.stream()
                .map(PlantNote::toAnomaly)
                .sorted(Comparator.comparing(PlantedAnomaly::day)
                        .thenComparing(PlantedAnomaly::type)
                        .thenComparing(PlantedAnomaly::orderId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(PlantedAnomaly::lineId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private int cleanOrders() {
        Set<String> involved = new HashSet<>();
        plants.forEach(p -> involved.add(p.orderId));
        int clean = 0;
        for (PlannedOrder o : orders) {
            if (!o.phantom && !involved.contains(o.orderId())) {
                clean++;
            }
        }
        return clean;
    }

    // ---- time ----------------------------------------------------------------------------------

    private long dayStart(int day) {
        return periodStart + day * DAY;
    }

    private int dayIndex(long epochSecond) {
        return (int) Math.floorDiv(epochSecond - periodStart, DAY);
    }

    private int settleDay(PlannedOrder o) {
        return dayIndex(o.settleAt);
    }

    private LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    private long commissionPpm(PlannedOrder o) {
        return config.commissionRate(o.catalogItem().category()).movePointRight(6).longValueExact();
    }

    /** Amount × rate (in millionths), rounded half up to the fen. */
    private static long fee(long amountFen, long ratePpm) {
        return (amountFen * ratePpm + MILLION / 2) / MILLION;
    }
}
