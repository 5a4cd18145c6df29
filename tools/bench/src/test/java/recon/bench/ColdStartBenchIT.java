package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import recon.cli.Main;

/**
 * The Lambda jars as they are deployed: each shaded (and minimized) jar, alone on a new JVM's class
 * path, builds its handler and handles its first event against the emulator without a failed message,
 * then runs the handler's SnapStart priming. The other tests run the handlers from the modules' classes;
 * only this one runs what is deployed.
 */
class ColdStartBenchIT {
    @Test
    void eachLambdaJarHandlesItsFirstEventAndPrimesOnItsOwn() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exit = new ColdStartBench(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--runs", "1"));

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.OK);
        for (String function : ColdStartBench.FUNCTIONS) {
            assertThat(table).containsPattern("\\| " + function + " \\| \\d+\\.\\d \\| \\d+ \\|");
        }
    }
}
