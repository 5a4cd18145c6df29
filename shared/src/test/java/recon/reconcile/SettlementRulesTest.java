package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyStatus.OPEN;
import static recon.domain.AnomalyStatus.PENDING;
import static recon.domain.AnomalyType.AMOUNT_MISMATCH;
import static recon.domain.AnomalyType.DUPLICATE_SETTLEMENT;
import static recon.domain.AnomalyType.MISSING_SETTLEMENT;
import static recon.domain.AnomalyType.SETTLEMENT_ON_CLOSED_ORDER;
import static recon.domain.AnomalyType.UNMATCHED_SETTLEMENT;
import static recon.domain.Severity.HIGH;
import static recon.domain.Severity.LOW;
import static recon.domain.Severity.MEDIUM;
import static recon.reconcile.Found.assertFound;
import static recon.reconcile.Found.assertStatus;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Refunds.aRefund;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.FileKind;
import recon.domain.OrderStatus;
import recon.domain.Waiting;
import recon.testdata.Ledger;

class SettlementRulesTest {
    private static final String ORDER = "3553498017448001";

    @Test
    void raisesMissingSettlementOnConfirmationDayWhenLedgerCoversItPlusGrace() {
        // given a 交易成功 order confirmed on 11-05, and a ledger covering 11-05 … 11-08 (3 grace days) without its settlement
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").at("2026-11-02 10:00:00").confirmedAt("2026-11-05 12:00:00").build())
                .covering("2026-11-01", "2026-11-08");

        // when
        Reconciliation result = reconcile(store);

        // then
        assertFound(result, MISSING_SETTLEMENT).containsExactly(tuple(HIGH, day("2026-11-05"), ORDER, null, 19900L, 0L));
        assertThat(result.anomalies()).filteredOn(a -> a.type() == MISSING_SETTLEMENT)
                .extracting(Anomaly::message).containsExactly("订单已交易成功，到期未收到结算款");
    }

    @Test
    void doesNotRaiseMissingSettlementWhileLedgerDoesNotCoverTheLastGraceDay() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").at("2026-11-02 10:00:00").confirmedAt("2026-11-05 12:00:00").build())
                .covering("2026-11-01", "2026-11-07");

