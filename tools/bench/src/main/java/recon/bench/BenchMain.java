package recon.bench;

import java.util.List;
import recon.cli.Main;

/** {@code ./recon bench …}: the launcher runs this jar's main with the arguments after {@code bench}. */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(Main.guarded("bench", System.err, () -> new BenchCommand(System.out, System.err).run(List.of(args))));
    }
}
