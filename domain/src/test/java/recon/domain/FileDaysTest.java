package recon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileDaysTest {
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    private static final FileOutcome LEDGER = FileOutcome.accepted("支付宝.csv", FileKind.ALIPAY_LEDGER, 10);

    @Test
    void anExportIsListedInTheFoldersOfItsDaysOnly() {
        FileDays ledger = FileDays.of(LEDGER, NOV_2, NOV_4);

        assertThat(ledger.listedIn(Period.day(NOV_2))).isTrue();
        assertThat(ledger.listedIn(Period.day(NOV_4))).isTrue();
        assertThat(ledger.listedIn(Period.day(NOV_4.plusDays(1)))).isFalse();
        assertThat(ledger.listedIn(Period.day(NOV_2.minusDays(1)))).isFalse();
        assertThat(ledger.listedIn(Period.month(YearMonth.of(2026, 11)))).isTrue();
        assertThat(ledger.listedIn(Period.month(YearMonth.of(2026, 10)))).isFalse();
    }

    @Test
    void aRefusedSkippedOrResolutionsFileOrOneOfNoKnownDayIsListedEverywhere() {
        List<FileDays> files = List.of(
                FileDays.of(FileOutcome.rejected("订单.csv", FileKind.TMALL_ORDERS, 3, "坏"), NOV_2, NOV_2),
                FileDays.of(FileOutcome.skipped("说明.txt", "不是导出文件"), NOV_2, NOV_2),
                FileDays.of(FileOutcome.accepted("处理结果.xlsx", FileKind.RESOLUTIONS, 4), NOV_2, NOV_2),
                FileDays.of(FileOutcome.accepted("空.csv", FileKind.TMALL_ORDERS, 0), null, null),
                FileDays.of(LEDGER, NOV_2, NOV_2));

        assertThat(FileDays.listedIn(files, Period.day(NOV_4))).extracting(FileOutcome::name)
                .containsExactly("订单.csv", "说明.txt", "处理结果.xlsx", "空.csv");
        assertThat(FileDays.listedIn(files, Period.day(NOV_2))).hasSize(5);
        assertThat(FileDays.outcomes(files)).hasSize(5);
    }

    @Test
    void theTrackerNotesTheDaysAFileCoversAndPassesThemOn() {
        List<String> passed = new ArrayList<>();
        FileDays.Tracker tracker = new FileDays.Tracker(new RecordSink() {
            @Override
            public void order(Order order) {}

            @Override
            public void ledgerLine(LedgerLine line) {}

            @Override
            public void refund(Refund refund) {}

            @Override
            public void invoice(Invoice invoice) {}

            @Override
            public void resolution(Resolution resolution) {}

            @Override
            public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
                passed.add(firstDay + ".." + lastDay);
            }
        });
        tracker.coverage(FileKind.ALIPAY_LEDGER, NOV_4, NOV_4);
        tracker.coverage(FileKind.ALIPAY_LEDGER, NOV_2, NOV_2);

        assertThat(tracker.of(LEDGER)).isEqualTo(new FileDays(LEDGER, NOV_2, NOV_4));
        assertThat(passed).containsExactly("2026-11-04..2026-11-04", "2026-11-02..2026-11-02");
        assertThat(new FileDays.Tracker(RecordSink.DISCARD).of(LEDGER)).isEqualTo(FileDays.ofNoDay(LEDGER));
    }

    @Test
    void daysGoFromFirstToLast() {
        assertThatThrownBy(() -> new FileDays(LEDGER, NOV_4, NOV_2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileDays(LEDGER, NOV_2, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
