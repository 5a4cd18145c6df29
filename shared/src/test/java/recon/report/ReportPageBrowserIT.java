package recon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import recon.domain.DayFigures;
import recon.testdata.DebianPackages;

/**
 * The HTML report rendered by a real browser (headless Chromium) at a phone's width: the chart is
 * there after rendering, the console stays clean, and a screenshot is left in
 * {@code target/report-screenshot.png} (the month) and {@code target/report-screenshot-day.png} for a
 * person to look at. Chromium is installed when missing; when that fails the test fails.
 */
class ReportPageBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long RENDER_SECONDS = 90;

    private final GeneratedReports reports = GeneratedReports.get();

    @BeforeAll
    static void chromiumIsInstalled() throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            DebianPackages.install("chromium");
        }
        // without a Chinese font the screenshot shows boxes instead of characters (a phone has one)
        if (run(List.of("fc-list", ":lang=zh"), 30).output().isBlank()) {
            DebianPackages.install("fonts-noto-cjk");
        }
        assertThat(CHROMIUM).as("chromium after installing it").isExecutable();
    }

    @Test
    void monthPageRendersItsChartWithoutConsoleErrors() throws IOException, InterruptedException {
        long days = reports.days().stream().filter(d -> d.day().getMonthValue() == 11).count();
        Path page = reports.folder("2026-11").resolve(ReportFiles.HTML);

        String dom = render(page, "--dump-dom").output();
        assertThat(dom).contains("<svg");
        assertThat(ReportPageTest.count(dom, "<rect class=\"bar\"")).isEqualTo(days);
        assertThat(ReportPageTest.points(dom, "refunds")).isEqualTo(days);
        assertThat(ReportPageTest.points(dom, "fees")).isEqualTo(days);

        screenshot(page, Path.of("target", "report-screenshot.png"));
    }

    @Test
    void dayPageRendersWithoutConsoleErrors() throws IOException, InterruptedException {
        DayFigures day = reports.busiestDay();
        long monthToDate = reports.days().stream()
                .filter(d -> d.day().getMonth() == day.day().getMonth() && !d.day().isAfter(day.day())).count();
        Path page = reports.folder(day.day().toString()).resolve(ReportFiles.HTML);

        String dom = render(page, "--dump-dom").output();
        assertThat(ReportPageTest.count(dom, "<rect class=\"bar\"")).isEqualTo(monthToDate);
        assertThat(dom).contains("id=\"balance\"").contains("id=\"largest\"");

        screenshot(page, Path.of("target", "report-screenshot-day.png"));
    }

    private static void screenshot(Path page, Path png) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        Outcome shot = render(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=412,2000",
                "--enable-logging=stderr", "--v=0");
        assertThat(png).as("screenshot").exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        List<String> consoleErrors = shot.output().lines()
                .filter(line -> line.contains("CONSOLE") || line.contains("Uncaught")).toList();
        assertThat(consoleErrors).as("console messages").isEmpty();
    }

    /** Chromium on the page, headless, in a fresh profile, with nothing going to the network. */
    private static Outcome render(Path page, String... options) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("recon-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(List.of(options));
            command.add(page.toUri().toString());
            Outcome outcome = run(command, RENDER_SECONDS);
            assertThat(outcome.exit()).as("chromium exit code; output:\n" + outcome.output()).isZero();
            return outcome;
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Outcome(int exit, String output) {}

    /** Runs a command with its output and errors merged, killed after the time given. */
    private static Outcome run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("recon-process", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            return new Outcome(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
