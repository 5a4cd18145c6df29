package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyStatus.OPEN;
import static recon.domain.AnomalyStatus.PENDING;
import static recon.domain.AnomalyType.INVOICE_AMOUNT_MISMATCH;
import static recon.domain.AnomalyType.INVOICE_DUPLICATE;
import static recon.domain.AnomalyType.INVOICE_MISSING;
import static recon.domain.AnomalyType.INVOICE_WITHOUT_ORDER;
import static recon.domain.Severity.LOW;
import static recon.domain.Severity.MEDIUM;
import static recon.reconcile.Found.assertStatus;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Invoices.anInvoice;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Refunds.aRefund;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.OrderStatus;
import recon.domain.StoreConfig;
import recon.domain.Waiting;
import recon.testdata.Orders;
import recon.testdata.Stores;

/** Every invoice asked for, issued once, for what the order came to: the invoice register against the orders and refunds. */
class InvoiceRulesTest {
    private static final String ORDER = "3553498017448001";
    private static final String BLUE = "26442000000000000001";
    private static final String SECOND = "26442000000000000002";
    private static final String RED = "26442000000000000003";

    /** Paid 199.00 on 11-02, confirmed 11-05: invoicing is due by 11-20 (15 days). */
    private static Orders.Builder askingOrder() {
        return anOrder(ORDER).paid("199.00").at("2026-11-02 10:00:00").confirmedAt("2026-11-05 12:00:00").invoiceRequested();
    }

    /** The order and the refund reports and the register cover November. */
    private static Stores.Builder november(Invoice... invoices) {
        return aStore().orders(askingOrder().build()).invoices(invoices)
                .ordersCovering("2026-09-01", "2026-11-30").refundsCovering("2026-11-01", "2026-11-30")
                .invoicesCovering("2026-11-01", "2026-11-30");
    }

    private static Invoice blue(String id, String yuan, String day) {
        return anInvoice(id).forOrder(ORDER).amount(yuan).on(day).build();
    }

    /** The anomalies of that type as (severity, day, orderId, invoiceId, expectedFen, actualFen, message). */
    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertInvoice(
            Reconciliation result, AnomalyType type) {
        return assertThat(result.anomalies()).filteredOn(a -> a.type() == type)
                .extracting(Anomaly::severity, Anomaly::day, Anomaly::orderId, Anomaly::invoiceId, Anomaly::expectedFen,
                        Anomaly::actualFen, Anomaly::message);
    }

    private static DayFigures on(Reconciliation result, String isoDay) {
        return result.days().stream().filter(d -> d.day().equals(day(isoDay))).findFirst().orElseThrow();
    }

    @Test
    void anOrderInvoicedForWhatItPaidHasNoAnomalyAndTheDaysCountTheInvoice() {
        Reconciliation result = reconcile(november(blue(BLUE, "199.00", "2026-11-08")));

        assertThat(result.anomalies()).isEmpty();
        assertThat(on(result, "2026-11-08").invoicedAmount()).isEqualTo(19_900);
        assertThat(on(result, "2026-11-08").invoiceCount()).isEqualTo(1);
        assertThat(on(result, "2026-11-02").uninvoicedAmount()).isZero();
    }

    @Test
    void anInvoiceAskedForAndNeverIssuedIsMissingOnItsDeadline() {
        Reconciliation result = reconcile(november());

        assertInvoice(result, INVOICE_MISSING).containsExactly(
                tuple(MEDIUM, day("2026-11-20"), ORDER, null, 19_900L, 0L, "买家要求开票，到期未开具发票"));
        assertStatus(result, INVOICE_MISSING).containsExactly(tuple(OPEN, null));
        assertThat(on(result, "2026-11-02").uninvoicedAmount()).isEqualTo(19_900);
    }

    @Test
    void anOrderWhoseReportGivesAConfirmationBeforeItsPaymentIsMissingItsInvoiceOnItsOwnDay() {
        // an export with its times out of order: confirmed 10-01, paid 11-05; the deadline 10-16 is before the order
        Orders.Builder outOfOrder = anOrder(ORDER).paid("199.00").at("2026-11-05 10:00:00")
                .confirmedAt("2026-10-01 12:00:00").invoiceRequested();
        Stores.Builder november = aStore().orders(outOfOrder.build()).ordersCovering("2026-09-01", "2026-11-30")
                .refundsCovering("2026-11-01", "2026-11-30").invoicesCovering("2026-11-01", "2026-11-30");
        assertInvoice(reconcile(november), INVOICE_MISSING).containsExactly(
                tuple(MEDIUM, day("2026-11-05"), ORDER, null, 19_900L, 0L, "买家要求开票，到期未开具发票"));

        // a register from 11-10 on: its window waits for that of 11-05 (it once stopped the whole reconciliation)
        Stores.Builder later = aStore().orders(outOfOrder.build()).refundsCovering("2026-11-01", "2026-11-30")
                .invoicesCovering("2026-11-10", "2026-11-30");
        assertStatus(reconcile(later), INVOICE_MISSING)
                .containsExactly(tuple(PENDING, new Waiting(FileKind.INVOICES, day("2026-11-05"), day("2026-11-05"))));
    }

