package recon.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.AnomalyType;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.Resolution;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;

class SampleGeneratorTest {
    private static final Set<AnomalyType> PLANTED_TYPES = EnumSet.of(
            AnomalyType.MISSING_SETTLEMENT, AnomalyType.AMOUNT_MISMATCH, AnomalyType.DUPLICATE_SETTLEMENT,
            AnomalyType.SETTLEMENT_ON_CLOSED_ORDER, AnomalyType.UNMATCHED_SETTLEMENT,
            AnomalyType.REFUND_NOT_DEDUCTED, AnomalyType.REFUND_AMOUNT_MISMATCH, AnomalyType.UNEXPLAINED_REFUND,
            AnomalyType.FEE_MISMATCH, AnomalyType.BALANCE_BREAK, AnomalyType.BALANCE_GAP,
            AnomalyType.REFUND_RATE_HIGH, AnomalyType.FEE_RATIO_HIGH, AnomalyType.INVOICE_MISSING,
            AnomalyType.INVOICE_DUPLICATE, AnomalyType.INVOICE_AMOUNT_MISMATCH, AnomalyType.INVOICE_WITHOUT_ORDER);
    private static final Set<AnomalyType> INVOICE_TYPES = EnumSet.of(AnomalyType.INVOICE_MISSING,
            AnomalyType.INVOICE_DUPLICATE, AnomalyType.INVOICE_AMOUNT_MISMATCH, AnomalyType.INVOICE_WITHOUT_ORDER);
    private static final Charset GBK = Charset.forName("GBK");
    private static final Pattern TRAILER = Pattern.compile("#(收入|支出)合计：\\d+笔");
    private static final Pattern EXCEL_SCIENTIFIC_ID = Pattern.compile("^(\\d\\.\\d{14}E\\+\\d{2}),");

    @TempDir
    static Path shared;
    static Manifest defaults;

    @BeforeAll
    static void generateDefaults() throws IOException {
        defaults = new SampleGenerator(SampleGenerator.Options.defaults()).generate(shared.resolve("defaults"));
    }

    @Test
    void sameSeedGivesSameBytes(@TempDir Path a, @TempDir Path b) throws IOException {
        SampleGenerator.Options options = SampleGenerator.Options.defaults().withOrders(600);

        new SampleGenerator(options).generate(a);
        new SampleGenerator(options).generate(b);

        List<Path> files = relativeFiles(a);
        assertThat(files).isEqualTo(relativeFiles(b)).contains(Path.of(Manifest.FILE_NAME));
        for (Path file : files) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }

    @Test
    void otherSeedGivesOtherSamples(@TempDir Path a, @TempDir Path b) throws IOException {
        Manifest first = new SampleGenerator(SampleGenerator.Options.defaults().withOrders(600)).generate(a);
        Manifest second = new SampleGenerator(SampleGenerator.Options.defaults().withOrders(600).withSeed(7)).generate(b);

        assertThat(second.stores().get(0).anomalies()).isNotEqualTo(first.stores().get(0).anomalies());
    }

    @Test
    void writesThreeStoresWithConfigAndManifest() throws IOException {
        assertThat(defaults.stores()).extracting(s -> s.tenant() + "/" + s.store())
                .containsExactly("t1/s1", "t1/s2", "t2/s1");
        for (StoreSample store : defaults.stores()) {
            assertThat(store.dir().resolve("config.json")).exists();
            for (String file : store.files()) {
                assertThat(store.dir().resolve(file)).exists();
                assertThat(file).startsWith("export_");
            }
        }
        assertThat(Files.readString(defaults.stores().get(0).dir().resolve("config.json")))
                .contains("\"byCategory\"", "\"女装/女士精品\" : \"0.05\"", "\"feeRatioFactor\" : \"1.5\"");
        assertThat(Manifest.read(shared.resolve("defaults").resolve(Manifest.FILE_NAME))).isEqualTo(defaults);
    }

