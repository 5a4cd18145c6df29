package recon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import recon.testing.Gen;
import recon.testing.Property;

class MoneyTest {
    @Test
    void formatsFenAsYuanWithTwoDecimals() {
        assertThat(Money.format(123450)).isEqualTo("1234.50");
        assertThat(Money.format(-320)).isEqualTo("-3.20");
        assertThat(Money.format(5)).isEqualTo("0.05");
        assertThat(Money.format(-5)).isEqualTo("-0.05");
        assertThat(Money.format(0)).isEqualTo("0.00");
    }

    @Test
    void parsesPlainYuanAmounts() {
        assertThat(Money.parseYuan("12")).isEqualTo(1200);
        assertThat(Money.parseYuan("-3.2")).isEqualTo(-320);
        assertThat(Money.parseYuan("0.01")).isEqualTo(1);
        assertThat(Money.parseYuan("+7.05")).isEqualTo(705);
    }

    @Test
    void refusesWhatIsNotAnExactAmount() {
        // the last two: more fen than a long holds
        for (String bad : new String[] {"", "-", ".", "1.234", "1e3", "NaN", "--5", "1,000", "12a",
                "99999999999999999999", "92233720368547758.08"}) {
            assertThatThrownBy(() -> Money.parseYuan(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formatAndParseRoundTrip() {
        Property.tries(1000).forAll(Gen.longs(-1_000_000_000_000L, 1_000_000_000_000L),
                fen -> assertThat(Money.parseYuan(Money.format(fen))).isEqualTo(fen));
    }
}
