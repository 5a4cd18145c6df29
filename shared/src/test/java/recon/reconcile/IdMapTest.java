package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import recon.domain.Refund;
import recon.domain.RefundStatus;

class IdMapTest {
    private static IdMap<Refund> byRefundId() {
        return new IdMap<>(Refund::refundNumber, Refund::refundId);
    }

    /** Keeps the larger refund of two with the same id. */
    private static Refund larger(Refund a, Refund b) {
        return a.refundFen() >= b.refundFen() ? a : b;
    }

    @Property(tries = 300)
    void holdsWhatAHashMapHolds(@ForAll("refunds") List<Refund> refunds, @ForAll("refundIdLists") List<String> lookups) {
        IdMap<Refund> map = byRefundId();
        Map<String, Refund> expected = new HashMap<>();
        for (Refund refund : refunds) {
            map.merge(refund, IdMapTest::larger);
            expected.merge(refund.refundId(), refund, IdMapTest::larger);
        }

        assertThat(map.size()).isEqualTo(expected.size());
        assertThat(map.values()).containsExactlyInAnyOrderElementsOf(expected.values());
        for (Refund refund : refunds) {
            assertThat(map.get(refund.refundId())).isEqualTo(expected.get(refund.refundId()));
        }
        for (String id : lookups) {
            assertThat(map.get(id)).isEqualTo(expected.get(id));
        }
    }

    @Property(tries = 20)
    void keepsManyConsecutiveIdsApart(@ForAll("counts") int count) {
        IdMap<Refund> map = byRefundId();
        long first = 51234000000000L;
        for (int i = 0; i < count; i++) {
            map.merge(refund(Long.toString(first + i), i), IdMapTest::larger);
        }

        assertThat(map.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(map.get(first + i).refundFen()).isEqualTo(i);
        }
        assertThat(map.get(first + count)).isNull();
    }

    private static Refund refund(String id, long fen) {
        return new Refund(id, "3553498017448002771", fen, RefundStatus.SUCCESS, 1, 2, false);
    }

    @Provide
    Arbitrary<List<Refund>> refunds() {
        return Combinators.combine(refundIds(), Arbitraries.longs().between(0, 1000))
                .as(IdMapTest::refund)
                .list().ofMaxSize(200);
    }

    /** Few distinct ids, so that many repeat: numbers and other text. */
    @Provide
    Arbitrary<String> refundIds() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 60).map(n -> Long.toString(n)),
                Arbitraries.of("R1", "R2", "007", "99999999999999999999"));
    }

    @Provide
    Arbitrary<List<String>> refundIdLists() {
        return refundIds().list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(1, 5000);
    }
}