    @Test
    void aMissingInvoiceWaitsForTheRegisterOfItsWindowAndIsNoAnomalyBeforeItsDeadline() {
        Stores.Builder hole = aStore().orders(askingOrder().build()).refundsCovering("2026-11-01", "2026-11-30")
                .invoicesCovering("2026-11-01", "2026-11-10").invoicesCovering("2026-11-25", "2026-11-30");
        assertStatus(reconcile(hole), INVOICE_MISSING)
                .containsExactly(tuple(PENDING, new Waiting(FileKind.INVOICES, day("2026-11-11"), day("2026-11-20"))));

        Stores.Builder tooEarly = aStore().orders(askingOrder().build()).refundsCovering("2026-11-01", "2026-11-30")
                .invoicesCovering("2026-11-01", "2026-11-19");
        assertThat(reconcile(tooEarly).anomalies()).as("the deadline is after the last register").isEmpty();

        Stores.Builder noRefundReport = aStore().orders(askingOrder().build()).invoicesCovering("2026-11-01", "2026-11-30");
        assertStatus(reconcile(noRefundReport), INVOICE_MISSING).as("a whole refund would leave nothing to invoice")
                .containsExactly(tuple(PENDING, new Waiting(FileKind.TMALL_REFUNDS, day("2026-11-02"), day("2026-11-20"))));
    }

    @Test
    void onlyOrdersThatAskedAndAreFinalAreJudged() {
        Stores.Builder notAsked = aStore()
                .orders(anOrder(ORDER).paid("199.00").at("2026-11-02 10:00:00").confirmedAt("2026-11-05 12:00:00").build())
                .refundsCovering("2026-11-01", "2026-11-30").invoicesCovering("2026-11-01", "2026-11-30");
        assertThat(reconcile(notAsked).anomalies()).isEmpty();

        Stores.Builder shipped = aStore()
                .orders(askingOrder().status(OrderStatus.SHIPPED).build())
                .refundsCovering("2026-11-01", "2026-11-30").invoicesCovering("2026-11-01", "2026-11-30");
        Reconciliation result = reconcile(shipped);
        assertThat(result.anomalies()).as("a newer report may still close or refund it").isEmpty();
        assertThat(on(result, "2026-11-02").uninvoicedAmount()).isEqualTo(19_900);
    }

    @Test
    void theConfiguredInvoiceDaysSetTheDeadline() {
        StoreConfig fiveDays = new StoreConfig(new BigDecimal("0.02"), Map.of(), 1, 3, 20, new BigDecimal("0.30"),
                new BigDecimal("1.5"), List.of(), Set.of(), 5, Map.of());

        Reconciliation result = new Reconciler(fiveDays).reconcile(november().build());

        assertThat(result.anomalies()).extracting(Anomaly::type, Anomaly::day)
                .containsExactly(tuple(INVOICE_MISSING, day("2026-11-10")));
    }

    @Test
    void aSecondBlueInvoiceOfTheSameAmountIsADuplicateOnTheSecond() {
        Reconciliation result = reconcile(november(blue(BLUE, "199.00", "2026-11-08"), blue(SECOND, "199.00", "2026-11-09")));

        assertInvoice(result, INVOICE_DUPLICATE).containsExactly(
                tuple(MEDIUM, day("2026-11-09"), ORDER, SECOND, 19_900L, 39_800L, "同一订单重复开票，未红冲"));
        assertThat(result.anomalies()).hasSize(1);
    }

    @Test
    void aDuplicateReversedOrVoidedIsNoAnomaly() {
        Invoice reversed = anInvoice(SECOND).forOrder(ORDER).amount("199.00").on("2026-11-09").status(InvoiceStatus.REVERSED).build();
        Invoice red = anInvoice(RED).forOrder(ORDER).amount("-199.00").on("2026-11-10").build();
        assertThat(reconcile(november(blue(BLUE, "199.00", "2026-11-08"), reversed, red)).anomalies()).isEmpty();

        Invoice voided = anInvoice(SECOND).forOrder(ORDER).amount("199.00").on("2026-11-09").status(InvoiceStatus.VOID).build();
        Reconciliation result = reconcile(november(blue(BLUE, "199.00", "2026-11-08"), voided));
        assertThat(result.anomalies()).isEmpty();
        assertThat(result.days()).extracting(DayFigures::day).as("a void invoice counts for nothing, not even a day")
                .doesNotContain(day("2026-11-09"));
    }

