package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyStatus.OPEN;
import static recon.domain.AnomalyStatus.PENDING;
import static recon.domain.AnomalyType.AMOUNT_MISMATCH;
import static recon.domain.AnomalyType.DUPLICATE_SETTLEMENT;
import static recon.domain.AnomalyType.FEE_MISMATCH;
import static recon.domain.AnomalyType.MISSING_SETTLEMENT;
import static recon.domain.AnomalyType.REFUND_NOT_DEDUCTED;
import static recon.domain.AnomalyType.REFUND_RATE_HIGH;
import static recon.reconcile.Found.assertStatus;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Lines.commission;
import static recon.testdata.Lines.line;
import static recon.testdata.Lines.refund;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Refunds.aRefund;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.StoreConfig;
import recon.domain.Waiting;
import recon.testdata.Ledger;
import recon.testdata.Stores;

/** Orders paid with WeChat Pay: their money in the WeChat bill of the 聚合结算账户, beside the Alipay account log. */
class ChannelRulesTest {
    private static final String ALIPAY_ORDER = "3553498017448001";
    private static final String WECHAT_ORDER = "3553498017448002";

    private static Order confirmedOn(String orderId, String day) {
        return anOrder(orderId).paid("199.00").at("2026-11-02 10:00:00").confirmedAt(day + " 12:00:00").build();
    }

    /** One order per channel, each settled and charged its 2 % on its own bill. */
    private static Stores.Builder bothChannelsClean() {
        return aStore()
                .orders(confirmedOn(ALIPAY_ORDER, "2026-11-05"), confirmedOn(WECHAT_ORDER, "2026-11-05"))
                .lines(Ledger.openingAt("1000.00")
                        .add(settlement(ALIPAY_ORDER).amount("199.00").at("2026-11-05 13:00:00"),
                                commission(ALIPAY_ORDER).amount("3.98").at("2026-11-05 13:00:01"))
                        .lines())
                .lines(settlement(WECHAT_ORDER).amount("199.00").at("2026-11-05 14:00:00").inWeChat().id("W1").build(),
                        commission(WECHAT_ORDER).amount("3.98").at("2026-11-05 14:00:01").inWeChat().id("W2").build())
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-30");
    }

    @Test
    void aStoreWhoseOrdersSettleInBothChannelsHasNoAnomalyAndItsDayAddsUpBothChannels() {
        Reconciliation result = reconcile(bothChannelsClean());

        assertThat(result.anomalies()).isEmpty();
        DayFigures day = result.days().stream().filter(d -> d.day().equals(day("2026-11-05"))).findFirst().orElseThrow();
        assertThat(day.settledAmount()).isEqualTo(39800);
        assertThat(day.settledByChannel()).isEqualTo(Map.of(Channel.ALIPAY, 19900L, Channel.TAOTIAN_WECHAT, 19900L));
        assertThat(day.matchedOrders()).isEqualTo(2);
        // the balance is the Alipay account's: the WeChat lines, which state none, neither break it nor enter it
        assertThat(day.openingBalance()).isEqualTo(100000);
        assertThat(day.closingBalance()).isEqualTo(100000 + 19900 - 398);
    }

    @Test
    void aWeChatSettlementMissingIsFoundOnceTheWeChatBillCoversItsDays() {
        var store = aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-05"))
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-30");

        assertStatus(reconcile(store), MISSING_SETTLEMENT).containsExactly(tuple(OPEN, null));
    }

    @Test
    void anOrderIsNotCalledUnsettledWhileTheWeChatBillStopsBeforeItsDueDays() {
        // the Alipay log covers the month, the WeChat bill only its first days: the money may be in the next bill
        var store = aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-20"))
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-10");

        assertThat(reconcile(store).anomalies()).isEmpty();
    }

    @Test
    void aHoleInTheWeChatBillKeepsTheMissingSettlementPendingOnThatBill() {
        var store = aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-20"))
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-10")
                .wechatCovering("2026-11-26", "2026-11-30");

        assertStatus(reconcile(store), MISSING_SETTLEMENT).containsExactly(
                tuple(PENDING, new Waiting(FileKind.TAOTIAN_WECHAT, day("2026-11-20"), day("2026-11-23"))));
    }

