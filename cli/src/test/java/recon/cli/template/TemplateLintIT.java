package recon.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * template.yaml passes the two checkers AWS provides, the versions pinned in tools/requirements.txt,
 * installed into the project's .venv by tools/venv.sh. Both run offline and without credentials.
 */
class TemplateLintIT {
    private static final Path ROOT = RepositoryTemplate.repositoryRoot();

    @Test
    void cfnLintFindsNoErrorOrWarning() throws Exception {
        // when
        Run lint = run(Duration.ofMinutes(2), venv().resolve("bin/cfn-lint").toString(), "template.yaml");

        // then (exit status 0: no error, no warning; informational findings are not shown by default)
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    @Test
    void samValidateWithLintAcceptsTheTemplate() throws Exception {
        // when
        Run validate = run(Duration.ofMinutes(2), venv().resolve("bin/sam").toString(),
                "validate", "--lint", "--template-file", "template.yaml", "--region", "us-east-1");

        // then
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("is a valid SAM Template");
    }

    private static Path venv() throws Exception {
        // installs the tools on the first call only (about a minute), later calls return at once
        Run venv = run(Duration.ofMinutes(10), ROOT.resolve("tools/venv.sh").toString());
        assertThat(venv.exitCode()).as(venv.output()).isZero();
        return Path.of(venv.output().strip().lines().reduce((first, last) -> last).orElseThrow());
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("template-check", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("SAM_CLI_TELEMETRY", "0");
            builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
