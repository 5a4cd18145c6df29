package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static recon.domain.AnomalyType.BALANCE_BREAK;
import static recon.domain.AnomalyType.BALANCE_GAP;
import static recon.domain.Severity.HIGH;
import static recon.domain.Severity.MEDIUM;
import static recon.reconcile.Found.assertFound;
import static recon.reconcile.Found.reconcile;
import static recon.testdata.Lines.commission;
import static recon.testdata.Lines.line;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Stores.aStore;
import static recon.testdata.TestTimes.day;

import org.junit.jupiter.api.Test;
import recon.domain.DayFigures;
import recon.domain.LineClass;
import recon.testdata.Ledger;

class BalanceRulesTest {
    @Test
    void raisesOneBalanceBreakPerDayWhereTheChainFirstBreaks() {
        var store = aStore().lines(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00").balanceAfter("1100.00").id("L1").build(),
                commission("A1").amount("2.00").at("2026-11-05 11:00:00").balanceAfter("1090.00").id("L2").build(),
                commission("A1").amount("2.00").at("2026-11-05 12:00:00").balanceAfter("1000.00").id("L3").build());

        assertFound(reconcile(store), BALANCE_BREAK).containsExactly(tuple(HIGH, day("2026-11-05"), null, "L2", 109800L, 109000L));
    }

    @Test
    void toleratesABreakWithinTolerance() {
        var store = aStore().lines(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00").balanceAfter("1100.00").id("L1").build(),
                commission("A1").amount("2.00").at("2026-11-05 11:00:00").balanceAfter("1098.01").id("L2").build());

        assertFound(reconcile(store), BALANCE_BREAK).isEmpty();
    }

    @Test
    void raisesBalanceBreakWhenSmallDriftsAddUpBeyondTolerance() {
        var store = aStore().lines(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00").balanceAfter("1100.00").id("L1").build(),
                commission("A1").amount("2.00").at("2026-11-05 11:00:00").balanceAfter("1098.01").id("L2").build(),
                commission("A1").amount("2.00").at("2026-11-05 12:00:00").balanceAfter("1096.02").id("L3").build(),
                commission("A1").amount("2.00").at("2026-11-05 13:00:00").balanceAfter("1094.03").id("L4").build());

        assertFound(reconcile(store), BALANCE_BREAK).containsExactly(tuple(HIGH, day("2026-11-05"), null, "L4", 109400L, 109403L));
    }

    @Test
    void reordersLinesOfTheSameSecondSoTheirBalancesChain() {
        // A1 sorts first by id but was booked after A2 (its balance follows A2's)
        var store = aStore().lines(
                commission("X").amount("2.00").at("2026-11-05 10:00:00").balanceAfter("1098.00").id("A1").build(),
                settlement("X").amount("100.00").at("2026-11-05 10:00:00").balanceAfter("1100.00").id("A2").build(),
                line(LineClass.WITHDRAWAL, null).amount("98.00").at("2026-11-05 18:00:00").balanceAfter("1000.00").id("A3").build());

        Reconciliation result = reconcile(store);

        assertFound(result, BALANCE_BREAK).isEmpty();
        assertThat(result.days()).singleElement().satisfies(d -> {
            assertThat(d.openingBalance()).isEqualTo(100000L);
            assertThat(d.closingBalance()).isEqualTo(100000L);
        });
    }

    @Test
    void reordersLinesOfTheSameSecondAfterEarlierLinesOfTheDay() {
        var store = aStore().lines(
                settlement("X").amount("10.00").at("2026-11-05 09:00:00").balanceAfter("1010.00").id("B9").build(),
                commission("X").amount("0.20").at("2026-11-05 10:00:00").balanceAfter("1109.80").id("B1").build(),
                settlement("Y").amount("100.00").at("2026-11-05 10:00:00").balanceAfter("1110.00").id("B2").build());

        Reconciliation result = reconcile(store);

        assertFound(result, BALANCE_BREAK).isEmpty();
        assertThat(result.days()).singleElement().extracting(DayFigures::openingBalance, DayFigures::closingBalance)
                .containsExactly(100000L, 110980L);
    }

    @Test
    void raisesBalanceGapWhenADayDoesNotOpenOnThePreviousClosing() {
        var store = aStore().lines(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00").balanceAfter("1100.00").id("L1").build(),
                settlement("A2").amount("50.00").at("2026-11-07 10:00:00").balanceAfter("1140.00").id("L2").build());

        assertFound(reconcile(store), BALANCE_GAP).containsExactly(tuple(MEDIUM, day("2026-11-07"), null, "L2", 110000L, 109000L));
    }

    @Test
    void raisesNoBalanceGapAcrossDaysWithoutLines() {
        var ledger = Ledger.openingAt("1000.00").add(
                settlement("A1").amount("100.00").at("2026-11-05 10:00:00"),
                settlement("A2").amount("50.00").at("2026-11-09 10:00:00"));

        Reconciliation result = reconcile(aStore().lines(ledger.lines()));

        assertFound(result, BALANCE_GAP).isEmpty();
        assertFound(result, BALANCE_BREAK).isEmpty();
    }
}
