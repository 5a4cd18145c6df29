package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.Times;

/** The invoice register (开票记录): blue and red invoices, their states, as a tax tool or a spreadsheet writes them. */
class InvoiceRegisterTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "订单编号,发票代码,发票号码,开票日期,发票类型,价税合计(元),税额,税率,发票状态,冲红原因,购方名称";

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static long at(String local) {
        return Times.of(LocalDateTime.parse(local));
    }

    @Test
    void readsBlueRedVoidAndOlderInvoicesWithTheUsualSpreadsheetTraps() {
        // given: ="…" and tab-padded ids, a red invoice written with its sign and one written by its type alone
        String file = csv(HEADER,
                "=\"3553498017448001\",,=\"26442000000000000001\",2026-11-08,蓝字,\"1,199.00\",137.94,13%,已红冲,,某某科技有限公司",
                "3553498017448001\t,,26442000000000000002,2026-11-12 10:30:00,红字,-1199.00,-137.94,13%,已开票,02,某某科技有限公司",
                "3553498017448002,,26442000000000000003,2026/11/20,红字,50.00,5.75,13%,已开票,01,",
                "3553498017448003,044001900111,12345678,2026-11-21,增值税普通发票,88.00,10.12,13%,已作废,,张三",
                "-,,26442000000000000004,2026-11-25,,10.00,1.15,13%,,,");

        // when
        Collected got = Collected.ingest("开票记录.csv", file, GBK);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.INVOICES);
        assertThat(got.invoices).containsExactly(
                new Invoice("26442000000000000001", "3553498017448001", 119_900, false, InvoiceStatus.REVERSED,
                        at("2026-11-08T00:00:00"), "", true),
                new Invoice("26442000000000000002", "3553498017448001", -119_900, true, InvoiceStatus.ISSUED,
                        at("2026-11-12T10:30:00"), "02", true),
                new Invoice("26442000000000000003", "3553498017448002", -5_000, true, InvoiceStatus.ISSUED,
                        at("2026-11-20T00:00:00"), "01", false),
                new Invoice("044001900111-12345678", "3553498017448003", 8_800, false, InvoiceStatus.VOID,
                        at("2026-11-21T00:00:00"), "", true),
                new Invoice("26442000000000000004", "", 1_000, false, InvoiceStatus.ISSUED,
                        at("2026-11-25T00:00:00"), "", false));
        assertThat(got.reportSpans).as("from the first invoice to the last")
                .containsExactly("INVOICES 2026-11-08..2026-11-25");
    }

    @Test
    void aStatedPeriodIsWhatTheRegisterCovers() {
        String file = csv("#开票记录", "#起始日期：[2026年11月01日 00:00:00]   终止日期：[2026年11月30日 23:59:59]",
                "订单编号,发票号码,开票日期,开票金额", "3553498017448001,26442000000000000001,2026-11-08,199.00");

        Collected got = Collected.ingest("开票记录.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.reportSpans).containsExactly("INVOICES 2026-11-01..2026-11-30");
    }

    @Test
    void aPoiWrittenWorkbookIsReadAndAnInvoiceNumberExcelMadeANumberIsRefused() throws IOException {
        byte[] good = workbook("26442000000000000001");
        Collected got = Collected.ingest("开票记录.xlsx", good);
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.invoices).containsExactly(new Invoice("26442000000000000001", "3553498017448001", 19_900, false,
                InvoiceStatus.ISSUED, at("2026-11-08T09:15:00"), "", true));

        Collected mangled = Collected.ingest("开票记录.xlsx", workbook(null));
        assertThat(mangled.outcome().accepted()).isFalse();
        assertThat(mangled.outcome().error()).startsWith("第 2 行：发票号码 \"2.6442").endsWith("已被 Excel 改成科学计数法，无法还原");
    }

    /** A register re-saved by a spreadsheet: a real date, a number; the invoice number as text, or (null) as Excel keeps a number. */
    private static byte[] workbook(String invoiceNumberText) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("开票记录");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            String[] header = {"订单编号", "发票号码", "开票日期", "发票类型", "开票金额", "发票状态", "购方名称"};
            XSSFRow top = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                top.createCell(i).setCellValue(header[i]);
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("3553498017448001");
            if (invoiceNumberText == null) {
                row.createCell(1).setCellValue(26442000000000000001.0);
            } else {
                row.createCell(1).setCellValue(invoiceNumberText);
            }
            row.createCell(2).setCellValue(LocalDateTime.of(2026, 11, 8, 9, 15));
            row.getCell(2).setCellStyle(dateStyle);
            row.createCell(3).setCellValue("蓝字");
            row.createCell(4).setCellValue(199.0);
            row.createCell(5).setCellValue("已开票");
            row.createCell(6).setCellValue("某某科技有限公司");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aRegisterInsideAZipBesideTheOrderReportIsReadAsItsOwnKind() {
        String orders = csv("订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间,发票抬头",
                "3553498017448001,199.00,交易成功,2026-11-02 09:00:00,2026-11-02 09:01:00,某某科技有限公司");
        String register = csv("订单编号,发票号码,开票日期,开票金额", "3553498017448001,26442000000000000001,2026-11-08,199.00");
        byte[] zip = Fixtures.zip(GBK, "订单.csv", orders.getBytes(GBK), "发票.csv", register.getBytes(GBK));

        Collected got = Collected.ingest("导出.zip", zip);

        assertThat(got.outcomes).extracting(o -> o.kind(), o -> o.accepted())
                .containsExactly(tuple(FileKind.TMALL_ORDERS, true),
                        tuple(FileKind.INVOICES, true));
        assertThat(got.orders).singleElement().satisfies(o -> assertThat(o.invoiceRequested()).isTrue());
        assertThat(got.invoices).hasSize(1);
    }

    @Test
    void whatCannotBeReadRejectsTheWholeRegisterOnItsLineAndNothingIsGuessed() {
        assertThat(error("3553498017448001,,12345678,2026-11-08,蓝字,199.00,,,已开票,,"))
                .isEqualTo("第 2 行：发票号码 \"12345678\" 只有 8 位，需要同时有发票代码才能区分发票");
        assertThat(error("3553498017448001,,26442000000000000001,2026-11-08,蓝字,-199.00,,,已开票,,"))
                .isEqualTo("第 2 行：蓝字发票的开票金额不应为负数：\"-199.00\"");
        assertThat(error("3553498017448001,,26442000000000000001,2026-11-08,蓝字,199.00,,,开票中,,"))
                .isEqualTo("第 2 行：发票状态 \"开票中\" 无法识别（应为 已开票、已红冲 或 已作废）");
        assertThat(error("3.5535E+15,,26442000000000000001,2026-11-08,蓝字,199.00,,,已开票,,"))
                .isEqualTo("第 2 行：订单编号 \"3.5535E+15\" 已被 Excel 改成科学计数法，无法还原");
        assertThat(error("3553498017448001,,26442000000000000001,,蓝字,199.00,,,已开票,,")).isEqualTo("第 2 行：缺少开票日期");
    }

    private static String error(String row) {
        Collected got = Collected.ingest("开票记录.csv", csv(HEADER, row), UTF_8);
        assertThat(got.outcome().accepted()).isFalse();
        return got.outcome().error();
    }

    @Test
    void aHeaderMissingTheDateIsNamedAsARegisterMissingThatColumn() {
        Collected got = Collected.ingest("开票记录.csv", csv("订单编号,发票号码,开票金额", "3553498017448001,26442000000000000001,199.00"), UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 1 行：表头像是开票记录，但缺少必需的列：开票日期");
    }
}
