package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.StoreConfig;
import recon.testdata.Stores;

/** Reconciles a store and asserts on the anomalies of one type. */
final class Found {
    private Found() {}

    static Reconciliation reconcile(Stores.Builder store) {
        return new Reconciler(StoreConfig.DEFAULT).reconcile(store.build());
    }

    /**
     * The anomalies of that type as (status, what they wait for), e.g.
     * {@code assertStatus(result, UNMATCHED_SETTLEMENT).containsExactly(tuple(PENDING, new Waiting(TMALL_ORDERS, …)))}.
     */
    static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertStatus(Reconciliation result, AnomalyType type) {
        return assertThat(result.anomalies())
                .filteredOn(anomaly -> anomaly.type() == type)
                .extracting(Anomaly::status, Anomaly::waitingFor);
    }

    /**
     * The anomalies of that type as (severity, day, orderId, lineId, expectedFen, actualFen),
     * e.g. {@code assertFound(result, MISSING_SETTLEMENT).containsExactly(tuple(HIGH, day("2026-11-21"), "o1", null, 19900L, 0L))}.
     */
    static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertFound(Reconciliation result, AnomalyType type) {
        return assertThat(result.anomalies())
                .filteredOn(anomaly -> anomaly.type() == type)
                .extracting(Anomaly::severity, Anomaly::day, Anomaly::orderId, Anomaly::lineId,
                        Anomaly::expectedFen, Anomaly::actualFen);
    }
}
