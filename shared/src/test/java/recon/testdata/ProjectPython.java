package recon.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Python scripts of the tests, run in the project's virtualenv (tools/venv.sh) with the packages they need. */
public final class ProjectPython {
    private ProjectPython() {}

    /** The virtualenv's python, with the packages of {@code requirements} (a path from the repository root). */
    public static Path withPackages(String requirements) throws IOException, InterruptedException {
        Path root = repositoryRoot();
        String output = run(List.of("bash", root.resolve("tools/venv.sh").toString(), requirements)).strip();
        String venv = output.lines().reduce((first, next) -> next).orElseThrow();
        return Path.of(venv, "bin", "python");
    }

    /** A script of the test resources ({@code shared/src/test/resources/...}). */
    public static Path script(String path) {
        return repositoryRoot().resolve("shared/src/test/resources").resolve(path);
    }

    /** Runs the command in the repository root, fails the test unless it exits 0 within 10 minutes; its standard output. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("recon-python", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(repositoryRoot().toFile())
                .redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/venv.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no tools/venv.sh above " + Path.of("").toAbsolutePath());
    }
}
