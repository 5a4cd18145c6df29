package recon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/** {@code ./recon generate}: sample exports with known, listed anomalies. */
final class GenerateCommand {
    private final PrintStream out;

    GenerateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argList) throws IOException {
        List<String> rest = new ArrayList<>(argList);
        boolean daily = rest.remove("--daily");
        Args args = new Args(rest, Set.of("out", "orders", "days", "seed"));
        Path outDir = Path.of(args.required("out"));
        SampleGenerator.Options defaults = SampleGenerator.Options.defaults();
        long seed;
        try {
            seed = Long.parseLong(args.optional("seed", Long.toString(defaults.seed())));
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--seed must be a whole number");
        }
        SampleGenerator.Options options = new SampleGenerator.Options(
                args.number("orders", defaults.orders()), args.number("days", defaults.days()), seed, defaults.firstDay(), daily,
                false);
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("generate takes no file arguments");
        }
        Manifest manifest = new SampleGenerator(options).generate(outDir);
        out.printf("wrote %d stores to %s (manifest: %s)%n", manifest.stores().size(), outDir, outDir.resolve("manifest.json"));
        for (StoreSample store : manifest.stores()) {
            out.printf("  %s/%s: %d files, %d planted anomalies, %d files that must be rejected%n",
                    store.tenant(), store.store(), store.files().size(), store.anomalies().size(), store.rejectedFiles().size());
            out.printf("    ./recon reconcile --tenant %s --store %s --config %s --out out/%s-%s %s%n",
                    store.tenant(), store.store(), store.dir().resolve("config.json"), store.tenant(), store.store(), store.dir());
        }
        return Main.OK;
    }
}
