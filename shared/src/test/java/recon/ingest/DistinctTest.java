package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistinctTest {
    @Test
    void givesOneStringForEqualValues() {
        Distinct distinct = new Distinct();
        String first = distinct.of(new String("交易付款"));
        assertThat(distinct.of(new String("交易付款"))).isSameAs(first);
        assertThat(distinct.of("收费")).isEqualTo("收费").isNotSameAs(first);
    }

    @Test
    void passesValuesThroughOnceItHoldsTheMaximum() {
        Distinct distinct = new Distinct();
        for (int i = 0; i < Distinct.MAX_VALUES; i++) {
            distinct.of("type " + i);
        }
        String late = new String("one more");
        assertThat(distinct.of(late)).isSameAs(late);
        assertThat(distinct.of(new String("one more"))).isNotSameAs(late).isEqualTo(late);
    }
}
