package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.FileKind;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Times;
import recon.testdata.DebianPackages;
import recon.testdata.ProjectPython;

/**
 * Order reports written as XLSX by tools nobody here wrote, each read exactly: ids as text, money to the fen,
 * times to the second. openpyxl (inline strings, the 1900 and the 1904 date systems, a cover sheet before the
 * table, a merged title row above it) and XlsxWriter (shared strings, constant-memory inline strings,
 * formulas with cached values) run in the project's virtualenv (tools/requirements-writers.txt,
 * shared/src/test/resources/writers/write_workbooks.py); Apache POI (shared strings, and SXSSF's streaming
 * inline strings) runs here; LibreOffice (Debian's, installed where missing) converts the orders from CSV, the order
 * id imported as text and the times as dates, as an accountant would with Calc.
 */
class ForeignXlsxWritersIT {
    /** The three orders every writer writes (write_workbooks.py has the same). */
    private record Expected(String id, long paidFen, OrderStatus status, LocalDateTime created, LocalDateTime paid) {}

    private static final List<Expected> ORDERS = List.of(
            new Expected("3553498017448001", 9950, OrderStatus.SUCCESS, LocalDateTime.of(2026, 11, 2, 10, 11, 12),
                    LocalDateTime.of(2026, 11, 2, 10, 12, 0)),
            new Expected("3553498017448002", 139900, OrderStatus.CLOSED, LocalDateTime.of(2026, 11, 3, 8, 0, 0),
                    LocalDateTime.of(2026, 11, 3, 8, 0, 30)),
            new Expected("3553498017448003", 1990, OrderStatus.SHIPPED, LocalDateTime.of(2026, 11, 4, 23, 59, 59),
                    LocalDateTime.of(2026, 11, 5, 0, 0, 1)));
    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final List<String> HEADER = List.of("订单编号", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间");
    private static final List<String> PYTHON_WRITTEN = List.of("openpyxl.xlsx", "openpyxl-1904.xlsx",
            "openpyxl-cover-sheet.xlsx", "openpyxl-merged-title.xlsx", "xlsxwriter.xlsx", "xlsxwriter-constant-memory.xlsx",
            "xlsxwriter-formulas.xlsx");

    @TempDir
    static Path workbooks;

    @BeforeAll
    static void writeThemWithPython() throws IOException, InterruptedException {
        Path python = ProjectPython.withPackages("tools/requirements-writers.txt");
        ProjectPython.run(List.of(python.toString(), ProjectPython.script("writers/write_workbooks.py").toString(),
                workbooks.toString()));
    }

    @Test
    void everyWorkbookOfOpenpyxlAndXlsxWriterIsReadExactly() throws IOException {
        for (String name : PYTHON_WRITTEN) {
            assertReadExactly(name, Files.readAllBytes(workbooks.resolve(name)));
        }
    }

    @Test
    void aCsvConvertedByLibreOfficeCalcIsReadExactly() throws IOException, InterruptedException {
        if (!Files.isExecutable(SOFFICE)) {
            DebianPackages.install("libreoffice-calc-nogui");
        }
        Path csv = workbooks.resolve("libreoffice.csv");
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append('\n');
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (Expected order : ORDERS) {
            text.append(order.id()).append(',').append(BigDecimal.valueOf(order.paidFen(), 2)).append(',')
                    .append(statusText(order.status())).append(',').append(order.created().format(time)).append(',')
                    .append(order.paid().format(time)).append('\n');
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory(workbooks, "libreoffice-profile");

        // comma-separated, UTF-8 (76), from line 1; column 1 text (2), columns 4 and 5 dates year-month-day (5)
        ProjectPython.run(List.of(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--infilter=CSV:44,34,76,1,1/2/2/1/3/2/4/5/5/5", "--convert-to", "xlsx", "--outdir", workbooks.toString(),
                csv.toString()));

        assertReadExactly("libreoffice.xlsx", Files.readAllBytes(workbooks.resolve("libreoffice.xlsx")));
    }

    @Test
    void poiWorkbooksWithSharedAndStreamedInlineStringsAreReadExactly() throws IOException {
        assertReadExactly("poi.xlsx", poi(new XSSFWorkbook()));
        assertReadExactly("poi-sxssf.xlsx", poi(new SXSSFWorkbook()));
    }

    private static void assertReadExactly(String name, byte[] workbook) {
        Collected got = Collected.ingest(name, workbook);

        assertThat(got.outcome().accepted()).as(name + ": " + got.outcome()).isTrue();
        assertThat(got.outcome().kind()).as(name).isEqualTo(FileKind.TMALL_ORDERS);
        assertThat(got.orders).as(name).hasSize(ORDERS.size());
        for (int i = 0; i < ORDERS.size(); i++) {
            Expected want = ORDERS.get(i);
            Order order = got.orders.get(i);
            assertThat(order.orderId()).as(name + " id").isEqualTo(want.id());
            assertThat(order.paidFen()).as(name + " paid").isEqualTo(want.paidFen());
            assertThat(order.status()).as(name + " status").isEqualTo(want.status());
            assertThat(order.createdAt()).as(name + " created").isEqualTo(Times.of(want.created()));
            assertThat(order.paidAt()).as(name + " paid at").isEqualTo(Times.of(want.paid()));
        }
    }

    /** The orders written with POI: text ids, numeric amounts, datetime cells with a time format. */
    private static byte[] poi(Workbook book) throws IOException {
        try (book) {
            Sheet sheet = book.createSheet("订单");
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            for (int r = 0; r < ORDERS.size(); r++) {
                Expected order = ORDERS.get(r);
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(order.id());
                row.createCell(1).setCellValue(order.paidFen() / 100.0);
                row.createCell(2).setCellValue(statusText(order.status()));
                row.createCell(3).setCellValue(order.created());
                row.getCell(3).setCellStyle(time);
                row.createCell(4).setCellValue(order.paid());
                row.getCell(4).setCellStyle(time);
            }
            Path file = Files.createTempFile(workbooks, "poi", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return Files.readAllBytes(file);
        }
    }

    private static String statusText(OrderStatus status) {
        return status == OrderStatus.SUCCESS ? "交易成功" : status == OrderStatus.CLOSED ? "交易关闭" : "卖家已发货，等待买家确认";
    }
}
