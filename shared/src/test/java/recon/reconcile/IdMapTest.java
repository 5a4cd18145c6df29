package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.testing.Gen;
import recon.testing.Property;

class IdMapTest {
    private static IdMap<Refund> byRefundId() {
        return new IdMap<>(Refund::refundNumber, Refund::refundId);
    }

    /** Keeps the larger refund of two with the same id. */
    private static Refund larger(Refund a, Refund b) {
        return a.refundFen() >= b.refundFen() ? a : b;
    }

    @Test
    void holdsWhatAHashMapHolds() {
        Property.tries(300).forAll(refunds(), refundIds().list(0, 20), IdMapTest::holdsWhatAHashMapHolds);
    }

    private static void holdsWhatAHashMapHolds(List<Refund> refunds, List<String> lookups) {
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

    @Test
    void keepsManyConsecutiveIdsApart() {
        Property.tries(20).forAll(Gen.ints(1, 5000), IdMapTest::keepsConsecutiveIdsApart);
    }

    private static void keepsConsecutiveIdsApart(int count) {
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

    private static Gen<List<Refund>> refunds() {
        Gen<Long> fen = Gen.longs(0, 1000);
        Gen<Refund> refunds = c -> refund(refundIds().generate(c), fen.generate(c));
        return refunds.list(0, 200);
    }

    /** Few distinct ids, so that many repeat: numbers and other text. */
    private static Gen<String> refundIds() {
        return Gen.oneOf(
                Gen.longs(0, 60).map(n -> Long.toString(n)),
                Gen.of("R1", "R2", "007", "99999999999999999999"));
    }
}
