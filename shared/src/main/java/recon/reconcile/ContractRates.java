package recon.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import recon.domain.CategoryPath;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.StoreConfig;

/**
 * The contract as it meets a store's orders: the rate each 类目 gets and the config key it comes from,
 * and the byCategory keys that match no 类目 of the store — a key written otherwise than the order
 * report writes its 类目 gives no rate, and nothing would say so. The console and the reports say it
 * from here.
 */
public final class ContractRates {
    /** The store's 类目 named in the warning of a key that matches none. */
    static final int EXAMPLES = 3;

    /**
     * A 类目 whose orders have settlements, with its rate and what its orders' settlement lines brought in.
     *
     * @param category the 类目, "" for orders the report gives none
     */
    public record CategoryRate(String category, StoreConfig.Commission commission, long settledFen) {}

    /**
     * A byCategory key that is no 类目 of the store's orders and no level above one.
     *
     * @param examples the store's 类目 with the most orders, at most {@value #EXAMPLES}
     * @param categories how many 类目 the store's orders have
     */
    public record UnmatchedKey(String key, List<String> examples, int categories) {
        public UnmatchedKey {
            examples = List.copyOf(examples);
        }

        /** The warning an accountant reads, in Chinese. */
        public String warning() {
            String store = categories == 0 ? "本店订单都没有类目"
                    : "本店类目如：" + String.join("、", examples) + (categories > examples.size() ? "、…" : "");
            return "合同费率 " + StoreConfig.byCategoryKey(key) + " 没有匹配到任何订单的类目（" + store + "），请核对 config.json";
        }
    }

    private final List<CategoryRate> settled;
    private final List<UnmatchedKey> unmatched;

    private ContractRates(List<CategoryRate> settled, List<UnmatchedKey> unmatched) {
        this.settled = settled;
        this.unmatched = unmatched;
    }

    public static ContractRates of(StoreRecords records, StoreConfig config) {
        Map<String, Integer> ordersByCategory = new HashMap<>();
        for (Order order : records.orders()) {
            ordersByCategory.merge(order.category(), 1, Integer::sum);
        }
        Map<String, Long> settledByCategory = new HashMap<>();
        for (LedgerLine line : records.ledgerLines()) {
            Order order = line.lineClass() == LineClass.SETTLEMENT ? records.order(line) : null;
            if (order != null) {
                settledByCategory.merge(order.category(), line.incomeFen(), Long::sum);
            }
        }
        List<CategoryRate> settled = new ArrayList<>();
        settledByCategory.forEach((category, fen) ->
                settled.add(new CategoryRate(category, config.commission(category), fen)));
        settled.sort(Comparator.comparingLong(CategoryRate::settledFen).reversed().thenComparing(CategoryRate::category));
        return new ContractRates(List.copyOf(settled), unmatched(config, ordersByCategory));
    }

    /** The keys no 类目 of the store's orders is or is under; none for a store without orders: nothing to match yet. */
    private static List<UnmatchedKey> unmatched(StoreConfig config, Map<String, Integer> ordersByCategory) {
        if (ordersByCategory.isEmpty()) {
            return List.of();
        }
        List<String> named = ordersByCategory.keySet().stream()
                .filter(category -> !category.isEmpty())
                .sorted(Comparator.comparing((String category) -> -ordersByCategory.get(category))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<String> examples = named.subList(0, Math.min(EXAMPLES, named.size()));
        List<UnmatchedKey> unmatched = new ArrayList<>();
        for (String key : new TreeSet<>(config.commissionByCategory().keySet())) {
            if (ordersByCategory.keySet().stream().noneMatch(category -> CategoryPath.depthUnder(key, category) > 0)) {
                unmatched.add(new UnmatchedKey(key, examples, named.size()));
            }
        }
        return List.copyOf(unmatched);
    }

    /** The 类目 whose orders have settlement lines, the most settled first. */
    public List<CategoryRate> settled() {
        return settled;
    }

    /** The byCategory keys that match no order's 类目, in their order. */
    public List<UnmatchedKey> unmatched() {
        return unmatched;
    }
}
