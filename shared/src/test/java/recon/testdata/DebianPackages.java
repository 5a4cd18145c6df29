package recon.testdata;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Programs the integration tests need from Debian's packages (a browser, an office suite), installed where missing. */
public final class DebianPackages {
    private static final long INSTALL_MINUTES = 15;

    private DebianPackages() {}

    /** Installs the package with apt-get; fails the test, with apt's output, when that fails. */
    public static void install(String pkg) throws IOException, InterruptedException {
        String update = run(List.of("apt-get", "update"));
        String install = run(List.of("apt-get", "install", "-y", pkg));
        if (update != null && install != null) {
            return;
        }
        fail("could not install " + pkg + " with apt-get:\n" + update + "\n" + install);
    }

    /** The command's output when it exits 0 in time, else null. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("recon-apt", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return null;
            }
            return process.exitValue() == 0 ? Files.readString(log) : null;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
