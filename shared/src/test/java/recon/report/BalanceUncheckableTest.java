package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.StoreConfig;
import recon.usecase.ReconcileFiles;

/** A ledger without its 账户余额 column is read whole, and its reports say the balance cannot be checked. */
class BalanceUncheckableTest {
    private static final String LEDGER = "#支付宝账务明细查询\r\n#账号：[2088102177400456]\r\n"
            + "#起始日期：[2026年11月01日 00:00:00]   终止日期：[2026年11月30日 23:59:59]\r\n"
            + "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,交易渠道,业务类型,备注\r\n"
            + "20261105000001,,T200P3553498017448001,宝贝,2026-11-05 13:00:00,,199.00,,支付宝,交易付款,\r\n"
            + "20261105000002,,,提现,2026-11-05 22:00:00,,,150.00,支付宝,提现,\r\n";

    @Test
    void theBalanceSectionSaysItCannotBeCheckedAndStillGivesIncomeAndExpense(@TempDir Path out) throws IOException {
        ReconcileFiles.Result result = ReconcileFiles.run("t1", "s1", List.of(new ReconcileFiles.Input("账务明细.csv",
                () -> new ByteArrayInputStream(LEDGER.getBytes(StandardCharsets.UTF_8)))), StoreConfig.DEFAULT, file -> {});
        assertThat(result.allAccepted()).isTrue();

        ReportFiles.write(out, "t1", "s1", StoreConfig.DEFAULT, result.fileDays(), result.records(), result.reconciliation(),
                EnumSet.allOf(ReportFiles.Format.class));

        String page = Files.readString(out.resolve("reports/2026-11-05/report.html"));
        String said = "余额无法核对：本期 2 笔支付宝账务明细中有 2 笔没有账户余额（导出文件没有该列），收支已计入，余额不能核对";
        assertThat(page).contains(said).doesNotContain("本期没有账务明细", "✓ 平衡", "✗ 不平衡");
        assertThat(page).contains("199.00", "150.00");
        try (InputStream in = Files.newInputStream(out.resolve("reports/2026-11/report.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet summary = workbook.getSheet(ReportWorkbook.SUMMARY);
            String verdict = null;
            for (Row row : summary) {
                if (row.getCell(0) != null && "结论".equals(row.getCell(0).getStringCellValue())) {
                    verdict = row.getCell(1).getStringCellValue();
                }
            }
            assertThat(verdict).isEqualTo(said);
        }
    }

    @Test
    void aPeriodWhoseLinesAllStateTheirBalanceIsChecked() {
        BalanceCheck stated = new BalanceCheck(100_00L, 50_00, 30_00, 120_00L, 3, 0);
        BalanceCheck partly = new BalanceCheck(100_00L, 50_00, 30_00, 120_00L, 3, 1);
        BalanceCheck none = new BalanceCheck(null, 0, 0, null, 0, 0);

        assertThat(stated.checkable()).isTrue();
        assertThat(stated.uncheckable()).isNull();
        assertThat(stated.balanced(0)).isTrue();
        assertThat(partly.checkable()).isFalse();
        assertThat(partly.differenceFen()).isZero();
        assertThat(partly.uncheckable()).contains("3 笔支付宝账务明细中有 1 笔没有账户余额");
        assertThat(none.hasLines()).isFalse();
        assertThat(none.uncheckable()).isNull();
    }
}
