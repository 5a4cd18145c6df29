package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyType.FEE_RATIO_HIGH;
import static recon.domain.AnomalyType.MISSING_SETTLEMENT;
import static recon.domain.AnomalyType.REFUND_RATE_HIGH;
import static recon.domain.AnomalyType.UNMATCHED_SETTLEMENT;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Lines.commission;
import static recon.testdata.Lines.line;
import static recon.testdata.Lines.refund;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Refunds.aRefund;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.LineClass;
import recon.domain.OrderStatus;
import recon.testdata.Ledger;

class DayFiguresTest {
    /*
     * 11-01: o1 (100.00), o2 (50.00, never settled), o3 (closed) paid; 200.00 withdrawn.
     * 11-02: nothing.
     * 11-03: o4 (20.00) paid; o1 and o4 settled with 2 % commission; 0.50 points; 1.00 other income.
     * 11-04: o1's after-sale refund of 10.00 debited; 5.00 settled for an unknown order; 1.00 affiliate fee; 100.00 deposit.
     */
    private static Reconciliation store() {
        var ledger = Ledger.openingAt("1000.00").add(
                line(LineClass.WITHDRAWAL, null).amount("200.00").at("2026-11-01 09:00:00"),
                settlement("o1").amount("100.00").at("2026-11-03 10:00:00"),
                commission("o1").amount("2.00").at("2026-11-03 10:00:00"),
                line(LineClass.POINTS, "o1").amount("0.50").at("2026-11-03 10:00:01"),
                line(LineClass.OTHER, null).income("1.00").at("2026-11-03 11:00:00"),
                settlement("o4").amount("20.00").at("2026-11-03 15:00:00"),
                commission("o4").amount("0.40").at("2026-11-03 15:00:05"),
                refund("o1").amount("10.00").at("2026-11-04 09:00:00"),
                settlement("o9").amount("5.00").at("2026-11-04 10:00:00"),
                line(LineClass.AFFILIATE_FEE, "o4").amount("1.00").at("2026-11-04 11:00:00"),
                line(LineClass.DEPOSIT, null).amount("100.00").at("2026-11-04 12:00:00"));
        return reconcile(aStore()
                .orders(anOrder("o1").paid("100.00").at("2026-11-01 10:00:00").confirmedAt("2026-11-03 09:00:00").build(),
                        anOrder("o2").paid("50.00").at("2026-11-01 11:00:00").build(),
                        anOrder("o3").paid("30.00").at("2026-11-01 12:00:00").status(OrderStatus.CLOSED).build(),
                        anOrder("o4").paid("20.00").at("2026-11-03 09:00:00").build())
                .refunds(aRefund("o1").amount("10.00").completedAt("2026-11-04 08:00:00").build())
                .lines(ledger.lines())
                .covering("2026-11-01", "2026-11-04"));
    }

    @Test
    void computesEveryFigureOfEveryDayWithRecords() {
        assertThat(store().days()).containsExactly(
                new DayFigures(day("2026-11-01"), 3, 0, 0, Map.of(), 0, 0, 0, 20000, 100000L, 80000L, 0, 2, 0, 0, 0, Map.of()),
                new DayFigures(day("2026-11-03"), 1, 2, 12000, Map.of(Channel.ALIPAY, 12000L), 0, 240, 50, 0, 80000L, 91810L, 2, 1, 0, 0, 0, Map.of()),
                new DayFigures(day("2026-11-04"), 0, 1, 500, Map.of(Channel.ALIPAY, 500L), 1000, 0, 100, 10000, 91810L, 81210L, 0, 1, 0, 0, 0,
                        Map.of(UNMATCHED_SETTLEMENT, 1, REFUND_RATE_HIGH, 1, FEE_RATIO_HIGH, 1)));
    }

    @Test
    void listsOnlyTheAnomaliesTheFiguresCount() {
        assertThat(store().anomalies()).extracting(Anomaly::type, Anomaly::expectedFen, Anomaly::actualFen)
                .containsExactly(
                        tuple(UNMATCHED_SETTLEMENT, 0L, 500L),
                        tuple(REFUND_RATE_HIGH, 150L, 1000L),
                        tuple(FEE_RATIO_HIGH, 15L, 100L));
    }

    @Test
    void addsADayForAnAnomalyOnADayWithoutRecords() {
        // o2 falls due on 11-21 (paid 11-01 + 20 days): a covered day with no line and no payment
        var result = reconcile(aStore()
                .orders(anOrder("o2").paid("50.00").at("2026-11-01 11:00:00").build())
                .covering("2026-11-01", "2026-11-24"));

        assertThat(result.days()).containsExactly(
                new DayFigures(day("2026-11-01"), 1, 0, 0, Map.of(), 0, 0, 0, 0, null, null, 0, 1, 0, 0, 0, Map.of()),
                new DayFigures(day("2026-11-21"), 0, 0, 0, Map.of(), 0, 0, 0, 0, null, null, 0, 1, 0, 0, 0,
                        Map.of(MISSING_SETTLEMENT, 1)));
    }

    @Test
    void countsAnOrderAsOpenFromItsDayUntilItsFirstSettlementDay() {
        var ledger = Ledger.openingAt("0.00").add(
                settlement("o1").amount("100.00").at("2026-11-03 10:00:00"),
                line(LineClass.OTHER, null).income("1.00").at("2026-11-05 10:00:00"));
        var result = reconcile(aStore()
                .orders(anOrder("o1").paid("100.00").at("2026-11-01 10:00:00").build(),
                        anOrder("o2").paid("100.00").at("2026-11-02 10:00:00").build())
                .lines(ledger.lines()));

        assertThat(result.days()).extracting(DayFigures::day, DayFigures::openItems).containsExactly(
                tuple(day("2026-11-01"), 1L),
                tuple(day("2026-11-02"), 2L),
                tuple(day("2026-11-03"), 1L),
                tuple(day("2026-11-05"), 1L));
    }
}