    @Test
    void splitInvoicesThatAddUpAreNoDuplicateAndAWrongAmountIsAMismatch() {
        assertThat(reconcile(november(blue(BLUE, "99.00", "2026-11-08"), blue(SECOND, "100.00", "2026-11-08"))).anomalies())
                .isEmpty();
        assertThat(reconcile(november(blue(BLUE, "198.99", "2026-11-08"))).anomalies()).as("within the tolerance").isEmpty();

        Reconciliation result = reconcile(november(blue(BLUE, "189.00", "2026-11-08")));

        assertInvoice(result, INVOICE_AMOUNT_MISMATCH).containsExactly(
                tuple(MEDIUM, day("2026-11-08"), ORDER, BLUE, 19_900L, 18_900L, "开票金额与应开票金额（实付减退款）不符"));
        assertThat(on(result, "2026-11-02").uninvoicedAmount()).isEqualTo(1_000);
    }

    @Test
    void aRefundAfterInvoicingWithoutItsRedInvoiceSaysSo() {
        Stores.Builder store = november(blue(BLUE, "199.00", "2026-11-08"))
                .refunds(aRefund(ORDER).amount("50.00").completedAt("2026-11-10 09:00:00").build());

        Reconciliation result = reconcile(store);

        assertInvoice(result, INVOICE_AMOUNT_MISMATCH).containsExactly(
                tuple(MEDIUM, day("2026-11-10"), ORDER, BLUE, 14_900L, 19_900L, "退款后未红冲：订单已退款，已开发票未相应红冲"));
    }

    @Test
    void aPartialRefundWithItsPartialRedInvoiceIsNoAnomalyWhateverTheOrderOfTheFile() {
        Invoice red = anInvoice(RED).forOrder(ORDER).amount("-50.00").on("2026-11-12").build();
        Stores.Builder redFirst = november(red, blue(BLUE, "199.00", "2026-11-08"))
                .refunds(aRefund(ORDER).amount("50.00").completedAt("2026-11-10 09:00:00").build());

        Reconciliation result = reconcile(redFirst);

        assertThat(result.anomalies()).isEmpty();
        assertThat(on(result, "2026-11-12").invoicedAmount()).isEqualTo(-5_000);
        assertThat(on(result, "2026-11-12").invoiceCount()).isEqualTo(1);
    }

    @Test
    void theRedInvoiceAfterARefundMayTakeTheInvoiceDays() {
        // refunded on 11-20: the 红冲 may come until 12-05, after this register's last day
        Stores.Builder store = november(blue(BLUE, "199.00", "2026-11-08"))
                .refunds(aRefund(ORDER).amount("50.00").completedAt("2026-11-20 09:00:00").build());

        assertThat(reconcile(store).anomalies()).isEmpty();
    }

    @Test
    void aClosedOrderWithAnInvoiceNotReversedIsAMismatchAgainstNothing() {
        Stores.Builder store = aStore()
                .orders(askingOrder().status(OrderStatus.CLOSED).build())
                .invoices(blue(BLUE, "199.00", "2026-11-03"))
                .refundsCovering("2026-11-01", "2026-11-30").invoicesCovering("2026-11-01", "2026-11-30");

        assertInvoice(reconcile(store), INVOICE_AMOUNT_MISMATCH)
                .containsExactly(tuple(MEDIUM, day("2026-11-03"), ORDER, BLUE, 0L, 19_900L, "开票金额与应开票金额（实付减退款）不符"));
    }

    @Test
    void anInvoiceOfAnOrderInNoReportWaitsForTheOrderReportsAndOneNamingNoOrderIsOpenAtOnce() {
        Invoice stranger = anInvoice(BLUE).forOrder("3553498017448999").amount("88.00").on("2026-11-08").build();
        Invoice orderless = anInvoice(SECOND).amount("10.00").on("2026-11-09").build();
        Invoice voided = anInvoice(RED).forOrder("3553498017448998").amount("5.00").on("2026-11-09")
                .status(InvoiceStatus.VOID).build();
        Stores.Builder store = aStore().invoices(stranger, orderless, voided).ordersCovering("2026-11-01", "2026-11-30");

        Reconciliation result = reconcile(store);

        assertInvoice(result, INVOICE_WITHOUT_ORDER).containsExactly(
                tuple(LOW, day("2026-11-08"), "3553498017448999", BLUE, 0L, 8_800L, "发票找不到对应订单（订单报表可能未上传）"),
                tuple(LOW, day("2026-11-09"), null, SECOND, 0L, 1_000L, "发票找不到对应订单（订单报表可能未上传）"));
        assertStatus(result, INVOICE_WITHOUT_ORDER).containsExactly(
                tuple(PENDING, new Waiting(FileKind.TMALL_ORDERS, day("2026-09-24"), day("2026-10-31"))), tuple(OPEN, null));
    }

    @Test
    void aStoreWithoutARegisterGetsNoInvoiceAnomaly() {
        Stores.Builder store = aStore().orders(askingOrder().build()).refundsCovering("2026-11-01", "2026-11-30")
                .covering("2026-11-01", "2026-11-30");

        assertThat(reconcile(store).anomalies()).extracting(Anomaly::type).doesNotContain(INVOICE_MISSING);
    }
}
