package recon.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.AnomalyType;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Refund;
import recon.domain.StoreConfig;

class SampleGeneratorTest {
    private static final Set<AnomalyType> PLANTED_TYPES = EnumSet.of(
            AnomalyType.MISSING_SETTLEMENT, AnomalyType.AMOUNT_MISMATCH, AnomalyType.DUPLICATE_SETTLEMENT,
            AnomalyType.SETTLEMENT_ON_CLOSED_ORDER, AnomalyType.UNMATCHED_SETTLEMENT,
            AnomalyType.REFUND_NOT_DEDUCTED, AnomalyType.REFUND_AMOUNT_MISMATCH, AnomalyType.UNEXPLAINED_REFUND,
            AnomalyType.FEE_MISMATCH, AnomalyType.BALANCE_BREAK, AnomalyType.BALANCE_GAP,
            AnomalyType.REFUND_RATE_HIGH, AnomalyType.FEE_RATIO_HIGH);

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
    void gbkFilesDecodeAsGbkAndTheRefundReportHasABom() throws IOException {
        for (StoreSample store : defaults.stores()) {
            for (String name : store.files()) {
                Path file = store.dir().resolve(name);
                byte[] bytes = Files.readAllBytes(file);
                if (name.endsWith(".csv") && bytes[0] == (byte) 0xEF) {
                    assertThat(bytes[1]).isEqualTo((byte) 0xBB);
                    assertThat(bytes[2]).isEqualTo((byte) 0xBF);
                    assertThat(strictDecode(bytes, StandardCharsets.UTF_8)).contains("退款编号", "售后");
                } else if (name.endsWith(".csv")) {
                    String text = strictDecode(bytes, SampleFiles.GBK);
                    assertThat(text).containsAnyOf("#支付宝账务明细查询", "订单编号", "主订单编号");
                }
            }
        }
    }

    @Test
    void zipBundleHasGbkMemberNamesWithoutTheUtf8FlagAndASummary() throws IOException {
        StoreSample store = store("t1", "s2");
        Path zip = store.dir().resolve(store.files().stream().filter(f -> f.endsWith(".zip")).findFirst().orElseThrow());

        byte[] bytes = Files.readAllBytes(zip);
        int flags = (bytes[6] & 0xFF) | (bytes[7] & 0xFF) << 8;
        assertThat(flags & 0x800).as("UTF-8 flag").isZero();
        Map<String, String> members = SampleFiles.zipMembers(zip);
        assertThat(members.keySet()).anyMatch(n -> n.endsWith("账务明细.csv")).anyMatch(n -> n.endsWith("账务汇总.csv"));
        assertThat(members.values()).anyMatch(text -> text.startsWith("#支付宝账务汇总查询"));
    }

