package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.FileDays;
import recon.domain.StoreConfig;
import recon.port.StoreDays;
import recon.port.StoreRef;
import recon.report.ReportFiles;

/** Uploads every morning: a report object is written when its content changes, and only then. */
class ReportRewritesTest {
    private static final StoreRef STORE = new StoreRef("t1", "s1");

    /** One day's Alipay ledger: a payment of 199.00 per day, the balance going on from the day before. */
    private static byte[] ledgerOf(int day) {
        String date = "2026年11月%02d日".formatted(day);
        return ("#支付宝账务明细查询\r\n#账号：[2088102177400456]\r\n"
                + "#起始日期：[" + date + " 00:00:00]   终止日期：[" + date + " 23:59:59]\r\n"
                + "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注\r\n"
                + "202611%02d000001,,T200P35534980174480%02d,宝贝,2026-11-%02d 13:00:00,,199.00,,%d.00,支付宝,交易付款,\r\n"
                        .formatted(day, day, day, 199 * day))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> writtenUnder(Pipeline pipeline, String folder) {
        return pipeline.blobs.written.stream().filter(key -> key.startsWith(STORE.prefix() + "reports/" + folder + "/")).toList();
    }

    @Test
    void theNextMorningsLedgerWritesItsDayAndTheMonthAndLeavesTheDayBefore() {
        // given the ledger of 2 November reported
        Pipeline pipeline = new Pipeline();
        pipeline.run(List.of(pipeline.put(STORE.prefix() + "inbox/1102.csv", ledgerOf(2))));
        assertThat(writtenUnder(pipeline, "2026-11-02")).hasSize(4);
        String dayBefore = pipeline.text(STORE.prefix() + "reports/2026-11-02/summary.json");
        pipeline.blobs.written.clear();

        // when the next morning's upload brings 3 November
        pipeline.run(List.of(pipeline.put(STORE.prefix() + "inbox/1103.csv", ledgerOf(3))));

        // then its day and the month are written, the day before is not: no file of it changed
        assertThat(writtenUnder(pipeline, "2026-11-03")).hasSize(4);
        assertThat(writtenUnder(pipeline, "2026-11")).isNotEmpty();
        assertThat(writtenUnder(pipeline, "2026-11-02")).isEmpty();
        assertThat(pipeline.text(STORE.prefix() + "reports/2026-11-02/summary.json")).isEqualTo(dayBefore).doesNotContain("1103.csv");
        assertThat(pipeline.text(STORE.prefix() + "reports/2026-11-03/summary.json")).contains("1103.csv").doesNotContain("1102.csv");
        assertThat(pipeline.text(STORE.prefix() + "reports/2026-11/summary.json")).contains("1102.csv", "1103.csv");
    }

    @Test
    void offlineEachDayFolderListsTheFilesOfItsDayAndTheRunsSummaryListsThemAll(@TempDir Path out) throws IOException {
        ReconcileFiles.Result result = ReconcileFiles.run("t1", "s1", List.of(
                new ReconcileFiles.Input("1102.csv", () -> new ByteArrayInputStream(ledgerOf(2))),
                new ReconcileFiles.Input("1103.csv", () -> new ByteArrayInputStream(ledgerOf(3)))), StoreConfig.DEFAULT, file -> {});

        assertThat(result.fileDays()).extracting(FileDays::first, FileDays::last).containsExactly(
                tuple(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2)), tuple(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3)));
        ReportFiles.write(out, "t1", "s1", StoreConfig.DEFAULT, result.fileDays(), result.records(), result.reconciliation(),
                EnumSet.of(ReportFiles.Format.JSON));
        assertThat(Files.readString(out.resolve("reports/2026-11-02/summary.json"))).contains("1102.csv").doesNotContain("1103.csv");
        assertThat(Files.readString(out.resolve("reports/2026-11/summary.json"))).contains("1102.csv", "1103.csv");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("1102.csv", "1103.csv");
    }

    @Test
    void reportingTheSameDaysAgainWritesOnlyAnObjectWhoseContentIsNotTheOneStored() {
        // given two days reported
        Pipeline pipeline = new Pipeline();
        pipeline.run(List.of(pipeline.put(STORE.prefix() + "inbox/1102.csv", ledgerOf(2)),
                pipeline.put(STORE.prefix() + "inbox/1103.csv", ledgerOf(3))));
        TreeSet<LocalDate> days = new TreeSet<>(List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3)));
        assertThat(pipeline.blobs.written).hasSize(3 * 4);
        pipeline.blobs.written.clear();

        // when the same days are reported again
        pipeline.report.write(new StoreDays(STORE, days));

        // then nothing is written
        assertThat(pipeline.blobs.written).isEmpty();

        // and when one stored object is not what the report says now, that object alone is written
        String workbook = STORE.prefix() + "reports/2026-11-03/report.xlsx";
        pipeline.blobs.fingerprints.put(workbook, "written by an earlier version");
        pipeline.report.write(new StoreDays(STORE, days));
        assertThat(pipeline.blobs.written).containsExactly(workbook);
    }
}
