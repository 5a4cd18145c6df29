package recon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which byCategory key gives a 类目 its contract rate. */
class StoreConfigCommissionTest {
    private static StoreConfig byCategory(Map<String, String> rates) {
        Map<String, BigDecimal> decimals = new java.util.HashMap<>();
        rates.forEach((key, rate) -> decimals.put(key, new BigDecimal(rate)));
        return new StoreConfig(new BigDecimal("0.02"), decimals, 1, 3, 20, new BigDecimal("0.30"), new BigDecimal("1.5"));
    }

    @Test
    void aKeyMatchesItsCategoryAndEveryCategoryUnderItNotAnotherThatStartsWithTheSameCharacters() {
        StoreConfig config = byCategory(Map.of("女装", "0.05"));

        assertThat(config.commission("女装")).isEqualTo(new StoreConfig.Commission(new BigDecimal("0.05"), "女装"));
        assertThat(config.commission("女装/女士精品").key()).isEqualTo("女装");
        assertThat(config.commission("女装/女士精品/连衣裙").key()).isEqualTo("女装");
        assertThat(config.commission("女装饰品")).isEqualTo(new StoreConfig.Commission(new BigDecimal("0.02"), null));
        assertThat(config.commission("男装/女装")).as("a key names the top of a path").extracting(StoreConfig.Commission::key)
                .isNull();
        assertThat(config.commission("").key()).isNull();
        assertThat(config.commissionRate("女装/女士精品")).isEqualByComparingTo("0.05");
    }

    @Test
    void theLongestMatchingKeyWins() {
        StoreConfig config = byCategory(Map.of("美容护肤", "0.04", "美容护肤/美体", "0.05", "美容护肤/美体/精油", "0.06"));

        assertThat(config.commission("美容护肤/美体/精油")).isEqualTo(new StoreConfig.Commission(new BigDecimal("0.06"), "美容护肤/美体/精油"));
        assertThat(config.commission("美容护肤/美体/身体乳").key()).isEqualTo("美容护肤/美体");
        assertThat(config.commission("美容护肤/面膜").key()).isEqualTo("美容护肤");
        assertThat(config.commission("美容护肤/美体/精油/按摩油").rate()).isEqualByComparingTo("0.06");
    }

    @Test
    void levelsAreSplitOnSlashGreaterThanAndTheFullWidthSlashWithoutTheSpacesAroundThem() {
        StoreConfig config = byCategory(Map.of("家装 > 灯具", "0.03"));

        assertThat(config.commission("家装/灯具/吸顶灯").key()).isEqualTo("家装 > 灯具");
        assertThat(config.commission("家装／灯具").key()).isEqualTo("家装 > 灯具");
        assertThat(config.commission(" 家装 >灯具> 台灯").key()).isEqualTo("家装 > 灯具");
        assertThat(config.commission("家装/灯具饰品").key()).isNull();
        assertThat(config.commission("家装").key()).as("a category above the key").isNull();
    }

    @Test
    void anEmptyKeyIsTheCategoryOfOrdersWithoutOne() {
        StoreConfig config = byCategory(Map.of("", "0.01"));

        assertThat(config.commission("").key()).isEmpty();
        assertThat(config.commission("女装").key()).isNull();
    }

    @Test
    void saysWhereTheRateComesFromAsConfigJsonNamesIt() {
        StoreConfig config = byCategory(Map.of("女装", "0.05"));

        assertThat(config.commission("女装/女士精品").source()).isEqualTo("byCategory.\"女装\"");
        assertThat(config.commission("数码").source()).isEqualTo("default");
    }

    @Test
    void twoKeysThatNameOneCategoryAreRefused() {
        assertThatThrownBy(() -> byCategory(Map.of("女装/女士精品", "0.05", "女装 > 女士精品", "0.06")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commission.byCategory.女装/女士精品：与 \"女装 > 女士精品\" 是同一个类目 "
                        + "names the same category as \"女装 > 女士精品\"");
    }

    @Test
    void theCanonicalPathHasSlashesAndNoSpacesAroundItsLevels() {
        assertThat(CategoryPath.canonical(" 家装 > 灯具／台灯 ")).isEqualTo("家装/灯具/台灯");
        assertThat(CategoryPath.canonical("")).isEmpty();
        assertThat(CategoryPath.depthUnder("家装", "家装/灯具/台灯")).isEqualTo(1);
        assertThat(CategoryPath.depthUnder("家装/灯具", "家装/灯具/台灯")).isEqualTo(2);
        assertThat(CategoryPath.depthUnder("家装/灯具/台灯", "家装/灯具")).isEqualTo(-1);
    }
}
