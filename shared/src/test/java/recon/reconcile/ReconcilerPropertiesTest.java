package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import recon.domain.Anomaly;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;

class ReconcilerPropertiesTest {
    /** Short delays so that orders fall due inside the generated coverage. */
    private static final StoreConfig CONFIG = new StoreConfig(new BigDecimal("0.02"),
            Map.of("数码", new BigDecimal("0.05")), 1, 1, 2, new BigDecimal("0.30"), new BigDecimal("1.5"));
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);

    /** One store's records as lists, in the order they were generated. */
    record Content(List<Order> orders, List<LedgerLine> lines, List<Refund> refunds, List<Integer> coveredDays) {}

    @Property(tries = 200)
    void sameRecordsInAnyOrderOrTwiceGiveTheSameReconciliation(@ForAll("stores") Content content, @ForAll Random random) {
        Reconciliation once = new Reconciler(CONFIG).reconcile(records(content, 1, null));

        Reconciliation shuffledTwice = new Reconciler(CONFIG).reconcile(records(content, 2, random));

        assertThat(shuffledTwice).isEqualTo(once);
        assertThat(once.anomalies()).isSortedAccordingTo(Anomaly.ORDER);
    }

    /** Every record added {@code times} times, the whole shuffled when a random is given. */
    private static StoreRecords records(Content content, int times, Random random) {
        List<Runnable> additions = new ArrayList<>();
        StoreRecords records = new StoreRecords();
        for (int i = 0; i < times; i++) {
            content.orders().forEach(order -> additions.add(() -> records.add(order)));
            content.lines().forEach(line -> additions.add(() -> records.add(line)));
            content.refunds().forEach(refund -> additions.add(() -> records.add(refund)));
            content.coveredDays().forEach(day -> additions.add(
                    () -> records.cover(FIRST_DAY.plusDays(day), FIRST_DAY.plusDays(day))));
        }
        if (random != null) {
            Collections.shuffle(additions, random);
        }
        additions.forEach(Runnable::run);
        return records;
    }

    @Provide
    Arbitrary<Content> stores() {
        return Combinators.combine(
                orders().list().ofMaxSize(8),
                lines().list().ofMaxSize(25),
                refunds().list().ofMaxSize(6),
                Arbitraries.integers().between(0, 12).list().ofMaxSize(12))
                .as(Content::new);
    }

    /** Mostly Tmall's numbers; some ids kept as text (see Ids), which the index groups apart. */
    private static Arbitrary<String> orderIds() {
        return Arbitraries.of("3553498017448001", "3553498017448002", "3553498017448003", "3553498017448004",
                "0553498017448005", "T6");
    }

    private static Arbitrary<Long> amounts() {
        return Arbitraries.of(0L, 200L, 398L, 1_000L, 2_000L, 19_900L);
    }

    /** Times over twelve days, few enough that lines often share a second. */
    private static Arbitrary<Long> times() {
        return Combinators.combine(Arbitraries.integers().between(0, 11), Arbitraries.of(0, 36_000, 36_001, 86_399))
                .as((day, second) -> Times.startOf(FIRST_DAY.plusDays(day)) + second);
    }

    private static Arbitrary<Long> optionalTimes() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Times.NONE)), Tuple.of(4, times()));
    }

    private static Arbitrary<Order> orders() {
        return Combinators.combine(orderIds(), amounts(), Arbitraries.of(OrderStatus.class), times(), optionalTimes(),
                        optionalTimes(), Arbitraries.of("", "数码"))
                .as((id, paid, status, created, paidAt, confirmed, category) ->
                        new Order(id, paid, status, created, paidAt, confirmed, category, false, ""));
    }

    private static Arbitrary<LedgerLine> lines() {
        return Combinators.combine(Arbitraries.integers().between(1, 30).map(n -> "L" + n),
                        orderIds().injectNull(0.2), times(), amounts(), amounts(),
                        Arbitraries.longs().between(0, 5_000), Arbitraries.of(LineClass.class))
                .as((id, orderId, at, income, expense, balance, lineClass) ->
                        new LedgerLine(id, orderId, at, income, expense, balance, lineClass, ""));
    }

    private static Arbitrary<Refund> refunds() {
        return Combinators.combine(Arbitraries.integers().between(1, 8).map(n -> "R" + n), orderIds(), amounts(),
                        Arbitraries.of(RefundStatus.class), optionalTimes(), optionalTimes(), Arbitraries.of(true, false))
                .as(Refund::new);
    }
}
