package recon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import recon.domain.FileKind;
import recon.port.CoveredDays;
import recon.port.DayRange;
import recon.port.FileEntry;
import recon.port.StoreDays;
import recon.port.StoreRef;

/** {@code ./recon replay}: what it accepts on the command line and what it asks to be matched. */
class ReplayCommandTest {
    private static final StoreRef STORE = new StoreRef("t1", "s1");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the command with no stack in the environment: only argument checks can pass. */
    private int replay(Map<String, String> environment, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            return new ReplayCommand(o, e, environment, null).run(List.of(args));
        } catch (Args.UsageException usage) {
            e.println("recon: " + usage.getMessage());
            return Main.USAGE;
        }
    }

    @Test
    void acceptsTenantStoreDayAndLocal() {
        // when
        ReplayCommand.Request request = ReplayCommand.parse(List.of("--tenant", "t-1", "--store", "shop-9", "--day", "2026-11-02", "--local"));

        // then
        assertThat(request).isEqualTo(new ReplayCommand.Request(new StoreRef("t-1", "shop-9"), LocalDate.of(2026, 11, 2), true, null));
    }

    @Test
    void withoutDayOrLocalReplaysEveryDayThroughTheDeployedFunctions() {
        ReplayCommand.Request request = ReplayCommand.parse(List.of("--store", "s1", "--tenant", "t1"));

        assertThat(request).isEqualTo(new ReplayCommand.Request(STORE, null, false, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1", "t_1", "../t1", "t1/s1", "", "a-very-long-tenant-id-that-goes-beyond-sixty-four-characters-in-all-x"})
    void rejectsTenantIdsOutsideTheKeyAlphabet(String tenant) {
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--tenant", tenant, "--store", "s1")))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--tenant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"S1", "s 1", "s1%2F..", "店铺"})
    void rejectsStoreIdsOutsideTheKeyAlphabet(String store) {
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--tenant", "t1", "--store", store)))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-11-2", "20261102", "2026/11/02", "yesterday", "+2026-11-02"})
    void rejectsDaysThatAreNotCalendarDaysAsYearMonthDay(String day) {
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--tenant", "t1", "--store", "s1", "--day", day)))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--day");
    }

    @Test
    void requiresTenantAndStore() {
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--tenant", "t1")))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--store is required");
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--store", "s1")))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--tenant is required");
    }

    @Test
    void rejectsUnknownOptionsAndFiles() {
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--tenant", "t1", "--store", "s1", "--days", "7")))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--days");
        assertThatThrownBy(() -> ReplayCommand.parse(List.of("--tenant", "t1", "--store", "s1", "export.csv")))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("export.csv");
    }

    @Test
    void usageErrorsExitWithTwoAndTheUsageText() {
        // given an upper-case tenant
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        // when
        int exit = Main.run(List.of("replay", "--tenant", "T1", "--store", "s1"),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        // then
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--tenant 只能由 1 到 64 个小写字母", "must be 1-64 characters")
                .contains("./recon replay --tenant T --store S").as("that command's usage alone").doesNotContain("./recon reconcile");
    }

    @Test
    void namesEveryMissingEnvironmentVariableBeforeTouchingAnyQueue() {
        // given only the table named
        int exit = replay(Map.of("TABLE_NAME", "recon-dev-records"), "--tenant", "t1", "--store", "s1");

        // then it is a usage error listing what the operator must still set
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("INGEST_QUEUE_URL", "MATCH_QUEUE_URL", "REPORT_QUEUE_URL",
                "INGEST_DLQ_URL", "MATCH_DLQ_URL", "REPORT_DLQ_URL").doesNotContain("TABLE_NAME");
    }

    @Test
    void aNamedStackFillsInWhatTheEnvironmentDoesNotSet() {
        // given a stack whose outputs name the table and the ingest queues only
        Map<String, String> outputs = Map.of("TableName", "recon-dev-records", "IngestQueueUrl", "https://sqs/ingest",
                "IngestDeadLetterQueueUrl", "https://sqs/ingest-dlq", "AlarmsTopicArn", "arn:aws:sns:alarms");
        List<String> asked = new java.util.ArrayList<>();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        // when
        int exit = Main.guarded("replay", new PrintStream(out, true, StandardCharsets.UTF_8), e,
                () -> new ReplayCommand(new PrintStream(out), e, Map.of("MATCH_QUEUE_URL", "https://sqs/match"), null,
                        stack -> {
                            asked.add(stack);
                            return outputs;
                        }).run(List.of("--tenant", "t1", "--store", "s1", "--stack", "recon-dev")));

        // then only what neither gave is missing
        assertThat(asked).containsExactly("recon-dev");
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("REPORT_QUEUE_URL", "MATCH_DLQ_URL", "REPORT_DLQ_URL")
                .doesNotContain("TABLE_NAME", "INGEST_QUEUE_URL", "INGEST_DLQ_URL", "MATCH_QUEUE_URL,");
    }

    @Test
    void everyOutputReplayReadsIsOneTheTemplateDeclares() {
        List<String> declared = new java.util.ArrayList<>();
        recon.cli.template.RepositoryTemplate.read().path("Outputs").fieldNames().forEachRemaining(declared::add);

        assertThat(declared).containsAll(StackOutputs.VARIABLES.keySet());
    }

    @Test
    void localRunsOnlyAgainstAnEmulator() {
        // given the whole deployed stack named, but no emulator endpoint
        Map<String, String> deployed = Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b", "ALERT_TOPIC_ARN", "arn:aws:sns:x:1:a",
                "INGEST_QUEUE_URL", "q1", "MATCH_QUEUE_URL", "q2", "REPORT_QUEUE_URL", "q3",
                "INGEST_DLQ_URL", "d1", "MATCH_DLQ_URL", "d2", "REPORT_DLQ_URL", "d3");

        // when
        int exit = replay(deployed, "--tenant", "t1", "--store", "s1", "--local");

        // then
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("AWS_ENDPOINT_URL", "emulator");
    }

    @Test
    void aGivenDayIsOneRequest() {
        List<StoreDays> requests = ReplayCommand.requests(new ReplayCommand.Request(STORE, LocalDate.of(2026, 11, 2), false, null), List.of());

        assertThat(requests).singleElement().satisfies(r -> assertThat(r.days()).containsExactly(LocalDate.of(2026, 11, 2)));
    }

    @Test
    void withoutADayEveryDayOfTheProcessedFilesIsRequestedOneMonthPerRequest() {
        // given a ledger covering 28 Oct - 3 Nov, orders of 1-5 Nov, a rejected file and one still processing
        List<FileEntry> files = List.of(
                entry("ledger", FileEntry.Status.DONE, List.of(range(10, 28, 11, 3)), range(10, 29, 11, 3)),
                entry("orders", FileEntry.Status.DONE, List.of(), range(11, 1, 11, 5)),
                entry("broken", FileEntry.Status.DONE, List.of(), null),
                entry("late", FileEntry.Status.PROCESSING, List.of(), range(12, 1, 12, 9)));

        // when
        List<StoreDays> requests = ReplayCommand.requests(new ReplayCommand.Request(STORE, null, false, null), files);

        // then October's four days, then November's five; nothing of the file not yet processed
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).days()).containsExactly(day(10, 28), day(10, 29), day(10, 30), day(10, 31));
        assertThat(requests.get(1).days()).containsExactly(day(11, 1), day(11, 2), day(11, 3), day(11, 4), day(11, 5));
        assertThat(requests).allSatisfy(r -> assertThat(r.store()).isEqualTo(STORE));
    }

    @Test
    void aStoreWithoutProcessedFilesHasNothingToRequest() {
        assertThat(ReplayCommand.requests(new ReplayCommand.Request(STORE, null, false, null), List.of())).isEmpty();
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static DayRange range(int firstMonth, int firstDay, int lastMonth, int lastDay) {
        return new DayRange(day(firstMonth, firstDay), day(lastMonth, lastDay));
    }

    private static FileEntry entry(String name, FileEntry.Status status, List<DayRange> coverage, DayRange recordDays) {
        return new FileEntry(STORE, name, name + ".csv", STORE.prefix() + "inbox/" + name + ".csv", status, List.of(),
                coverage.stream().map(c -> new CoveredDays(FileKind.ALIPAY_LEDGER, c.first(), c.last())).toList(), recordDays,
                Instant.parse("2026-11-06T00:00:00Z"));
    }
}
