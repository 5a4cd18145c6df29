package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static recon.testdata.Lines.settlement;
import static recon.testdata.Orders.anOrder;
import static recon.testdata.Stores.aStore;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.StoreConfig;
import recon.testdata.Ledger;

/** The rate each 类目 of a store gets, from which key, and the keys that match no order. */
class ContractRatesTest {
    private static StoreConfig byCategory(String... keysAndRates) {
        Map<String, BigDecimal> rates = new HashMap<>();
        for (int i = 0; i < keysAndRates.length; i += 2) {
            rates.put(keysAndRates[i], new BigDecimal(keysAndRates[i + 1]));
        }
        return new StoreConfig(new BigDecimal("0.02"), rates, 1, 3, 20, new BigDecimal("0.30"), new BigDecimal("1.5"));
    }

    private static final StoreRecords STORE = aStore()
            .orders(anOrder("1001").paid("300.00").category("女装/女士精品").build(),
                    anOrder("1002").paid("200.00").category("女装/女士精品/连衣裙").build(),
                    anOrder("1003").paid("100.00").category("女装饰品").build(),
                    anOrder("1004").paid("100.00").category("女装饰品").build(),
                    anOrder("1005").paid("50.00").build(),
                    anOrder("1006").paid("80.00").category("数码").build())
            .lines(Ledger.openingAt("0.00").add(
                    settlement("1001").amount("300.00").at("2026-11-05 10:00:00"),
                    settlement("1002").amount("200.00").at("2026-11-05 10:00:01"),
                    settlement("1003").amount("100.00").at("2026-11-05 10:00:02"),
                    settlement("1004").amount("100.00").at("2026-11-05 10:00:03"),
                    settlement("1005").amount("50.00").at("2026-11-05 10:00:04"),
                    settlement("9999").amount("70.00").at("2026-11-05 10:00:05")).lines())
            .build();

    @Test
    void tellsTheRateAndKeyOfEveryCategoryWithSettlementsTheMostSettledFirst() {
        ContractRates rates = ContractRates.of(STORE, byCategory("女装", "0.05", "女装/女士精品/连衣裙", "0.08"));

        assertThat(rates.settled())
                .extracting(ContractRates.CategoryRate::category, r -> r.commission().rate().toPlainString(),
                        r -> r.commission().source(), ContractRates.CategoryRate::settledFen)
                .containsExactly(
                        tuple("女装/女士精品", "0.05", "byCategory.\"女装\"", 30_000L),
                        tuple("女装/女士精品/连衣裙", "0.08", "byCategory.\"女装/女士精品/连衣裙\"", 20_000L),
                        tuple("女装饰品", "0.02", "default", 20_000L),
                        tuple("", "0.02", "default", 5_000L));
        assertThat(rates.unmatched()).isEmpty();
    }

    @Test
    void aKeyThatMatchesNoOrderIsAWarningShowingTheStoresCommonestCategories() {
        ContractRates rates = ContractRates.of(STORE, byCategory("女装", "0.05", "男装", "0.04", "女装/女士精品/半身裙", "0.06"));

        assertThat(rates.unmatched()).extracting(ContractRates.UnmatchedKey::warning).containsExactly(
                "合同费率 byCategory.\"女装/女士精品/半身裙\" 没有匹配到任何订单的类目（本店类目如：女装饰品、女装/女士精品、女装/女士精品/连衣裙、…），请核对 config.json",
                "合同费率 byCategory.\"男装\" 没有匹配到任何订单的类目（本店类目如：女装饰品、女装/女士精品、女装/女士精品/连衣裙、…），请核对 config.json");
    }

    @Test
    void aStoreWithFewCategoriesShowsThemAllAndOneWithoutAnySaysSo() {
        StoreRecords twoCategories = aStore().orders(anOrder("1001").paid("1.00").category("女鞋").build(),
                anOrder("1002").paid("1.00").category("箱包").build()).build();
        StoreRecords noCategory = aStore().orders(anOrder("1001").paid("1.00").build()).build();

        assertThat(ContractRates.of(twoCategories, byCategory("女装", "0.05")).unmatched())
                .extracting(ContractRates.UnmatchedKey::warning)
                .containsExactly("合同费率 byCategory.\"女装\" 没有匹配到任何订单的类目（本店类目如：女鞋、箱包），请核对 config.json");
        assertThat(ContractRates.of(noCategory, byCategory("女装", "0.05")).unmatched())
                .extracting(ContractRates.UnmatchedKey::warning)
                .containsExactly("合同费率 byCategory.\"女装\" 没有匹配到任何订单的类目（本店订单都没有类目），请核对 config.json");
    }

    @Test
    void noWarningWhenEveryKeyMatchesOrBeforeAnyOrderIsKnown() {
        assertThat(ContractRates.of(STORE, byCategory("女装/女士精品", "0.05", "数码", "0.03")).unmatched()).isEmpty();
        assertThat(ContractRates.of(aStore().build(), byCategory("女装", "0.05")).unmatched())
                .as("a ledger alone: no order to match yet").isEmpty();
    }
}