        assertFound(reconcile(store), MISSING_SETTLEMENT).isEmpty();
    }

    @Test
    void missingSettlementWaitsForTheLedgerOfAHoleInTheSpan() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").at("2026-11-02 10:00:00").confirmedAt("2026-11-05 12:00:00").build())
                .covering("2026-11-01", "2026-11-05")
                .covering("2026-11-07", "2026-11-30");

        Reconciliation result = reconcile(store);

        assertFound(result, MISSING_SETTLEMENT).containsExactly(tuple(HIGH, day("2026-11-05"), ORDER, null, 19900L, 0L));
        assertStatus(result, MISSING_SETTLEMENT).containsExactly(
                tuple(PENDING, new Waiting(FileKind.ALIPAY_LEDGER, day("2026-11-06"), day("2026-11-06"))));
    }

    @Test
    void anOrderDueAfterEveryLedgerIsAnOpenItemNotAnAnomaly() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").at("2026-11-25 10:00:00").build())
                .covering("2026-11-01", "2026-11-30");

        assertFound(reconcile(store), MISSING_SETTLEMENT).isEmpty();
    }

    @Test
    void aSettlementWithoutItsOrderWaitsForTheOrderReportsOfTheDaysItCouldHaveBeenPaidOn() {
        var ledger = Ledger.openingAt("0.00").add(settlement(ORDER).amount("199.00").at("2026-11-20 12:00:00"));
        var store = aStore().lines(ledger.lines()).covering("2026-11-01", "2026-11-30")
                .ordersCovering("2026-11-01", "2026-11-30");

        assertStatus(reconcile(store), UNMATCHED_SETTLEMENT).containsExactly(
                tuple(PENDING, new Waiting(FileKind.TMALL_ORDERS, day("2026-10-06"), day("2026-10-31"))));
    }

    @Test
    void aSettlementWithoutItsOrderIsOpenOnceTheOrderReportsCoverThoseDays() {
        var ledger = Ledger.openingAt("0.00").add(settlement(ORDER).amount("199.00").at("2026-11-20 12:00:00"));
        var store = aStore().lines(ledger.lines()).covering("2026-11-01", "2026-11-30")
                .ordersCovering("2026-10-06", "2026-11-20");

        assertStatus(reconcile(store), UNMATCHED_SETTLEMENT).containsExactly(tuple(OPEN, null));
    }

    @Test
    void dueDateIsPaymentDayPlusAutoConfirmDaysWhenNotConfirmed() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").at("2026-11-02 23:59:59").build())
                .covering("2026-11-01", "2026-11-30");

        assertFound(reconcile(store), MISSING_SETTLEMENT).containsExactly(tuple(HIGH, day("2026-11-22"), ORDER, null, 19900L, 0L));
    }

    @Test
    void dueDateIsCreationDayPlusAutoConfirmDaysWhenNeverPaid() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").unpaidCreatedAt("2026-11-03 08:00:00").build())
                .covering("2026-11-01", "2026-11-30");

        assertFound(reconcile(store), MISSING_SETTLEMENT).containsExactly(tuple(HIGH, day("2026-11-23"), ORDER, null, 19900L, 0L));
    }

    @Test
    void doesNotRaiseMissingSettlementWhenRefundsBeforeSettlementTookEverything() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").at("2026-11-02 10:00:00").confirmedAt("2026-11-05 12:00:00").build())
                .refunds(aRefund(ORDER).amount("199.00").completedAt("2026-11-04 10:00:00").build())
                .covering("2026-11-01", "2026-11-30");

        assertFound(reconcile(store), MISSING_SETTLEMENT).isEmpty();
    }

    @Test
    void raisesAmountMismatchOnTheLastSettlementLine() {
        var ledger = Ledger.openingAt("0.00").add(
                settlement(ORDER).amount("100.00").at("2026-11-05 12:00:00"),
                settlement(ORDER).amount("89.00").at("2026-11-06 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines());

        Reconciliation result = reconcile(store);

        assertFound(result, AMOUNT_MISMATCH).containsExactly(tuple(HIGH, day("2026-11-06"), ORDER, "L0002", 19900L, 18900L));
        assertFound(result, DUPLICATE_SETTLEMENT).isEmpty();
    }

    @Test
    void acceptsSettlementWithinTolerance() {
        var ledger = Ledger.openingAt("0.00").add(settlement(ORDER).amount("198.99").at("2026-11-05 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines());

        Reconciliation result = reconcile(store);

        assertFound(result, AMOUNT_MISMATCH).isEmpty();
        assertThat(result.days()).filteredOn(d -> d.day().equals(day("2026-11-05")))
                .singleElement().extracting(d -> d.matchedOrders()).isEqualTo(1L);
    }

    @Test
    void acceptsSettlementSplitOverTwoLines() {
        var ledger = Ledger.openingAt("0.00").add(
                settlement(ORDER).amount("100.00").at("2026-11-05 12:00:00"),
                settlement(ORDER).amount("99.00").at("2026-11-05 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines());

        Reconciliation result = reconcile(store);

        assertFound(result, AMOUNT_MISMATCH).isEmpty();
        assertFound(result, DUPLICATE_SETTLEMENT).isEmpty();
    }

    @Test
    void refundBeforeSettlementLowersWhatIsExpected() {
        var ledger = Ledger.openingAt("0.00").add(settlement(ORDER).amount("179.00").at("2026-11-05 12:00:00"));
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-04 10:00:00").build())
                .lines(ledger.lines());

        assertFound(reconcile(store), AMOUNT_MISMATCH).isEmpty();
    }

    @Test
    void refundDeclaredAfterSaleDoesNotLowerWhatIsExpected() {
        var ledger = Ledger.openingAt("0.00").add(settlement(ORDER).amount("179.00").at("2026-11-05 12:00:00"));
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-04 10:00:00").afterSale().build())
                .lines(ledger.lines());

        assertFound(reconcile(store), AMOUNT_MISMATCH).containsExactly(tuple(HIGH, day("2026-11-05"), ORDER, "L0001", 19900L, 17900L));
    }

    @Test
    void refundCompletedAtTheSettlementSecondIsAfterSale() {
        var ledger = Ledger.openingAt("0.00").add(settlement(ORDER).amount("179.00").at("2026-11-05 12:00:00"));
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-05 12:00:00").build())
                .lines(ledger.lines());

        assertFound(reconcile(store), AMOUNT_MISMATCH).containsExactly(tuple(HIGH, day("2026-11-05"), ORDER, "L0001", 19900L, 17900L));
    }

    @Test
    void raisesDuplicateSettlementOnTheRepeatedCredit() {
        var ledger = Ledger.openingAt("0.00").add(
                settlement(ORDER).amount("199.00").at("2026-11-05 12:00:00"),
                settlement(ORDER).amount("199.00").at("2026-11-06 09:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines());

        Reconciliation result = reconcile(store);

        assertFound(result, DUPLICATE_SETTLEMENT).containsExactly(tuple(MEDIUM, day("2026-11-06"), ORDER, "L0002", 19900L, 39800L));
        assertFound(result, AMOUNT_MISMATCH).isEmpty();
        assertThat(result.days()).allSatisfy(d -> assertThat(d.matchedOrders()).isZero());
    }

    @Test
    void excessThatIsNoRepeatedCreditIsAnAmountMismatch() {
        // 100 + 150 = 250 for 199: the excess 51 is no line's amount
        var ledger = Ledger.openingAt("0.00").add(
                settlement(ORDER).amount("100.00").at("2026-11-05 12:00:00"),
                settlement(ORDER).amount("150.00").at("2026-11-06 09:00:00"));
        var store = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines());

        Reconciliation result = reconcile(store);

        assertFound(result, DUPLICATE_SETTLEMENT).isEmpty();
        assertFound(result, AMOUNT_MISMATCH).containsExactly(tuple(HIGH, day("2026-11-06"), ORDER, "L0002", 19900L, 25000L));
    }

    @Test
    void raisesUnmatchedSettlementForUnknownOrderAndForLineWithoutOrder() {
        var ledger = Ledger.openingAt("0.00").add(
                settlement("3553498017448999").amount("50.00").at("2026-11-05 12:00:00"),
                settlement(null).amount("7.00").at("2026-11-06 12:00:00"));

        Reconciliation result = reconcile(aStore().lines(ledger.lines()));

        assertFound(result, UNMATCHED_SETTLEMENT).containsExactly(
                tuple(LOW, day("2026-11-05"), "3553498017448999", "L0001", 0L, 5000L),
                tuple(LOW, day("2026-11-06"), null, "L0002", 0L, 700L));
    }

    @Test
    void raisesSettlementOnClosedOrderForEachLine() {
        var ledger = Ledger.openingAt("0.00").add(
                settlement(ORDER).amount("50.00").at("2026-11-05 12:00:00"),
                settlement(ORDER).amount("50.00").at("2026-11-06 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).status(OrderStatus.CLOSED).build()).lines(ledger.lines());

        Reconciliation result = reconcile(store);

        assertFound(result, SETTLEMENT_ON_CLOSED_ORDER).containsExactly(
                tuple(MEDIUM, day("2026-11-05"), ORDER, "L0001", 0L, 5000L),
                tuple(MEDIUM, day("2026-11-06"), ORDER, "L0002", 0L, 5000L));
        assertFound(result, UNMATCHED_SETTLEMENT).isEmpty();
    }

    @Test
    void settlementOfAnOrderNotFinalInAnOlderReportIsNoAnomaly() {
        var ledger = Ledger.openingAt("0.00").add(settlement(ORDER).amount("80.00").at("2026-11-05 12:00:00"));
        var store = aStore().orders(anOrder(ORDER).status(OrderStatus.SHIPPED).build()).lines(ledger.lines());

        Reconciliation result = reconcile(store);

        for (AnomalyType type : new AnomalyType[] {UNMATCHED_SETTLEMENT, SETTLEMENT_ON_CLOSED_ORDER, AMOUNT_MISMATCH, MISSING_SETTLEMENT}) {
            assertFound(result, type).isEmpty();
        }
    }
}
