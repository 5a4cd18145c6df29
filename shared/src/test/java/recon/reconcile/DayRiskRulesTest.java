package recon.reconcile;

import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyType.FEE_RATIO_HIGH;
import static recon.domain.AnomalyType.REFUND_RATE_HIGH;
import static recon.domain.Severity.MEDIUM;
import static recon.reconcile.Found.assertFound;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Lines.commission;
import static recon.testdata.Lines.line;
import static recon.testdata.Lines.refund;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.LineClass;
import recon.domain.StoreConfig;
import recon.testdata.Ledger;

class DayRiskRulesTest {
    private static Reconciliation dayWithRefunds(String refundYuan) {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00"),
                commission("A1").amount("2.00").at("2026-11-05 10:00:01"),
                refund("B2").amount(refundYuan).at("2026-11-05 15:00:00"));
        return reconcile(aStore().orders(anOrder("A1").build()).lines(ledger.lines()));
    }

    @Test
    void raisesRefundRateHighAboveThirtyPercentOfTheDaysSettlements() {
        assertFound(dayWithRefunds("30.01"), REFUND_RATE_HIGH).containsExactly(tuple(MEDIUM, day("2026-11-05"), null, null, 3000L, 3001L));
    }

    @Test
    void acceptsRefundsOfExactlyThirtyPercent() {
        assertFound(dayWithRefunds("30.00"), REFUND_RATE_HIGH).isEmpty();
    }

    private static Reconciliation dayWithPaymentFee(String feeYuan) {
        // contract 2 % × factor 1.5 on 100.00 settled: fees up to 3.00
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00"),
                commission("A1").amount("2.00").at("2026-11-05 10:00:01"),
                line(LineClass.PAYMENT_FEE, "A1").amount(feeYuan).at("2026-11-05 10:00:02"));
        return reconcile(aStore().orders(anOrder("A1").build()).lines(ledger.lines()));
    }

    @Test
    void raisesFeeRatioHighWhenFeesExceedTheContractRateTimesTheFactor() {
        assertFound(dayWithPaymentFee("1.01"), FEE_RATIO_HIGH).containsExactly(tuple(MEDIUM, day("2026-11-05"), null, null, 300L, 301L));
    }

    @Test
    void acceptsFeesUpToTheContractRateTimesTheFactor() {
        assertFound(dayWithPaymentFee("1.00"), FEE_RATIO_HIGH).isEmpty();
    }

    private static Reconciliation weightedDay(String commissionYuan) {
        // 数码 5 % and 女装 at the default 2 % on 100.00 each: contract rate 3.5 %; the unknown order's 100.00 counts in
        // the settlements only: 300.00 × 3.5 % × 1.5 = 15.75
        var config = new StoreConfig(new BigDecimal("0.02"), Map.of("数码", new BigDecimal("0.05")), 1, 3, 20,
                new BigDecimal("0.30"), new BigDecimal("1.5"));
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00"),
                settlement("B2").amount("100.00").at("2026-11-05 11:00:00"),
                settlement("C3").amount("100.00").at("2026-11-05 12:00:00"),
                commission(null).amount(commissionYuan).at("2026-11-05 13:00:00"));
        var store = aStore().orders(anOrder("A1").category("数码").build(), anOrder("B2").category("女装").build())
                .lines(ledger.lines());
        return new Reconciler(config).reconcile(store.build());
    }

    @Test
    void weighsTheContractRateByTheSettlementsOfKnownOrders() {
        assertFound(weightedDay("15.75"), FEE_RATIO_HIGH).isEmpty();
        assertFound(weightedDay("15.76"), FEE_RATIO_HIGH).containsExactly(tuple(MEDIUM, day("2026-11-05"), null, null, 1575L, 1576L));
    }

    @Test
    void usesTheDefaultRateWhenNoSettlementOfTheDayHasAKnownOrder() {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("Z9").amount("100.00").at("2026-11-05 10:00:00"),
                commission("Z9").amount("3.01").at("2026-11-05 10:00:01"));

        assertFound(reconcile(aStore().lines(ledger.lines())), FEE_RATIO_HIGH)
                .containsExactly(tuple(MEDIUM, day("2026-11-05"), null, null, 300L, 301L));
    }
}
