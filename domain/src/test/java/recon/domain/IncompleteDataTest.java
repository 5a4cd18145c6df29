package recon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of the banner that says a reconciliation lacks files or exports. */
class IncompleteDataTest {
    private static final FileOutcome ACCEPTED = FileOutcome.accepted("账务明细.csv", FileKind.ALIPAY_LEDGER, 120);

    @Test
    void namesEachRefusedFileWithItsErrorAndEachMissingExportWithItsDays() {
        IncompleteData incomplete = IncompleteData.of(
                List.of(ACCEPTED, FileOutcome.rejected("订单.csv", FileKind.TMALL_ORDERS, 3, "订单状态 \"已发货吧\" 无法识别")),
                List.of(new Waiting(FileKind.TMALL_ORDERS, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                        new Waiting(FileKind.ALIPAY_LEDGER, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3))));

        assertThat(incomplete.isComplete()).isFalse();
        assertThat(incomplete.text()).isEqualTo("数据不完整：1 个文件被拒收（订单.csv：第 3 行：订单状态 \"已发货吧\" 无法识别）；"
                + "请重新下载该导出文件后上传，不要用 Excel 另存。缺少 天猫订单报表 2026-10-01 至 2026-10-31、支付宝账务明细 2026-11-03，"
                + "请补充上传。对账结果可能不完整。");
        assertThat(incomplete.shortText()).isEqualTo("数据不完整：1个文件被拒收、缺2份导出");
    }

    @Test
    void namesFiveRefusedFilesAndMissingExportsAndCountsTheRest() {
        List<FileOutcome> rejected = new ArrayList<>();
        List<Waiting> missing = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rejected.add(FileOutcome.rejected("坏" + i + ".csv", FileKind.UNKNOWN, 1, "无法识别的文件表头"));
            missing.add(new Waiting(FileKind.ALIPAY_LEDGER, LocalDate.of(2026, 11, 2 * i), LocalDate.of(2026, 11, 2 * i)));
        }

        String text = IncompleteData.of(rejected, missing).text();

        assertThat(text).isEqualTo("数据不完整：7 个文件被拒收（坏1.csv：第 1 行：无法识别的文件表头；坏2.csv：第 1 行：无法识别的文件表头；"
                + "坏3.csv：第 1 行：无法识别的文件表头；坏4.csv：第 1 行：无法识别的文件表头；坏5.csv：第 1 行：无法识别的文件表头 等 7 个）；"
                + "请重新下载这些导出文件后上传，不要用 Excel 另存。缺少 支付宝账务明细 2026-11-02、支付宝账务明细 2026-11-04、"
                + "支付宝账务明细 2026-11-06、支付宝账务明细 2026-11-08、支付宝账务明细 2026-11-10 等 7 项，请补充上传。对账结果可能不完整。");
    }

    @Test
    void acceptedFilesAndNoMissingExportAreCompleteAndSayNothing() {
        IncompleteData complete = IncompleteData.of(List.of(ACCEPTED), List.of());

        assertThat(complete.isComplete()).isTrue();
        assertThat(complete.text()).isEmpty();
        assertThat(complete.shortText()).isEmpty();
    }
}