    @Test
    void theConfiguredChannelsCountEvenBeforeTheirFirstBill() {
        // the store says it takes WeChat Pay: without a WeChat bill yet, nothing unsettled is an alarm
        var store = aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-05"))
                .covering("2026-11-01", "2026-11-30");
        StoreConfig both = new StoreConfig(new BigDecimal("0.02"), Map.of(), 1, 3, 20, new BigDecimal("0.30"),
                new BigDecimal("1.5"), List.of(), Set.of(Channel.ALIPAY, Channel.TAOTIAN_WECHAT), 15, Map.of());

        assertThat(new Reconciler(both).reconcile(store.build()).anomalies()).isEmpty();
        // a store that never sent a WeChat bill and says nothing is an Alipay store
        assertStatus(reconcile(store), MISSING_SETTLEMENT).containsExactly(tuple(OPEN, null));
    }

    @Test
    void aShortWeChatSettlementIsAMismatchOnceEveryBillCoversItsDays() {
        var covered = shortWeChatSettlement()
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-30");
        assertStatus(reconcile(covered), AMOUNT_MISMATCH).containsExactly(tuple(OPEN, null));

        var wechatHole = shortWeChatSettlement()
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-02")
                .wechatCovering("2026-11-05", "2026-11-30");
        assertStatus(reconcile(wechatHole), AMOUNT_MISMATCH).containsExactly(
                tuple(PENDING, new Waiting(FileKind.TAOTIAN_WECHAT, day("2026-11-03"), day("2026-11-04"))));

        // the rest of the money could come in the other account too: a hole there keeps it pending as well
        var alipayHole = shortWeChatSettlement()
                .covering("2026-11-04", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-30");
        assertStatus(reconcile(alipayHole), AMOUNT_MISMATCH).containsExactly(
                tuple(PENDING, new Waiting(FileKind.ALIPAY_LEDGER, day("2026-11-02"), day("2026-11-03"))));
    }

    private static Stores.Builder shortWeChatSettlement() {
        return aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-05"))
                .lines(settlement(WECHAT_ORDER).amount("189.00").at("2026-11-05 14:00:00").inWeChat().id("W1").build(),
                        commission(WECHAT_ORDER).amount("3.78").at("2026-11-05 14:00:01").inWeChat().id("W2").build())
                .refundsCovering("2026-11-01", "2026-11-30");
    }

    @Test
    void aCommissionIsNotCalledMissingWhileTheOtherBillMayStillHoldTheOrdersFirstSettlement() {
        // the order's WeChat settlement and its commission are in a WeChat bill not received yet; its
        // duplicate credit in the Alipay account is: the commission waits for the WeChat bill
        var store = aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-05"))
                .lines(settlement(WECHAT_ORDER).amount("199.00").at("2026-11-06 09:00:00").balanceAfter("199.00").id("A1").build())
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-04")
                .wechatCovering("2026-11-20", "2026-11-30");

        assertStatus(reconcile(store), FEE_MISMATCH).containsExactly(
                tuple(PENDING, new Waiting(FileKind.TAOTIAN_WECHAT, day("2026-11-05"), day("2026-11-07"))));
    }

    @Test
    void anOrderPaidOnceButSettledInBothChannelsIsADuplicate() {
        var store = aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-05"))
                .lines(settlement(WECHAT_ORDER).amount("199.00").at("2026-11-05 13:00:00").balanceAfter("199.00").id("A1").build(),
                        settlement(WECHAT_ORDER).amount("199.00").at("2026-11-05 14:00:00").inWeChat().id("W1").build())
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-30");

        Reconciliation result = reconcile(store);

        assertThat(result.anomalies()).filteredOn(a -> a.type() == DUPLICATE_SETTLEMENT)
                .extracting(a -> a.lineId(), a -> a.expectedFen(), a -> a.actualFen())
                .containsExactly(tuple("W1", 19900L, 39800L));
    }

    @Test
    void aRefundDeductedInTheWeChatBillIsNotMissedAndOneMissingThereIsFound() {
        Order order = confirmedOn(WECHAT_ORDER, "2026-11-05");
        var refunded = aRefund(WECHAT_ORDER).id("R1").amount("50.00").completedAt("2026-11-10 09:00:00").afterSale().build();
        var deducted = aStore()
                .orders(order)
                .refunds(refunded)
                .lines(settlement(WECHAT_ORDER).amount("199.00").at("2026-11-05 14:00:00").inWeChat().id("W1").build(),
                        commission(WECHAT_ORDER).amount("3.98").at("2026-11-05 14:00:01").inWeChat().id("W2").build(),
                        refund(WECHAT_ORDER).amount("50.00").at("2026-11-10 09:00:01").inWeChat().id("W3").build())
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-30")
                .refundsCovering("2026-11-01", "2026-11-30");
        assertThat(reconcile(deducted).anomalies()).isEmpty();

        // not deducted, and the WeChat bill, where the order's money is, stops before the refund's day
        var notDeducted = aStore()
                .orders(order)
                .refunds(refunded)
                .lines(settlement(WECHAT_ORDER).amount("199.00").at("2026-11-05 14:00:00").inWeChat().id("W1").build(),
                        commission(WECHAT_ORDER).amount("3.98").at("2026-11-05 14:00:01").inWeChat().id("W2").build())
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-09")
                .wechatCovering("2026-11-20", "2026-11-30")
                .refundsCovering("2026-11-01", "2026-11-30");
        assertStatus(reconcile(notDeducted), REFUND_NOT_DEDUCTED).containsExactly(
                tuple(PENDING, new Waiting(FileKind.TAOTIAN_WECHAT, day("2026-11-10"), day("2026-11-11"))));
    }

    @Test
    void aWeChatOrdersCommissionIsCheckedAgainstItsWeChatSettlement() {
        var store = aStore()
                .orders(confirmedOn(WECHAT_ORDER, "2026-11-05"))
                .lines(settlement(WECHAT_ORDER).amount("199.00").at("2026-11-05 14:00:00").inWeChat().id("W1").build(),
                        commission(WECHAT_ORDER).amount("9.95").at("2026-11-05 14:00:01").inWeChat().id("W2").build())
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-30");

        assertThat(reconcile(store).anomalies()).filteredOn(a -> a.type() == FEE_MISMATCH)
                .extracting(a -> a.expectedFen(), a -> a.actualFen())
                .containsExactly(tuple(398L, 995L));
    }

    @Test
    void aDaysRefundRateWaitsForTheWeChatBillWhoseSettlementsWouldLowerIt() {
        // on 11-06 the Alipay account refunds 100.00 of 199.00 settled; the WeChat bill of that day is not in
        var store = aStore()
                .orders(confirmedOn(ALIPAY_ORDER, "2026-11-06"))
                .refunds(aRefund(ALIPAY_ORDER).id("R1").amount("100.00").completedAt("2026-11-06 15:00:00").afterSale().build())
                .lines(Ledger.openingAt("1000.00")
                        .add(settlement(ALIPAY_ORDER).amount("199.00").at("2026-11-06 13:00:00"),
                                commission(ALIPAY_ORDER).amount("3.98").at("2026-11-06 13:00:01"),
                                refund(ALIPAY_ORDER).amount("100.00").at("2026-11-06 15:00:01"))
                        .lines())
                .covering("2026-11-01", "2026-11-30")
                .wechatCovering("2026-11-01", "2026-11-05")
                .refundsCovering("2026-11-01", "2026-11-30");

        assertStatus(reconcile(store), REFUND_RATE_HIGH).containsExactly(
                tuple(PENDING, new Waiting(FileKind.TAOTIAN_WECHAT, day("2026-11-06"), day("2026-11-06"))));
        assertStatus(reconcile(store.wechatCovering("2026-11-06", "2026-11-30")), REFUND_RATE_HIGH)
                .containsExactly(tuple(OPEN, null));
    }

    @Test
    void aWithdrawalFromTheWeChatAccountIsATransferNotAFee() {
        var store = bothChannelsClean()
                .lines(line(LineClass.WITHDRAWAL, null).amount("150.00").at("2026-11-06 09:00:00").inWeChat().id("W9").build());

        Reconciliation result = reconcile(store);

        assertThat(result.anomalies()).isEmpty();
        DayFigures day = result.days().stream().filter(d -> d.day().equals(day("2026-11-06"))).findFirst().orElseThrow();
        assertThat(day.transferAmount()).isEqualTo(15000);
        assertThat(day.commissionAmount() + day.otherFeeAmount()).isZero();
        assertThat(day.openingBalance()).as("no Alipay line that day").isNull();
    }
}
