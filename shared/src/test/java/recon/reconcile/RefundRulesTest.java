package recon.reconcile;

import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyType.REFUND_AMOUNT_MISMATCH;
import static recon.domain.AnomalyType.REFUND_NOT_DEDUCTED;
import static recon.domain.AnomalyType.UNEXPLAINED_REFUND;
import static recon.domain.Severity.HIGH;
import static recon.domain.Severity.MEDIUM;
import static recon.reconcile.Found.assertFound;
import static recon.reconcile.Found.assertStatus;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Lines.refund;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Refunds.aRefund;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import recon.domain.AnomalyStatus;
import recon.domain.FileKind;
import recon.domain.OrderStatus;
import recon.domain.RefundStatus;
import recon.domain.Waiting;
import recon.testdata.Ledger;
import recon.testdata.Lines;

class RefundRulesTest {
    private static final String ORDER = "3553498017448001";

    /** A 199.00 order settled on 2026-11-05 12:00:00 as line L0001, then the given lines. */
    private static Ledger settledOrder(Lines.Builder... laterLines) {
        return Ledger.openingAt("1000.00")
                .add(settlement(ORDER).amount("199.00").at("2026-11-05 12:00:00"))
                .add(laterLines);
    }

    @Test
    void raisesRefundNotDeductedWhenLedgerCoversRefundDayAndNextWithoutDebit() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(settledOrder().lines())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-07 10:00:00").build())
                .covering("2026-11-01", "2026-11-08");

