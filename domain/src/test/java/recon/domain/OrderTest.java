package recon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderTest {
    private static Order withBuyer(String buyerHash) {
        return new Order("3553498017448001", 19_900, OrderStatus.SUCCESS, 100, 200, Times.NONE, "", false, buyerHash);
    }

    @Test
    void theBuyerHashReadsBackAsItsSixteenHexDigits() {
        assertThat(withBuyer("ffa1b2c3d4e5f607").buyerHash()).isEqualTo("ffa1b2c3d4e5f607");
        assertThat(withBuyer("0000000000000000").buyerHash()).isEqualTo("0000000000000000");
        assertThat(withBuyer("").buyerHash()).isEmpty();
        assertThat(withBuyer(null).buyerHash()).isEmpty();
        assertThat(withBuyer("0000000000000000")).isNotEqualTo(withBuyer(""));
    }

    @Test
    void aBuyerHashThatIsNotSixteenHexDigitsIsRefused() {
        assertThatThrownBy(() -> withBuyer("a1b2c3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withBuyer("zzzzzzzzzzzzzzzz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofTwoReportsThatDifferOnlyInTheBuyerTheChoiceIsTheSameEitherWay() {
        Order none = withBuyer("");
        Order low = withBuyer("0fffffffffffffff");
        Order high = withBuyer("f000000000000000");
        assertThat(Order.latest(low, high)).isSameAs(Order.latest(high, low)).isSameAs(high);
        assertThat(Order.latest(none, low)).isSameAs(Order.latest(low, none)).isSameAs(low);
    }
}
