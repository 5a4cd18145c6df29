package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.Resolution;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.testing.Gen;
import recon.testing.Property;

class ReconcilerPropertiesTest {
    /** Short delays so that orders fall due inside the generated coverage. */
    private static final StoreConfig CONFIG = new StoreConfig(new BigDecimal("0.02"),
            Map.of("数码", new BigDecimal("0.05")), 1, 1, 2, new BigDecimal("0.30"), new BigDecimal("1.5"));
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);

    private static final List<FileKind> COVERED_KINDS = List.of(FileKind.ALIPAY_LEDGER, FileKind.TAOTIAN_WECHAT,
            FileKind.TMALL_ORDERS, FileKind.TMALL_REFUNDS);

    /** One store's records as lists, in the order they were generated; a covered day of a kind by (kind, day). */
    record Content(List<Order> orders, List<LedgerLine> lines, List<Refund> refunds, List<List<Integer>> coveredDays) {}

    @Test
    void sameRecordsInAnyOrderOrTwiceGiveTheSameReconciliation() {
        Property.tries(200).forAll(stores(), Gen.randoms(), (content, random) -> {
            Reconciliation once = new Reconciler(CONFIG).reconcile(records(content, 1, null));

            Reconciliation shuffledTwice = new Reconciler(CONFIG).reconcile(records(content, 2, random));

            assertThat(shuffledTwice).isEqualTo(once);
            assertThat(once.anomalies()).isSortedAccordingTo(Anomaly.ORDER);
        });
    }

    @Test
    void resolutionsInAnyOrderOrTwiceGiveTheSameStatusesAndNeverMoveAFigure() {
        Property.tries(200).forAll(stores(), Gen.ints(0, 9999).list(0, 12), Gen.randoms(), (content, picks, random) -> {
            StoreRecords plain = records(content, 1, null);
            Reconciliation unresolved = new Reconciler(CONFIG).closeBooks("t1", "s1", plain);
            List<Resolution> words = words(unresolved.anomalies(), picks);

            StoreRecords once = records(content, 1, null);
            words.forEach(once::add);
            StoreRecords shuffledTwice = records(content, 2, random);
            List<Resolution> twice = new ArrayList<>(words);
            twice.addAll(words);
            Collections.shuffle(twice, random);
            twice.forEach(shuffledTwice::add);

            Reconciliation resolved = new Reconciler(CONFIG).closeBooks("t1", "s1", once);
            assertThat(new Reconciler(CONFIG).closeBooks("t1", "s1", shuffledTwice)).isEqualTo(resolved);
            assertThat(resolved.days()).isEqualTo(unresolved.days());
            assertThat(resolved.anomalies()).extracting(Anomaly::id).isEqualTo(unresolved.anomalies().stream().map(Anomaly::id).toList());
        });
    }

    /** Words of people on the anomalies the picks name (or on an id no anomaly has), at few times so that some tie. */
    private static List<Resolution> words(List<Anomaly> anomalies, List<Integer> picks) {
        List<Resolution> words = new ArrayList<>();
        Resolution.Action[] actions = Resolution.Action.values();
        for (int pick : picks) {
            String id = anomalies.isEmpty() || pick % 7 == 0 ? "ffffffffffffffff" : anomalies.get(pick % anomalies.size()).id();
            long at = pick % 3 == 0 ? Times.NONE : Times.startOf(FIRST_DAY) + (pick % 4) * 3600L;
            words.add(new Resolution(id, actions[pick % actions.length], "说明 " + (pick % 5), "会计" + (pick % 2), at, "",
                    "处理结果.csv", "0000000000000000", 2 + pick % 3));
        }
        return words;
    }

    /** Every record added {@code times} times, the whole shuffled when a random is given. */
    private static StoreRecords records(Content content, int times, Random random) {
        List<Runnable> additions = new ArrayList<>();
        StoreRecords records = new StoreRecords();
        for (int i = 0; i < times; i++) {
            content.orders().forEach(order -> additions.add(() -> records.add(order)));
            content.lines().forEach(line -> additions.add(() -> records.add(line)));
            content.refunds().forEach(refund -> additions.add(() -> records.add(refund)));
            content.coveredDays().forEach(kindAndDay -> additions.add(() -> records.cover(COVERED_KINDS.get(kindAndDay.get(0)),
                    FIRST_DAY.plusDays(kindAndDay.get(1)), FIRST_DAY.plusDays(kindAndDay.get(1)))));
        }
        if (random != null) {
            Collections.shuffle(additions, random);
        }
        additions.forEach(Runnable::run);
        return records;
    }

    private static Gen<Content> stores() {
        return c -> new Content(orders().list(0, 8).generate(c), lines().list(0, 25).generate(c),
                refunds().list(0, 6).generate(c), Gen.ints(0, 3).flatMap(kind -> Gen.ints(0, 12).map(day -> List.of(kind, day)))
                        .list(0, 24).generate(c));
    }

    /** Mostly Tmall's numbers; some ids kept as text (see Ids), which the index groups apart. */
    private static Gen<String> orderIds() {
        return Gen.of("3553498017448001", "3553498017448002", "3553498017448003", "3553498017448004",
                "0553498017448005", "T6");
    }

    private static Gen<Long> amounts() {
        return Gen.of(0L, 200L, 398L, 1_000L, 2_000L, 19_900L);
    }

    /** Times over twelve days, few enough that lines often share a second. */
    private static Gen<Long> times() {
        Gen<Integer> days = Gen.ints(0, 11);
        Gen<Integer> seconds = Gen.of(0, 36_000, 36_001, 86_399);
        return c -> Times.startOf(FIRST_DAY.plusDays(days.generate(c))) + seconds.generate(c);
    }

    private static Gen<Long> optionalTimes() {
        return Gen.frequency(1, Gen.constant(Times.NONE), 4, times());
    }

    private static Gen<Order> orders() {
        Gen<OrderStatus> statuses = Gen.of(OrderStatus.class);
        Gen<String> categories = Gen.of("", "数码");
        return c -> new Order(orderIds().generate(c), amounts().generate(c), statuses.generate(c), times().generate(c),
                optionalTimes().generate(c), optionalTimes().generate(c), categories.generate(c), false, "");
    }

    private static Gen<LedgerLine> lines() {
        Gen<String> ids = Gen.ints(1, 30).map(n -> "L" + n);
        Gen<String> orderIds = orderIds().orNull(20);
        Gen<Long> balances = Gen.longs(0, 5_000);
        Gen<LineClass> classes = Gen.of(LineClass.class);
        Gen<Channel> channels = Gen.of(Channel.class);
        // the same ids in both channels: two lines, not one
        return c -> {
            Channel channel = channels.generate(c);
            return new LedgerLine(channel, ids.generate(c), orderIds.generate(c), times().generate(c),
                    amounts().generate(c), amounts().generate(c),
                    channel == Channel.ALIPAY ? balances.generate(c) : LedgerLine.NO_BALANCE, classes.generate(c), "");
        };
    }

    private static Gen<Refund> refunds() {
        Gen<String> ids = Gen.ints(1, 8).map(n -> "R" + n);
        Gen<RefundStatus> statuses = Gen.of(RefundStatus.class);
        return c -> new Refund(ids.generate(c), orderIds().generate(c), amounts().generate(c), statuses.generate(c),
                optionalTimes().generate(c), optionalTimes().generate(c), Gen.booleans().generate(c));
    }
}
