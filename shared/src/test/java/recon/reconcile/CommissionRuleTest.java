package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyType.FEE_MISMATCH;
import static recon.domain.Severity.HIGH;
import static recon.domain.Severity.MEDIUM;
import static recon.reconcile.Found.assertFound;
import static recon.reconcile.Found.assertStatus;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Lines.commission;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.FileKind;
import recon.domain.OrderStatus;
import recon.domain.StoreConfig;
import recon.domain.Waiting;
import recon.testdata.Ledger;

/** Default contract rate 2 %: a 199.00 settlement owes 3.98, give or take max(0.01, 2 % of 3.98 = 0.08). */
class CommissionRuleTest {
    /** 2 % by default, 5 % for 数码. */
    private static final StoreConfig DIGITAL_AT_FIVE_PERCENT = new StoreConfig(new BigDecimal("0.02"),
            Map.of("数码", new BigDecimal("0.05")), 1, 3, 20, new BigDecimal("0.30"), new BigDecimal("1.5"));

    private static final String ORDER = "3553498017448001";

    private static Reconciliation settledWithCommission(String commissionYuan) {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement(ORDER).amount("199.00").at("2026-11-05 12:00:00"),
                commission(ORDER).amount(commissionYuan).at("2026-11-06 00:00:05"));
        return reconcile(aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines()));
    }

    @Test
    void raisesHighFeeMismatchWhenOvercharged() {
        assertFound(settledWithCommission("5.00"), FEE_MISMATCH)
                .containsExactly(tuple(HIGH, day("2026-11-06"), ORDER, "L0002", 398L, 500L));
    }

    @Test
    void raisesMediumFeeMismatchWhenUndercharged() {
        assertFound(settledWithCommission("2.00"), FEE_MISMATCH)
                .containsExactly(tuple(MEDIUM, day("2026-11-06"), ORDER, "L0002", 398L, 200L));
    }

    @Test
    void acceptsCommissionWithinTwoPercentOfTheExpectedFee() {
        assertFound(settledWithCommission("4.06"), FEE_MISMATCH).isEmpty();
        assertFound(settledWithCommission("3.90"), FEE_MISMATCH).isEmpty();
    }

    @Test
    void raisesFeeMismatchJustBeyondTwoPercent() {
        assertFound(settledWithCommission("4.07"), FEE_MISMATCH)
                .containsExactly(tuple(HIGH, day("2026-11-06"), ORDER, "L0002", 398L, 407L));
    }

    @Test
    void usesTheRateOfTheOrdersCategory() {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("200.00").at("2026-11-05 12:00:00"),
                commission("A1").amount("10.00").at("2026-11-05 12:00:01"),
                settlement("B2").amount("200.00").at("2026-11-05 13:00:00"),
                commission("B2").amount("10.00").at("2026-11-05 13:00:01"));
        var store = aStore()
                .orders(anOrder("A1").paid("200.00").category("数码").build(),
                        anOrder("B2").paid("200.00").category("女装").build())
                .lines(ledger.lines());

        assertFound(new Reconciler(DIGITAL_AT_FIVE_PERCENT).reconcile(store.build()), FEE_MISMATCH)
                .containsExactly(tuple(HIGH, day("2026-11-05"), "B2", "L0004", 400L, 1000L));
    }

    @Test
    void anOrderWithoutCategoryIsWrongOnlyWhereNoRateOfTheContractExplainsItsFee() {
        // given a contract of 2 % by default and 5 % for 数码, and orders whose report gives no 类目
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("200.00").at("2026-11-05 12:00:00"),
                commission("A1").amount("10.00").at("2026-11-05 12:00:01"),
                settlement("B2").amount("200.00").at("2026-11-05 13:00:00"),
                commission("B2").amount("14.00").at("2026-11-05 13:00:01"),
                settlement("C3").amount("200.00").at("2026-11-05 14:00:00"),
                commission("C3").amount("2.00").at("2026-11-05 14:00:01"));
        var store = aStore()
                .orders(anOrder("A1").paid("200.00").build(), anOrder("B2").paid("200.00").build(),
                        anOrder("C3").paid("200.00").build())
                .lines(ledger.lines());

        Reconciliation result = new Reconciler(DIGITAL_AT_FIVE_PERCENT).reconcile(store.build());

        // then 5 % is a rate of the contract; 7 % is above every one, 1 % below every one: each against the nearest
        assertFound(result, FEE_MISMATCH).containsExactly(
                tuple(HIGH, day("2026-11-05"), "B2", "L0004", 1000L, 1400L),
                tuple(MEDIUM, day("2026-11-05"), "C3", "L0006", 400L, 200L));
        assertThat(result.anomalies()).extracting(Anomaly::type).as("the day's fee ratio counts them at 5 %")
                .doesNotContain(AnomalyType.FEE_RATIO_HIGH);
    }

    @Test
    void aKeyGivesItsRateToTheCategoriesUnderItAndTheMostSpecificKeyWins() {
        var config = new StoreConfig(new BigDecimal("0.02"),
                Map.of("女装", new BigDecimal("0.05"), "女装/女士精品/连衣裙", new BigDecimal("0.08")), 1, 3, 20,
                new BigDecimal("0.30"), new BigDecimal("1.5"));
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("200.00").at("2026-11-05 12:00:00"),
                commission("A1").amount("10.00").at("2026-11-05 12:00:01"),
                settlement("B2").amount("200.00").at("2026-11-05 13:00:00"),
                commission("B2").amount("16.00").at("2026-11-05 13:00:01"),
                settlement("C3").amount("200.00").at("2026-11-05 14:00:00"),
                commission("C3").amount("10.00").at("2026-11-05 14:00:01"));
        var store = aStore()
                .orders(anOrder("A1").paid("200.00").category("女装/女士精品").build(),
                        anOrder("B2").paid("200.00").category("女装/女士精品/连衣裙").build(),
                        anOrder("C3").paid("200.00").category("女装饰品").build())
                .lines(ledger.lines());

        // 女装/女士精品 at 5 % and 连衣裙 at 8 % are right; 女装饰品 is no 女装: the default 2 % is 4.00
        assertFound(new Reconciler(config).reconcile(store.build()), FEE_MISMATCH)
                .containsExactly(tuple(HIGH, day("2026-11-05"), "C3", "L0006", 400L, 1000L));
    }

    @Test
    void raisesFeeMismatchWithoutCommissionLineOnceSettlementDayAndNextAreCovered() {
        var ledger = Ledger.openingAt("1000.00").add(settlement(ORDER).amount("199.00").at("2026-11-05 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines())
                .covering("2026-11-05", "2026-11-06");

        assertFound(reconcile(store), FEE_MISMATCH).containsExactly(tuple(MEDIUM, day("2026-11-05"), ORDER, null, 398L, 0L));
    }

    @Test
    void waitsForTheCommissionWhileTheDayAfterSettlementIsNotCovered() {
        var ledger = Ledger.openingAt("1000.00").add(settlement(ORDER).amount("199.00").at("2026-11-05 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines())
                .covering("2026-11-01", "2026-11-05");

        Reconciliation result = reconcile(store);

        assertFound(result, FEE_MISMATCH).containsExactly(tuple(MEDIUM, day("2026-11-05"), ORDER, null, 398L, 0L));
        assertStatus(result, FEE_MISMATCH).containsExactly(
                tuple(AnomalyStatus.PENDING, new Waiting(FileKind.ALIPAY_LEDGER, day("2026-11-06"), day("2026-11-06"))));
    }

    @Test
    void chargesNoCommissionOnADuplicateCredit() {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement(ORDER).amount("199.00").at("2026-11-05 12:00:00"),
                commission(ORDER).amount("3.98").at("2026-11-05 12:00:01"),
                settlement(ORDER).amount("199.00").at("2026-11-06 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines());

        assertFound(reconcile(store), FEE_MISMATCH).isEmpty();
    }

    @Test
    void checksCommissionOnlyOfOrdersThatSucceeded() {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("100.00").at("2026-11-05 12:00:00"),
                commission("A1").amount("9.00").at("2026-11-05 12:00:01"),
                settlement("B2").amount("100.00").at("2026-11-05 13:00:00"),
                commission("B2").amount("9.00").at("2026-11-05 13:00:01"),
                settlement("C3").amount("100.00").at("2026-11-05 14:00:00"),
                commission("C3").amount("9.00").at("2026-11-05 14:00:01"));
        // A1's report is older than the ledger: a newer one could say 交易关闭, which has no commission to check
        var store = aStore()
                .orders(anOrder("A1").status(OrderStatus.SHIPPED).build(),
                        anOrder("B2").status(OrderStatus.CLOSED).build(),
                        anOrder("C3").status(OrderStatus.SUCCESS).build())
                .lines(ledger.lines());

        assertFound(reconcile(store), FEE_MISMATCH).containsExactly(tuple(HIGH, day("2026-11-05"), "C3", "L0006", 200L, 900L));
    }
}
