package recon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import recon.testing.Gen;
import recon.testing.Property;

class IdsTest {
    @Test
    void keepsPlainNumbersWithinALongAsNumbers() {
        assertThat(Ids.number("3553498017448002771")).isEqualTo(3553498017448002771L);
        assertThat(Ids.number("0")).isZero();
        assertThat(Ids.number(Long.toString(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void keepsEveryOtherIdAsText() {
        assertThat(Ids.number(null)).isEqualTo(Ids.TEXT);
        assertThat(Ids.number("")).isEqualTo(Ids.TEXT);
        assertThat(Ids.number("007")).isEqualTo(Ids.TEXT);
        assertThat(Ids.number("R1")).isEqualTo(Ids.TEXT);
        assertThat(Ids.number("-5")).isEqualTo(Ids.TEXT);
        assertThat(Ids.number("9223372036854775808")).isEqualTo(Ids.TEXT);
        assertThat(Ids.number("12345678901234567890")).isEqualTo(Ids.TEXT);
    }

    @Test
    void anyIdComesBackAsGiven() {
        Property.tries(500).forAll(ids(), id -> {
            long number = Ids.number(id);
            assertThat(Ids.id(number, Ids.text(id, number))).isEqualTo(id);
        });
    }

    @Test
    void idsCompareAsTheirTexts() {
        Property.tries(500).forAll(ids(), ids(), (a, b) -> {
            long na = Ids.number(a);
            long nb = Ids.number(b);
            int compared = Ids.compare(na, Ids.text(a, na), nb, Ids.text(b, nb));
            assertThat(Integer.signum(compared)).isEqualTo(Integer.signum(a.compareTo(b)));
        });
    }

    @Test
    void recordsGiveBackTheirIds() {
        Property.tries(200).forAll(ids(), ids(), IdsTest::givesBackItsIds);
    }

    private static void givesBackItsIds(String lineId, String orderId) {
        LedgerLine line = new LedgerLine(lineId, orderId, 1, 2, 0, 3, LineClass.SETTLEMENT, "交易付款");
        Order order = new Order(orderId, 100, OrderStatus.SUCCESS, 1, 2, 3, "", false, "");
        Refund refund = new Refund(lineId, orderId, 100, RefundStatus.SUCCESS, 1, 2, false);

        assertThat(line.lineId()).isEqualTo(lineId);
        assertThat(line.orderId()).isEqualTo(orderId);
        assertThat(order.orderId()).isEqualTo(orderId);
        assertThat(refund.refundId()).isEqualTo(lineId);
        assertThat(refund.orderId()).isEqualTo(orderId);
    }

    @Test
    void aLineWithoutOrderIdHasNone() {
        LedgerLine line = new LedgerLine("2026110100000001", null, 1, 0, 100, 3, LineClass.WITHDRAWAL, "提现");
        assertThat(line.hasOrderId()).isFalse();
        assertThat(line.orderId()).isNull();
    }

    /** Numbers of every length (some with leading zeros, some past a long) and other text. */
    private static Gen<String> ids() {
        return Gen.oneOf(
                Gen.longs(0, Long.MAX_VALUE).map(n -> Long.toString(n)),
                Gen.strings(Gen.chars('0', '9'), 1, 21),
                Gen.strings(1, 8));
    }
}
