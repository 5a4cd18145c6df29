package recon.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes realistic Tmall and Alipay sample exports for a few stores, with a manifest of the anomalies
 * planted in them. Deterministic: the same options give the same bytes. Streams its output; memory
 * grows with the number of orders only.
 */
public final class SampleGenerator {

    /**
     * @param orders total orders over all stores (t1/s1 gets about half)
     * @param days length of the period
     * @param seed everything random follows from it
     * @param firstDay the period's first day
     */
    /**
     * @param dailyExports every day's exports in files of their own, named by the next morning, as a
     *     seller who uploads every morning sends them (the ledger and WeChat bill of the day, the orders
     *     created or changed that day as they stood at its end, the refunds applied or completed that
     *     day, the invoices issued that day); otherwise each store's files span the period as its
     *     layout says. The planted anomalies are the store's either way; the tests check them on the
     *     period layouts, the bench uses the daily one for the cost of daily uploads.
     * @param realStoreMix t1/s1's files as a seller really sends them, for the bench: its first order report
     *     saved as XLSX, its first ledger zipped (the other files stay GBK or UTF-8 CSV)
     */
    public record Options(int orders, int days, long seed, LocalDate firstDay, boolean dailyExports,
            boolean realStoreMix) {
        public Options {
            if (orders < 0) {
                throw new IllegalArgumentException("orders must not be negative");
            }
            if (days < 1) {
                throw new IllegalArgumentException("days must be at least 1");
            }
            if (firstDay == null) {
                throw new IllegalArgumentException("firstDay is required");
            }
        }

        public Options(int orders, int days, long seed, LocalDate firstDay) {
            this(orders, days, seed, firstDay, false, false);
        }

        /** 2000 orders over the 31 days from 2026-11-01, seed 42. */
        public static Options defaults() {
            return new Options(2000, 31, 42, LocalDate.of(2026, 11, 1));
        }

        public Options withOrders(int orders) {
            return new Options(orders, days, seed, firstDay, dailyExports, realStoreMix);
        }

        public Options withDays(int days) {
            return new Options(orders, days, seed, firstDay, dailyExports, realStoreMix);
        }

        public Options withSeed(long seed) {
            return new Options(orders, days, seed, firstDay, dailyExports, realStoreMix);
        }

        public Options withDailyExports() {
            return new Options(orders, days, seed, firstDay, true, realStoreMix);
        }

        public Options withRealStoreMix() {
            return new Options(orders, days, seed, firstDay, dailyExports, true);
        }
    }

    private final Options options;

    public SampleGenerator(Options options) {
        this.options = options;
    }

    /** Writes several stores under outDir/{tenant}/{store}/ (files + config.json) and outDir/manifest.json; returns the manifest. */
    public Manifest generate(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<StoreSample> stores = new ArrayList<>();
        List<StoreSpec> specs = stores();
        for (int i = 0; i < specs.size(); i++) {
            StoreSpec spec = specs.get(i);
            long storeSeed = options.seed() * 1_000_003L + i;
            StoreSimulation simulation = new StoreSimulation(spec, options.days(), options.firstDay(), storeSeed,
                    options.dailyExports(), options.realStoreMix() && i == 0);
            stores.add(simulation.run(outDir.resolve(spec.tenant()).resolve(spec.store())));
        }
        Manifest manifest = new Manifest(stores);
        manifest.write(outDir);
        return manifest;
    }

    /**
     * t1/s1 a big fashion store with category rates, paid through Alipay only (the store the bench
     * compares peers on, no invoice register); t1/s2 a beauty store and t2/s1 a small food and home
     * store, a quarter and a fifth of whose orders are paid with WeChat Pay, which send their invoice
     * registers.
     */
    private List<StoreSpec> stores() {
        int total = options.orders();
        int first = total / 2;
        int second = total * 3 / 10;
        int third = total - first - second;
        return List.of(
                new StoreSpec("t1", "s1", "星辰服饰旗舰店", "2088102177400123", first, 3_553_498_017_448_001_234L,
                        List.of(0, 1, 2, 3, 10, 11, 12, 13), new BigDecimal("0.02"),
                        Map.of(Catalog.WOMENSWEAR, new BigDecimal("0.05"), Catalog.SHOES, new BigDecimal("0.03"),
                                Catalog.BAGS, new BigDecimal("0.025")),
                        0, StoreSpec.Layout.TWO_LEDGER_CSVS, StoreSpec.Register.NONE),
                new StoreSpec("t1", "s2", "星辰美妆专营店", "2088102177400456", second, 3_712_004_561_230_004_567L,
                        List.of(4, 5, 6), new BigDecimal("0.04"), Map.of(), 0.25, StoreSpec.Layout.ZIP_AND_REJECTS,
                        StoreSpec.Register.ONE_FILE),
                new StoreSpec("t2", "s1", "好味生活旗舰店", "2088201966500789", third, 1_702_345_678_901_234L,
                        List.of(7, 8, 9, 14, 15), new BigDecimal("0.02"), Map.of(), 0.2, StoreSpec.Layout.CSV_XLSX_CSV,
                        StoreSpec.Register.TWO_FILES));
    }
}