        assertFound(reconcile(store), REFUND_NOT_DEDUCTED).containsExactly(tuple(MEDIUM, day("2026-11-07"), ORDER, null, 2000L, 0L));
    }

    @Test
    void doesNotRaiseRefundNotDeductedWhileTheDayAfterIsNotCovered() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(settledOrder().lines())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-07 10:00:00").build())
                .covering("2026-11-01", "2026-11-07");

        assertFound(reconcile(store), REFUND_NOT_DEDUCTED).isEmpty();
    }

    @Test
    void refundBeforeSettlementIsNeverExpectedAsADebit() {
        var ledger = Ledger.openingAt("1000.00").add(settlement(ORDER).amount("179.00").at("2026-11-05 12:00:00"));
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(ledger.lines())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-04 10:00:00").build())
                .covering("2026-11-01", "2026-11-30");

        assertFound(reconcile(store), REFUND_NOT_DEDUCTED).isEmpty();
    }

    @Test
    void refundDeclaredAfterSaleIsExpectedAsADebitEvenBeforeAnySettlement() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").status(OrderStatus.SHIPPED).build())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-07 10:00:00").afterSale().build())
                .covering("2026-11-01", "2026-11-30");

        assertFound(reconcile(store), REFUND_NOT_DEDUCTED).containsExactly(tuple(MEDIUM, day("2026-11-07"), ORDER, null, 2000L, 0L));
    }

    @Test
    void refundDebitedForItsAmountRaisesNothing() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(settledOrder(refund(ORDER).amount("19.99").at("2026-11-08 09:00:00")).lines())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-07 10:00:00").build())
                .covering("2026-11-01", "2026-11-30");

        Reconciliation result = reconcile(store);

        assertFound(result, REFUND_NOT_DEDUCTED).isEmpty();
        assertFound(result, REFUND_AMOUNT_MISMATCH).isEmpty();
        assertFound(result, UNEXPLAINED_REFUND).isEmpty();
    }

    @Test
    void raisesRefundAmountMismatchOnTheDebitLine() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(settledOrder(refund(ORDER).amount("18.00").at("2026-11-08 09:00:00")).lines())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-07 10:00:00").build())
                .covering("2026-11-01", "2026-11-30");

        Reconciliation result = reconcile(store);

        assertFound(result, REFUND_AMOUNT_MISMATCH).containsExactly(tuple(HIGH, day("2026-11-08"), ORDER, "L0002", 2000L, 1800L));
        assertFound(result, REFUND_NOT_DEDUCTED).isEmpty();
        assertFound(result, UNEXPLAINED_REFUND).isEmpty();
    }

    @Test
    void pairsEqualAmountsBeforePairingTheRestInOrder() {
        // R1 20.00 then R2 30.00; debits 30.00 then 25.00: R2 takes the 30.00, R1 is compared with the 25.00
        var ledger = settledOrder(
                refund(ORDER).amount("30.00").at("2026-11-07 11:00:00"),
                refund(ORDER).amount("25.00").at("2026-11-08 11:00:00"));
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(ledger.lines())
                .refunds(aRefund(ORDER).id("R1").amount("20.00").completedAt("2026-11-06 10:00:00").build(),
                        aRefund(ORDER).id("R2").amount("30.00").completedAt("2026-11-07 10:00:00").build())
                .covering("2026-11-01", "2026-11-30");

        assertFound(reconcile(store), REFUND_AMOUNT_MISMATCH).containsExactly(tuple(HIGH, day("2026-11-08"), ORDER, "L0003", 2000L, 2500L));
    }

    @Test
    void raisesUnexplainedRefundForDebitWithoutSuccessfulRefund() {
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(settledOrder(refund(ORDER).amount("20.00").at("2026-11-08 09:00:00")).lines())
                .refunds(aRefund(ORDER).amount("20.00").status(RefundStatus.CLOSED).completedAt("2026-11-07 10:00:00").build());

        assertFound(reconcile(store), UNEXPLAINED_REFUND).containsExactly(tuple(HIGH, day("2026-11-08"), ORDER, "L0002", 0L, 2000L));
    }

    @Test
    void raisesUnexplainedRefundForDebitWithoutOrderId() {
        var ledger = Ledger.openingAt("1000.00").add(refund(null).amount("5.00").at("2026-11-08 09:00:00"));

        assertFound(reconcile(aStore().lines(ledger.lines())), UNEXPLAINED_REFUND)
                .containsExactly(tuple(HIGH, day("2026-11-08"), null, "L0001", 0L, 500L));
    }

    @Test
    void debitBeyondTheRefundsIsUnexplained() {
        var ledger = settledOrder(
                refund(ORDER).amount("20.00").at("2026-11-07 11:00:00"),
                refund(ORDER).amount("20.00").at("2026-11-08 11:00:00"));
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(ledger.lines())
                .refunds(aRefund(ORDER).amount("20.00").completedAt("2026-11-07 10:00:00").build());

        assertFound(reconcile(store), UNEXPLAINED_REFUND).containsExactly(tuple(HIGH, day("2026-11-08"), ORDER, "L0003", 0L, 2000L));
    }

    @Test
    void aDebitOfARefundStillInProgressWhenTheReportWasMadeWaitsForANewerRefundReport() {
        // the morning's refund report says 处理中 for the refund applied on the 6th; the ledger debits it on the 8th
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(settledOrder(refund(ORDER).amount("20.00").at("2026-11-08 09:00:00")).lines())
                .refunds(aRefund(ORDER).id("R1").amount("20.00").status(RefundStatus.PENDING)
                        .appliedAt("2026-11-06 10:00:00").notCompleted().build())
                .refundsCovering("2026-11-01", "2026-11-08");

        assertStatus(reconcile(store), UNEXPLAINED_REFUND).containsExactly(tuple(AnomalyStatus.PENDING,
                new Waiting(FileKind.TMALL_REFUNDS, LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 8))));
    }

    @Test
    void aNewerRefundReportSettlesIt() {
        var ledger = settledOrder(refund(ORDER).amount("20.00").at("2026-11-08 09:00:00"));
        var inProgress = aRefund(ORDER).id("R1").amount("20.00").status(RefundStatus.PENDING)
                .appliedAt("2026-11-06 10:00:00").notCompleted().build();

        // 退款成功: the debit is that refund
        var succeeded = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines())
                .refunds(inProgress, aRefund(ORDER).id("R1").amount("20.00").appliedAt("2026-11-06 10:00:00")
                        .completedAt("2026-11-08 08:00:00").build())
                .refundsCovering("2026-11-01", "2026-11-08");
        assertFound(reconcile(succeeded), UNEXPLAINED_REFUND).isEmpty();

        // 退款关闭: nothing explains the debit any more
        var closed = aStore().orders(anOrder(ORDER).paid("199.00").build()).lines(ledger.lines())
                .refunds(inProgress, aRefund(ORDER).id("R1").amount("20.00").status(RefundStatus.CLOSED)
                        .appliedAt("2026-11-06 10:00:00").completedAt("2026-11-07 08:00:00").build())
                .refundsCovering("2026-11-01", "2026-11-08");
        assertStatus(reconcile(closed), UNEXPLAINED_REFUND).containsExactly(tuple(AnomalyStatus.OPEN, null));
    }

    @Test
    void aRefundInProgressExplainsOnlyOneDebitOfItsAmountMadeAfterItWasAppliedFor() {
        var ledger = settledOrder(
                refund(ORDER).amount("20.00").at("2026-11-06 09:00:00"),
                refund(ORDER).amount("20.00").at("2026-11-08 09:00:00"),
                refund(ORDER).amount("20.00").at("2026-11-09 09:00:00"));
        var store = aStore()
                .orders(anOrder(ORDER).paid("199.00").build())
                .lines(ledger.lines())
                .refunds(aRefund(ORDER).id("R1").amount("20.00").status(RefundStatus.PENDING)
                        .appliedAt("2026-11-07 10:00:00").notCompleted().build())
                .refundsCovering("2026-11-01", "2026-11-09");

        // the debit before the application and the second one after it are unexplained, the first after it waits
        assertStatus(reconcile(store), UNEXPLAINED_REFUND).containsExactlyInAnyOrder(
                tuple(AnomalyStatus.OPEN, null),
                tuple(AnomalyStatus.PENDING, new Waiting(FileKind.TMALL_REFUNDS, LocalDate.of(2026, 11, 7), LocalDate.of(2026, 11, 8))),
                tuple(AnomalyStatus.OPEN, null));
    }
}
