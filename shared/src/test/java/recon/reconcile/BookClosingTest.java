package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.testdata.Lines.commission;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.time;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.Resolution;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.testdata.Ledger;
import recon.testdata.Stores;

/** Ids and statuses: the data, a person's latest word, the autoResolve rules, in that order of say. */
class BookClosingTest {
    private static final String ORDER = "3553498017448001";

    /** A store whose order was settled 2 fen short: one AMOUNT_MISMATCH, OPEN (the ledger and refunds cover its days). */
    private static Stores.Builder shortByTwoFen() {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement(ORDER).amount("199.98").at("2026-11-05 12:00:00"),
                commission(ORDER).amount("4.00").at("2026-11-05 12:00:01"));
        return aStore().orders(anOrder(ORDER).paid("200.00").at("2026-11-01 10:00:00").build()).lines(ledger.lines())
                .covering("2026-11-01", "2026-11-30").ordersCovering("2026-10-01", "2026-11-30")
                .refundsCovering("2026-10-01", "2026-11-30");
    }

    private static List<Anomaly> close(Stores.Builder store, StoreConfig config) {
        return new Reconciler(config).closeBooks("t1", "s1", store.build()).anomalies();
    }

    private static Anomaly mismatch(List<Anomaly> anomalies) {
        return anomalies.stream().filter(a -> a.type() == AnomalyType.AMOUNT_MISMATCH).findFirst().orElseThrow();
    }

    private static Resolution word(String id, Resolution.Action action, String note, String at) {
        return new Resolution(id, action, note, "王会计", at == null ? Times.NONE : time(at), "", "处理结果.csv",
                "0123456789abcdef", 2);
    }

    @Test
    void theIdIsSixteenHexDigitsOfTenantStoreTypeAndTheAnomalysOwnKey() {
        Anomaly found = mismatch(close(shortByTwoFen(), StoreConfig.DEFAULT));

        assertThat(found.id()).matches("[0-9a-f]{16}").isEqualTo(AnomalyIds.of("t1", "s1", found));
        assertThat(AnomalyIds.of("t1", "s2", found)).isNotEqualTo(found.id());
        // another settlement line of the order, or a later day, is still the same anomaly
        Anomaly moved = new Anomaly(found.type(), found.severity(), found.day().plusDays(3), found.orderId(), "L9999",
                found.expectedFen(), found.actualFen() + 1, found.message());
        assertThat(AnomalyIds.of("t1", "s1", moved)).isEqualTo(found.id());
        assertThat(found.status()).isEqualTo(AnomalyStatus.OPEN);
        assertThat(found.resolution()).isNull();
    }

    @Test
    void aPersonsLatestWordSetsTheStatusWhateverOrderTheWordsCameIn() {
        String id = mismatch(close(shortByTwoFen(), StoreConfig.DEFAULT)).id();
        Resolution disputed = word(id, Resolution.Action.DISPUTED, "已申诉", "2026-11-10 09:00:00");
        Resolution resolved = word(id, Resolution.Action.RESOLVED, "平台已补款", "2026-11-20 10:02:00");

        for (List<Resolution> words : List.of(List.of(disputed, resolved), List.of(resolved, disputed))) {
            Anomaly closed = mismatch(close(shortByTwoFen().resolutions(words.toArray(Resolution[]::new)), StoreConfig.DEFAULT));

            assertThat(closed.status()).isEqualTo(AnomalyStatus.RESOLVED);
            assertThat(closed.resolution()).isEqualTo(resolved);
        }
    }

    @Test
    void wordsOfTheSameTimeAreDecidedByTheirContentNeverByArrival() {
        String id = mismatch(close(shortByTwoFen(), StoreConfig.DEFAULT)).id();
        Resolution forced = word(id, Resolution.Action.FORCED, "差额不追", null);
        Resolution disputed = word(id, Resolution.Action.DISPUTED, "已申诉", null);

        AnomalyStatus one = mismatch(close(shortByTwoFen().resolutions(forced, disputed), StoreConfig.DEFAULT)).status();
        AnomalyStatus other = mismatch(close(shortByTwoFen().resolutions(disputed, forced), StoreConfig.DEFAULT)).status();

        assertThat(one).isEqualTo(other).isEqualTo(AnomalyStatus.DISPUTED);
    }

    @Test
    void reopeningGivesTheAnomalyBackToTheDataAndKeepsTheWord() {
        String id = mismatch(close(shortByTwoFen(), StoreConfig.DEFAULT)).id();
        Resolution resolved = word(id, Resolution.Action.RESOLVED, "平台已补款", "2026-11-20 10:00:00");
        Resolution reopened = word(id, Resolution.Action.REOPENED, "平台并未补款", "2026-11-25 10:00:00");

        Anomaly closed = mismatch(close(shortByTwoFen().resolutions(resolved, reopened), StoreConfig.DEFAULT));

        assertThat(closed.status()).isEqualTo(AnomalyStatus.OPEN);
        assertThat(closed.resolution()).isEqualTo(reopened);
    }

    @Test
    void anAutoResolveRuleResolvesSmallDifferencesOfItsTypeOnly() {
        var rules = StoreConfig.DEFAULT.autoResolve();
        StoreConfig tolerant = new StoreConfig(StoreConfig.DEFAULT.commissionDefault(), StoreConfig.DEFAULT.commissionByCategory(),
                1, 3, 20, StoreConfig.DEFAULT.refundRateHigh(), StoreConfig.DEFAULT.feeRatioFactor(),
                List.of(new StoreConfig.AutoResolve(AnomalyType.FEE_MISMATCH, 1_000, "不相干"),
                        new StoreConfig.AutoResolve(AnomalyType.AMOUNT_MISMATCH, 2, "合理误差")), Set.of(), 15, Map.of());
        StoreConfig strict = new StoreConfig(StoreConfig.DEFAULT.commissionDefault(), StoreConfig.DEFAULT.commissionByCategory(),
                1, 3, 20, StoreConfig.DEFAULT.refundRateHigh(), StoreConfig.DEFAULT.feeRatioFactor(),
                List.of(new StoreConfig.AutoResolve(AnomalyType.AMOUNT_MISMATCH, 1, "合理误差")), Set.of(), 15, Map.of());

        Anomaly byRule = mismatch(close(shortByTwoFen(), tolerant));
        Anomaly tooBig = mismatch(close(shortByTwoFen(), strict));

        assertThat(rules).isEmpty();
        assertThat(byRule.status()).isEqualTo(AnomalyStatus.RESOLVED);
        assertThat(byRule.resolution().by()).isEqualTo("rule:1");
        assertThat(byRule.resolution().note()).isEqualTo("合理误差");
        assertThat(tooBig.status()).isEqualTo(AnomalyStatus.OPEN);
    }

    @Test
    void aPersonsWordOutranksARuleAndResolvingChangesNoFigure() {
        StoreConfig tolerant = new StoreConfig(StoreConfig.DEFAULT.commissionDefault(), StoreConfig.DEFAULT.commissionByCategory(),
                1, 3, 20, StoreConfig.DEFAULT.refundRateHigh(), StoreConfig.DEFAULT.feeRatioFactor(),
                List.of(new StoreConfig.AutoResolve(AnomalyType.AMOUNT_MISMATCH, 2, "合理误差")), Set.of(), 15, Map.of());
        String id = mismatch(close(shortByTwoFen(), StoreConfig.DEFAULT)).id();
        Resolution disputed = word(id, Resolution.Action.DISPUTED, "已申诉", "2026-11-10 09:00:00");

        Reconciliation before = new Reconciler(tolerant).closeBooks("t1", "s1", shortByTwoFen().build());
        Reconciliation after = new Reconciler(tolerant).closeBooks("t1", "s1", shortByTwoFen().resolutions(disputed).build());

        assertThat(mismatch(after.anomalies()).status()).isEqualTo(AnomalyStatus.DISPUTED);
        assertThat(after.days()).isEqualTo(before.days());
    }
}
