package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.Resolution;
import recon.domain.Times;
import recon.testdata.TestTimes;

/** Resolutions files: what an accountant decided, as a CSV or as the 异常 sheet of a workbook sent back. */
class ResolutionFileTest {
    private static final String HEADER = "异常编号,日期,异常类型,状态,店铺,处理结果,处理说明,处理人,处理时间\r\n";

    private static Collected csv(String rows) {
        return Collected.ingest("处理结果.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDecidedRowsAndSkipsTheOthers() {
        Collected got = csv("""
                0123456789abcdef,2026-11-02,结算金额不符,待处理,t1/s1,已核销,平台已补款,王会计,2026-11-20 10:02:00\r
                1111111111111111,2026-11-03,未结算,待处理,t1/s1,,,,\r
                2222222222222222,2026-11-04,佣金与合同不符,待处理,t1/s1,申诉中,,李会计,\r
                """);

        assertThat(got.outcomes).singleElement().satisfies(o -> {
            assertThat(o.accepted()).isTrue();
            assertThat(o.kind()).isEqualTo(FileKind.RESOLUTIONS);
            assertThat(o.rows()).isEqualTo(3);
        });
        assertThat(got.resolutions).extracting(Resolution::anomalyId, Resolution::action, Resolution::note,
                Resolution::by, Resolution::at, Resolution::store, Resolution::source, Resolution::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0123456789abcdef", Resolution.Action.RESOLVED, "平台已补款", "王会计",
                                TestTimes.time("2026-11-20 10:02:00"), "t1/s1", "处理结果.csv", 2),
                        org.assertj.core.groups.Tuple.tuple("2222222222222222", Resolution.Action.DISPUTED, "", "李会计",
                                Times.NONE, "t1/s1", "处理结果.csv", 4));
        assertThat(got.resolutions).extracting(Resolution::sourceHash).containsOnly(got.resolutions.get(0).sourceHash())
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{16}"));
    }

    @Test
    void theSameRowsGiveTheSameHashAndAnotherDecisionAnotherOne() {
        String row = "0123456789abcdef,2026-11-02,结算金额不符,待处理,t1/s1,强制核销,差额不追,王会计,\r\n";

        String once = csv(row).resolutions.get(0).sourceHash();
        String again = csv(row).resolutions.get(0).sourceHash();
        String other = csv(row.replace("差额不追", "平台不补")).resolutions.get(0).sourceHash();

        assertThat(again).isEqualTo(once);
        assertThat(other).isNotEqualTo(once);
    }

    @Test
    void aRowThatCannotBeRightRejectsTheWholeFileOnItsLine() {
        assertThat(csv("0123456789abcdef,,,,,已核销,,王会计,\r\n").outcomes.get(0).error())
                .isEqualTo("第 2 行：已核销需要填写处理说明（说明差异的原因）");
        assertThat(csv("0123456789abcdef,,,,,已处理,好了,,\r\n").outcomes.get(0).error())
                .isEqualTo("第 2 行：处理结果 \"已处理\" 无法识别，只能填写：已核销、强制核销、申诉中、重新打开");
        assertThat(csv("1111111111111111,,,,,,,,\r\n3.55349801744800E+18,,,,,申诉中,,,\r\n").outcomes.get(0).error())
                .startsWith("第 3 行：异常编号 ");
        assertThat(csv("0123456789abcdef,,,,,强制核销," + "长".repeat(201) + ",,\r\n").outcomes.get(0).error())
                .isEqualTo("第 2 行：处理说明最多 200 个字");
        assertThat(csv("0123456789abcdef,,,,,申诉中,,,昨天\r\n").outcomes.get(0).error())
                .startsWith("第 2 行：处理时间 \"昨天\" 不是有效时间");
        assertThat(csv("0123456789abcdef,,,,,申诉中,,,昨天\r\n").resolutions).isEmpty();
    }

    @Test
    void aWorkbookIsReadFromItsAnomalySheetNeverFromItsFirst() throws IOException {
        // a workbook written by POI, as Excel would save a report filled in: 汇总 first, then 异常
        var out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet summary = workbook.createSheet("汇总");
            summary.createRow(0).createCell(0).setCellValue("天猫对账报告  t1 / s1");
            XSSFSheet anomalies = workbook.createSheet(FileIngest.RESOLUTIONS_SHEET);
            String[] header = {"异常编号", "日期", "订单编号", "店铺", "处理结果", "处理说明", "处理人"};
            var head = anomalies.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            var row = anomalies.createRow(1);
            row.createCell(0).setCellValue("0123456789abcdef");
            row.createCell(1).setCellValue("2026-11-02");
            row.createCell(2).setCellValue("3553498017448001");
            row.createCell(3).setCellValue("t1/s1");
            row.createCell(4).setCellValue("已核销");
            row.createCell(5).setCellValue("平台已补款");
            row.createCell(6).setCellValue("王会计");
            workbook.write(out);
        }

        Collected got = Collected.ingest("report.xlsx", out.toByteArray());

        assertThat(got.outcomes).singleElement().satisfies(o -> assertThat(o.kind()).isEqualTo(FileKind.RESOLUTIONS));
        assertThat(got.resolutions).singleElement().satisfies(r -> {
            assertThat(r.anomalyId()).isEqualTo("0123456789abcdef");
            assertThat(r.action()).isEqualTo(Resolution.Action.RESOLVED);
            assertThat(r.source()).isEqualTo("report.xlsx");
        });
    }
}