    @Test
    void trailerTotalsMatchTheLinesOfEveryAcceptedLedger() throws IOException {
        int checked = 0;
        for (StoreSample store : defaults.stores()) {
            for (SampleFiles.LedgerFile ledger : ledgers(store, store.files())) {
                if (!ledger.hasTrailer()) {
                    continue;
                }
                assertThat(totals(ledger)).as(ledger.name()).containsExactly(ledger.trailerIncomeCount(),
                        ledger.trailerIncomeFen(), ledger.trailerExpenseCount(), ledger.trailerExpenseFen());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void rejectedLedgerHasTrailerTotalsThatDifferFromItsLines() throws IOException {
        StoreSample store = store("t1", "s2");
        List<SampleFiles.LedgerFile> rejected = ledgers(store, store.rejectedFiles());

        assertThat(rejected).hasSize(1);
        SampleFiles.LedgerFile ledger = rejected.get(0);
        assertThat(totals(ledger)).isNotEqualTo(List.of(ledger.trailerIncomeCount(), ledger.trailerIncomeFen(),
                ledger.trailerExpenseCount(), ledger.trailerExpenseFen()));
        Map<String, LedgerLine> accepted = mergedLines(store);
        assertThat(ledger.lines()).allMatch(l -> l.equals(accepted.get(l.lineId())));
    }

    @Test
    void rejectedOrderReportHasExcelDamagedIdsOfAcceptedOrders() throws IOException {
        StoreSample store = store("t1", "s2");
        Path report = store.rejectedFiles().stream().map(store.dir()::resolve)
                .filter(f -> !isLedgerQuietly(f)).findFirst().orElseThrow();

        String[] rows = Files.readString(report, SampleFiles.GBK).split("\r\n");
        assertThat(rows[1]).matches("^\\d\\.\\d{14}E\\+18,.*");
        assertThat(rows.length - 1).isLessThanOrEqualTo(mergedOrders(store).size());
    }

    @Test
    void balancesRunContinuouslyThroughEachAcceptedLedgerExceptAtPlantedBreaks() throws IOException {
        for (StoreSample store : defaults.stores()) {
            Set<String> planted = new HashSet<>();
            store.anomalies().stream()
                    .filter(a -> a.type() == AnomalyType.BALANCE_BREAK || a.type() == AnomalyType.BALANCE_GAP)
                    .forEach(a -> planted.add(a.lineId()));
            Set<String> breaks = new HashSet<>();
            for (SampleFiles.LedgerFile ledger : ledgers(store, store.files())) {
                List<LedgerLine> lines = ledger.lines();
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
    void linesSharingASecondNeverStartFromTheSameBalance() throws IOException {
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
    void overlappingExportsHoldTheSameLinesAndCoverThePeriod() throws IOException {
        for (StoreSample store : defaults.stores()) {
            Map<String, LedgerLine> seen = new HashMap<>();
            int repeated = 0;
            Set<LocalDate> covered = new TreeSet<>();
            for (SampleFiles.LedgerFile ledger : ledgers(store, store.files())) {
                for (LocalDate d = ledger.from(); !d.isAfter(ledger.to()); d = d.plusDays(1)) {
                    covered.add(d);
                }
                for (LedgerLine line : ledger.lines()) {
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
        String text = Files.readString(store.dir().resolve(store.files().get(0)), SampleFiles.GBK);

        assertThat(text).containsPattern("\"\\d{1,3},\\d{3}\\.\\d{2}\"").containsPattern("\\d{16}\t,")
                .contains("#起始日期：[2026年11月01日 00:00:00]");
    }

    @Test
    void orderIdsHave16To19Digits() throws IOException {
        for (StoreSample store : defaults.stores()) {
            for (Order order : mergedOrders(store).values()) {
                assertThat(order.orderId()).matches("\\d{16,19}");
            }
        }
    }

    @Test
    void laterOrderReportKeepsEveryOrderOfTheFirstWithAStatusAsAdvanced() throws IOException {
        StoreSample store = store("t1", "s1");
        Path first = store.dir().resolve(reportFiles(store).get(0));
        Map<String, Order> later = mergedOrders(store);

        String[] rows = Files.readString(first, SampleFiles.GBK).split("\r\n");
        assertThat(rows.length).isGreaterThan(100);
        for (int i = 1; i < rows.length; i++) {
            List<String> f = SampleFiles.split(rows[i]);
            Order after = later.get(SampleFiles.clean(f.get(0)));
            assertThat(after).isNotNull();
            assertThat(after.status().rank).isGreaterThanOrEqualTo(SampleFiles.status(f.get(6)).rank);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static List<SampleFiles.LedgerFile> ledgers(StoreSample store, List<String> names) throws IOException {
        List<SampleFiles.LedgerFile> ledgers = new ArrayList<>();
        for (String name : names) {
            Path file = store.dir().resolve(name);
            if (SampleFiles.isLedger(file)) {
                ledgers.add(SampleFiles.ledger(file));
            }
        }
        return ledgers;
    }

    private static List<Long> totals(SampleFiles.LedgerFile ledger) {
        long[] t = new long[4];
        for (LedgerLine l : ledger.lines()) {
            if (l.incomeFen() > 0) {
                t[0]++;
                t[1] += l.incomeFen();
            }
            if (l.expenseFen() > 0) {
                t[2]++;
                t[3] += l.expenseFen();
            }
        }
        return List.of(t[0], t[1], t[2], t[3]);
    }

    private static boolean isLedgerQuietly(Path file) {
        try {
            return SampleFiles.isLedger(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<String> sorted(Set<PlantedAnomaly> anomalies) {
        return anomalies.stream().map(PlantedAnomaly::toString).sorted().toList();
    }
}