    @Test
    void splitsOrdersAmongStoresWithMostInTheFirst() throws IOException {
        Map<String, Integer> orders = new HashMap<>();
        for (StoreSample store : defaults.stores()) {
            orders.put(store.tenant() + "/" + store.store(), mergedOrders(store).size());
        }
        assertThat(orders.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
        assertThat(orders.get("t1/s1")).isEqualTo(1000);
    }

    @Test
    void manifestListsEveryPlantedAnomalyTypeAndOnlyT1S2HasRejectedFiles() {
        Set<AnomalyType> types = EnumSet.noneOf(AnomalyType.class);
        defaults.stores().forEach(s -> s.anomalies().forEach(a -> types.add(a.type())));
        assertThat(types).containsAll(PLANTED_TYPES);
        for (StoreSample store : defaults.stores()) {
            assertThat(store.anomalies()).extracting(PlantedAnomaly::type).contains(
                    AnomalyType.MISSING_SETTLEMENT, AnomalyType.AMOUNT_MISMATCH, AnomalyType.DUPLICATE_SETTLEMENT,
                    AnomalyType.UNMATCHED_SETTLEMENT, AnomalyType.FEE_MISMATCH, AnomalyType.BALANCE_BREAK,
                    AnomalyType.BALANCE_GAP);
            assertThat(store.rejectedFiles()).hasSize(store.store().equals("s2") ? 2 : 0);
            assertThat(store.cleanOrders()).isGreaterThan(300);
        }
    }

    @Test
    void gbkFilesDecodeAsGbkTheRefundReportAndAnInvoiceRegisterHaveABomAndTheWeChatBillIsUtf8WithBackticks()
            throws IOException {
        int wechatUtf8 = 0;
        int registersUtf8 = 0;
        for (StoreSample store : defaults.stores()) {
            for (String name : store.files()) {
                Path file = store.dir().resolve(name);
                byte[] bytes = Files.readAllBytes(file);
                String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
                if (name.endsWith(".csv") && bytes[0] == (byte) 0xEF) {
                    assertThat(bytes[1]).isEqualTo((byte) 0xBB);
                    assertThat(bytes[2]).isEqualTo((byte) 0xBF);
                    String text = strictDecode(bytes, StandardCharsets.UTF_8);
                    if (text.contains("发票号码")) {
                        assertThat(text).contains("蓝字", "已开票");
                        registersUtf8++;
                    } else {
                        assertThat(text).contains("退款编号", "售后");
                    }
                } else if (name.endsWith(".csv") && head.startsWith("#淘天微信账单明细")) {
                    // WeChat Pay's habit: UTF-8, a ` before every value
                    assertThat(strictDecode(bytes, StandardCharsets.UTF_8)).contains("`交易收款", "资金流水总笔数");
                    wechatUtf8++;
                } else if (name.endsWith(".csv")) {
                    String text = strictDecode(bytes, GBK);
                    assertThat(text).containsAnyOf("#支付宝账务明细查询", "订单编号", "主订单编号", "#淘天微信账单明细");
                }
            }
        }
        assertThat(wechatUtf8).as("the WeChat-paying stores' second bills").isEqualTo(2);
        assertThat(registersUtf8).as("t1/s2's invoice register").isEqualTo(1);
    }

    @Test
    void zipBundleHasGbkMemberNamesWithoutTheUtf8FlagAndASummary() throws IOException {
        StoreSample store = store("t1", "s2");
        Path zip = store.dir().resolve(store.files().stream().filter(f -> f.endsWith(".zip")).findFirst().orElseThrow());

        byte[] bytes = Files.readAllBytes(zip);
        int flags = (bytes[6] & 0xFF) | (bytes[7] & 0xFF) << 8;
        assertThat(flags & 0x800).as("UTF-8 flag").isZero();
        Map<String, String> members = zipMembers(zip);
        assertThat(members.keySet()).anyMatch(n -> n.endsWith("账务明细.csv")).anyMatch(n -> n.endsWith("账务汇总.csv"));
        assertThat(members.values()).anyMatch(text -> text.startsWith("#支付宝账务汇总查询"));
    }

    @Test
    void readerAcceptsEveryListedFile() {
        for (StoreSample store : defaults.stores()) {
            for (FileRead file : reads(store, store.files())) {
                assertThat(file.outcome.error()).as(file.outcome.name()).isNull();
                assertThat(file.outcome.accepted()).isTrue();
            }
        }
    }

    @Test
    void trailerTotalsMatchTheLinesOfEveryAcceptedLedger() throws IOException {
        // the reader accepts a ledger only when its trailer totals match its lines
        int checked = 0;
        for (StoreSample store : defaults.stores()) {
            for (String name : store.files()) {
                Path file = store.dir().resolve(name);
                FileRead ledger = read(file);
                if (ledger.outcome.kind() == FileKind.ALIPAY_LEDGER && hasTrailer(file)) {
                    assertThat(ledger.outcome.accepted()).as(name).isTrue();
                    assertThat(ledger.lines).as(name).isNotEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void rejectedLedgerHasTrailerTotalsThatDifferFromItsLines() {
        StoreSample store = store("t1", "s2");
        List<FileRead> rejected = reads(store, store.rejectedFiles()).stream()
                .filter(f -> f.outcome.kind() == FileKind.ALIPAY_LEDGER).toList();

        assertThat(rejected).hasSize(1);
        FileRead ledger = rejected.get(0);
        assertThat(ledger.outcome.accepted()).isFalse();
        assertThat(ledger.outcome.error()).contains("合计与明细不符");
        // its lines, handed out before the trailer was checked, copy accepted ones
        Map<String, LedgerLine> accepted = mergedLines(store);
        assertThat(ledger.lines).isNotEmpty().allMatch(l -> l.equals(accepted.get(l.lineId())));
    }

    @Test
    void rejectedOrderReportHasExcelDamagedIdsOfAcceptedOrders() throws IOException {
        StoreSample store = store("t1", "s2");
        Path report = store.rejectedFiles().stream().map(store.dir()::resolve)
                .filter(f -> read(f).outcome.kind() == FileKind.TMALL_ORDERS).findFirst().orElseThrow();

        FileOutcome outcome = read(report).outcome;
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.error()).contains("科学计数法");
        // what Excel shows of a long number: its 15 significant digits
        Set<BigDecimal> shownIds = new HashSet<>();
        for (String id : mergedOrders(store).keySet()) {
            shownIds.add(new BigDecimal(id).round(new MathContext(15)).stripTrailingZeros());
        }
        String[] rows = Files.readString(report, GBK).split("\r\n");
        assertThat(rows[1]).matches("^\\d\\.\\d{14}E\\+18,.*");
        for (int i = 1; i < rows.length; i++) {
            Matcher id = EXCEL_SCIENTIFIC_ID.matcher(rows[i]);
            assertThat(id.find()).as(rows[i]).isTrue();
            assertThat(shownIds).contains(new BigDecimal(id.group(1)).stripTrailingZeros());
        }
    }

    @Test
    void balancesRunContinuouslyThroughEachAcceptedLedgerExceptAtPlantedBreaks() {
        for (StoreSample store : defaults.stores()) {
            Set<String> planted = new HashSet<>();
            store.anomalies().stream()
                    .filter(a -> a.type() == AnomalyType.BALANCE_BREAK || a.type() == AnomalyType.BALANCE_GAP)
                    .forEach(a -> planted.add(a.lineId()));
            Set<String> breaks = new HashSet<>();
            for (FileRead ledger : ledgers(store)) {
                List<LedgerLine> lines = ledger.lines;
                for (int i = 1; i < lines.size(); i++) {
                    LedgerLine line = lines.get(i);
                    assertThat(line.balanceFen()).isNotNegative();
                    if (line.balanceFen() - line.netFen() != lines.get(i - 1).balanceFen()) {
                        breaks.add(line.lineId());
                    }
                }
            }
            assertThat(breaks).as(store.tenant() + "/" + store.store()).isEqualTo(planted);
        }
    }

    @Test
    void linesSharingASecondNeverStartFromTheSameBalance() {
        // so re-ordering the lines of one second (Alipay does not guarantee their order) finds one chain only
        for (StoreSample store : defaults.stores()) {
            Map<Long, Set<Long>> startsBySecond = new HashMap<>();
            for (LedgerLine line : mergedLines(store).values()) {
                boolean fresh = startsBySecond.computeIfAbsent(line.occurredAt(), k -> new HashSet<>())
                        .add(line.balanceFen() - line.netFen());
                assertThat(fresh).as(line.lineId()).isTrue();
            }
        }
    }

    @Test
    void overlappingExportsHoldTheSameLinesAndCoverThePeriod() {
        for (StoreSample store : defaults.stores()) {
            Map<String, LedgerLine> seen = new HashMap<>();
            int repeated = 0;
            Set<LocalDate> covered = new TreeSet<>();
            for (FileRead ledger : ledgers(store)) {
                covered.addAll(ledger.coveredDays);
                for (LedgerLine line : ledger.lines) {
                    LedgerLine before = seen.putIfAbsent(line.lineId(), line);
                    if (before != null) {
                        assertThat(line).isEqualTo(before);
                        repeated++;
                    }
                }
            }
            assertThat(repeated).isPositive();
            assertThat(covered).hasSize(31).contains(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
        }
    }

    @Test
    void ledgerShowsThousandsSeparatorsAndTabSuffixedIds() throws IOException {
        StoreSample store = store("t1", "s1");
        String text = Files.readString(store.dir().resolve(store.files().get(0)), GBK);

        assertThat(text).containsPattern("\"\\d{1,3},\\d{3}\\.\\d{2}\"").containsPattern("\\d{16}\t,")
                .contains("#起始日期：[2026年11月01日 00:00:00]");
    }

    @Test
    void orderIdsHave16To19Digits() {
        for (StoreSample store : defaults.stores()) {
            for (Order order : mergedOrders(store).values()) {
                assertThat(order.orderId()).matches("\\d{16,19}");
            }
        }
    }

    @Test
    void laterOrderReportKeepsEveryOrderOfTheFirstWithAStatusAsAdvanced() {
        List<FileRead> reports = reads(store("t1", "s1"), store("t1", "s1").files()).stream()
                .filter(f -> f.outcome.kind() == FileKind.TMALL_ORDERS).toList();

        assertThat(reports).hasSize(2);
        List<Order> first = reports.get(0).orders;
        Map<String, Order> later = new HashMap<>();
        reports.get(1).orders.forEach(o -> later.put(o.orderId(), o));
        assertThat(first).hasSizeGreaterThan(100);
        for (Order before : first) {
            Order after = later.get(before.orderId());
            assertThat(after).as(before.orderId()).isNotNull();
            assertThat(after.status().rank).isGreaterThanOrEqualTo(before.status().rank);
        }
    }

    @Test
    void theWeChatPayingStoresSendBothBillsAndHaveAnomaliesPlantedInTheWeChatOne() {
        assertThat(bills(store("t1", "s1"), FileKind.TAOTIAN_WECHAT)).as("t1/s1 takes Alipay only").isEmpty();
        for (StoreSample store : List.of(store("t1", "s2"), store("t2", "s1"))) {
            List<FileRead> wechat = bills(store, FileKind.TAOTIAN_WECHAT);
            assertThat(wechat).as("%s/%s WeChat bills", store.tenant(), store.store()).hasSize(2);
            Map<String, LedgerLine> wechatLines = new HashMap<>();
            wechat.forEach(bill -> bill.lines.forEach(l -> wechatLines.put(l.lineId(), l)));
            Map<String, LedgerLine> alipayLines = mergedLines(store);
            // every order's money in one account: no settlement of an order in both, but for a planted duplicate
            Set<String> settledInWeChat = new HashSet<>();
            wechatLines.values().stream().filter(l -> l.lineClass() == LineClass.SETTLEMENT)
                    .forEach(l -> settledInWeChat.add(l.orderId()));
            Set<String> settledInAlipay = new HashSet<>();
            alipayLines.values().stream().filter(l -> l.lineClass() == LineClass.SETTLEMENT)
                    .forEach(l -> settledInAlipay.add(l.orderId()));
            Set<String> inBoth = new HashSet<>(settledInWeChat);
            inBoth.retainAll(settledInAlipay);
            Set<String> duplicates = new HashSet<>();
            store.anomalies().stream().filter(a -> a.type() == AnomalyType.DUPLICATE_SETTLEMENT)
                    .forEach(a -> duplicates.add(a.orderId()));
            assertThat(inBoth).hasSize(1).isSubsetOf(duplicates);
            double share = (double) settledInWeChat.size() / (settledInWeChat.size() + settledInAlipay.size());
            assertThat(share).as("share of the settled orders paid with WeChat Pay").isBetween(0.1, 0.4);
            Set<AnomalyType> plantedOnWeChatLines = new HashSet<>();
            store.anomalies().stream().filter(a -> wechatLines.containsKey(a.lineId()))
                    .forEach(a -> plantedOnWeChatLines.add(a.type()));
            assertThat(plantedOnWeChatLines).contains(AnomalyType.AMOUNT_MISMATCH, AnomalyType.FEE_MISMATCH,
                    AnomalyType.REFUND_AMOUNT_MISMATCH, AnomalyType.UNEXPLAINED_REFUND);
        }
    }

    @Test
    void onlyT1S2AndT2S1SendInvoiceRegistersAndAThirdOfTheirBuyersAskForInvoices() {
        assertThat(bills(store("t1", "s1"), FileKind.INVOICES)).isEmpty();
        assertThat(bills(store("t1", "s2"), FileKind.INVOICES)).hasSize(1);
        // the two files of t2/s1 overlap: some invoices are in both
        List<FileRead> overlapping = bills(store("t2", "s1"), FileKind.INVOICES);
        assertThat(overlapping).hasSize(2);
        Set<String> inFirst = new HashSet<>();
        overlapping.get(0).invoices.forEach(i -> inFirst.add(i.invoiceId()));
        assertThat(overlapping.get(1).invoices).anyMatch(i -> inFirst.contains(i.invoiceId()));
        for (StoreSample store : List.of(store("t1", "s2"), store("t2", "s1"))) {
            Map<String, Order> orders = mergedOrders(store);
            long asking = orders.values().stream().filter(Order::invoiceRequested).count();
            assertThat((double) asking / orders.size()).as("share of the orders asking for an invoice").isBetween(0.25, 0.35);
        }
    }

    @Test
    void theStoresWithARegisterHaveEveryInvoiceAnomalyPlantedOnAnOrderAndT1S1None() {
        assertThat(store("t1", "s1").anomalies()).extracting(PlantedAnomaly::type)
                .doesNotContainAnyElementsOf(INVOICE_TYPES);
        for (StoreSample store : List.of(store("t1", "s2"), store("t2", "s1"))) {
            List<PlantedAnomaly> invoiceAnomalies = store.anomalies().stream()
                    .filter(a -> INVOICE_TYPES.contains(a.type())).toList();
            assertThat(invoiceAnomalies).extracting(PlantedAnomaly::type).containsExactlyInAnyOrder(
                    AnomalyType.INVOICE_MISSING, AnomalyType.INVOICE_MISSING, AnomalyType.INVOICE_DUPLICATE,
                    AnomalyType.INVOICE_AMOUNT_MISMATCH, AnomalyType.INVOICE_AMOUNT_MISMATCH,
                    AnomalyType.INVOICE_WITHOUT_ORDER);
            // the core names the invoice in invoiceId, never a ledger line
            assertThat(invoiceAnomalies).allSatisfy(a -> {
                assertThat(a.orderId()).isNotNull();
                assertThat(a.lineId()).isNull();
            });
        }
    }

    @Test
    void theRegistersShowRedReversedAndVoidedInvoicesAndARedRowAboveItsBlueOne() {
        for (StoreSample store : List.of(store("t1", "s2"), store("t2", "s1"))) {
            List<Invoice> invoices = new ArrayList<>();
            bills(store, FileKind.INVOICES).forEach(register -> invoices.addAll(register.invoices));
            Set<String> reasons = new HashSet<>();
            invoices.stream().filter(Invoice::red).forEach(i -> reasons.add(i.reversalReason()));
            assertThat(reasons).as("%s/%s 冲红原因", store.tenant(), store.store()).contains("01", "02");
            assertThat(invoices).anyMatch(i -> i.status() == InvoiceStatus.REVERSED);
            // an older invoice (发票代码-发票号码) voided, its order invoiced anew
            assertThat(invoices).anySatisfy(voided -> {
                assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
                assertThat(voided.invoiceId()).matches("\\d{12}-\\d{8}");
                assertThat(invoices).anyMatch(i -> i.orderId().equals(voided.orderId()) && i.counts() && !i.red()
                        && i.amountFen() == voided.amountFen());
            });
        }
        // newest first: a red invoice comes before the blue one, issued earlier, that it reverses
        List<FileRead> newestFirst = bills(store("t2", "s1"), FileKind.INVOICES);
        assertThat(newestFirst).anySatisfy(register -> {
            Map<String, Long> redIssuedAt = new HashMap<>();
            boolean earlierBlueBelowRed = false;
            for (Invoice i : register.invoices) {
                if (i.red()) {
                    redIssuedAt.putIfAbsent(i.orderId(), i.issuedAt());
                } else {
                    earlierBlueBelowRed |= redIssuedAt.getOrDefault(i.orderId(), Long.MIN_VALUE) >= i.issuedAt();
                }
            }
            assertThat(earlierBlueBelowRed).isTrue();
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** One file as the real reader sees it: its outcome and the records it handed out, in file order. */
    private static final class FileRead implements RecordSink {
        FileOutcome outcome;
        final List<Order> orders = new ArrayList<>();
        final List<LedgerLine> lines = new ArrayList<>();
        final List<Invoice> invoices = new ArrayList<>();
        final Set<LocalDate> coveredDays = new TreeSet<>();

        @Override
        public void order(Order order) {
            orders.add(order);
        }

        @Override
        public void ledgerLine(LedgerLine line) {
            lines.add(line);
        }

        @Override
        public void refund(Refund refund) {}

        @Override
        public void invoice(Invoice invoice) {
            invoices.add(invoice);
        }

        @Override
        public void resolution(Resolution resolution) {
            throw new AssertionError("the generator writes no resolutions file");
        }

        @Override
        public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
            if (kind == FileKind.ALIPAY_LEDGER) {
                firstDay.datesUntil(lastDay.plusDays(1)).forEach(coveredDays::add);
            }
        }
    }

    /** Reads a file with {@link FileIngest}; a ZIP must yield one file (its summary is skipped). */
    private static FileRead read(Path file) {
        List<FileRead> files = new ArrayList<>();
        new FileIngest().read(file.getFileName().toString(), () -> Files.newInputStream(file), new IngestListener() {
            @Override
            public RecordSink start(String fileName) {
                files.add(new FileRead());
                return files.get(files.size() - 1);
            }

            @Override
            public void finish(FileOutcome outcome) {
                files.get(files.size() - 1).outcome = outcome;
            }
        });
        assertThat(files).as(file.toString()).hasSize(1);
        return files.get(0);
    }

    private static List<FileRead> reads(StoreSample store, List<String> names) {
        return names.stream().map(name -> read(store.dir().resolve(name))).toList();
    }

    /** The accepted Alipay account logs of a store, in the order it lists them. */
    private static List<FileRead> ledgers(StoreSample store) {
        return bills(store, FileKind.ALIPAY_LEDGER);
    }

    private static List<FileRead> bills(StoreSample store, FileKind kind) {
        return reads(store, store.files()).stream()
                .filter(f -> f.outcome.accepted() && f.outcome.kind() == kind).toList();
    }

    private static Map<String, LedgerLine> mergedLines(StoreSample store) {
        Map<String, LedgerLine> lines = new HashMap<>();
        ledgers(store).forEach(ledger -> ledger.lines.forEach(l -> lines.put(l.lineId(), l)));
        return lines;
    }

    private static Map<String, Order> mergedOrders(StoreSample store) {
        Map<String, Order> orders = new HashMap<>();
        for (FileRead file : reads(store, store.files())) {
            if (file.outcome.accepted()) {
                file.orders.forEach(o -> orders.merge(o.orderId(), o, Order::latest));
            }
        }
        return orders;
    }

    /** Whether a CSV ledger, or the detail member of a ZIP, ends with the 收入合计/支出合计 trailer. */
    private static boolean hasTrailer(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".xlsx")) {
            return false;
        }
        Collection<String> texts = name.endsWith(".zip")
                ? zipMembers(file).entrySet().stream().filter(m -> m.getKey().endsWith("账务明细.csv"))
                        .map(Map.Entry::getValue).toList()
                : List.of(Files.readString(file, GBK));
        return texts.stream().anyMatch(t -> TRAILER.matcher(t).find());
    }

    /** The members of a ZIP, names and contents decoded as GBK. */
    private static Map<String, String> zipMembers(Path file) throws IOException {
        Map<String, String> members = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), GBK)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                members.put(entry.getName(), new String(zip.readAllBytes(), GBK));
            }
        }
        return members;
    }

    private static StoreSample store(String tenant, String store) {
        return defaults.stores().stream().filter(s -> s.tenant().equals(tenant) && s.store().equals(store))
                .findFirst().orElseThrow();
    }

    private static String strictDecode(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
