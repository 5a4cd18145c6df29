package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.LineClass;
import recon.domain.OrderStatus;
import recon.domain.Times;
import recon.ingest.Collected.Coverage;

class XlsxTest {

    private static void row(Worksheet sheet, int r, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof String s) {
                sheet.value(r, c, s);
            } else if (v instanceof Number n) {
                sheet.value(r, c, n);
            } else if (v instanceof LocalDateTime t) {
                sheet.value(r, c, t);
                sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
            }
        }
    }

    /** The parts a minimal writer puts in a package: no styles, no shared strings, inline text cells. */
    private static byte[] minimalPackage(String[]... rows) {
        StringBuilder sheetData = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            sheetData.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows[r].length; c++) {
                sheetData.append("<c r=\"").append((char) ('A' + c)).append(r + 1).append("\" t=\"inlineStr\"><is><t>")
                        .append(rows[r][c]).append("</t></is></c>");
            }
            sheetData.append("</row>");
        }
        String ns = "http://schemas.openxmlformats.org/";
        return Fixtures.zip(UTF_8,
                "[Content_Types].xml", ("<Types xmlns=\"" + ns + "package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "</Types>").getBytes(UTF_8),
                "_rels/.rels", ("<Relationships xmlns=\"" + ns + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                        + ns + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").getBytes(UTF_8),
                "xl/workbook.xml", ("<workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" + ns
                        + "officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                        .getBytes(UTF_8),
                "xl/_rels/workbook.xml.rels", ("<Relationships xmlns=\"" + ns + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                        + ns + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>").getBytes(UTF_8),
                "xl/worksheets/sheet1.xml", ("<worksheet xmlns=\"" + ns + "spreadsheetml/2006/main\"><sheetData>" + sheetData
                        + "</sheetData></worksheet>").getBytes(UTF_8));
    }

    @Test
    void aPackageWithoutTheOptionalStylesPartIsReadNotCalledBroken() {
        // given a workbook as minimal writers make it: no styles part (Excel, LibreOffice and openpyxl open it)
        byte[] file = minimalPackage(
                new String[] {"订单编号", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间"},
                new String[] {"3553498017448001", "199.00", "交易成功", "2026-11-02 09:00:00", "2026-11-02 09:01:00"});

        // when
        Collected got = Collected.ingest("订单.xlsx", file);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_ORDERS);
        assertThat(got.orders).singleElement().satisfies(o -> assertThat(o.paidFen()).isEqualTo(19_900));
    }

    @Test
    void readsOrdersFromFirstSheetWithDatesAndNumbers() {
        // given: a title row, the header on row 2, a date cell, numeric id and amount
        byte[] file = Fixtures.xlsx(sheet -> {
            row(sheet, 0, "订单报表");
            row(sheet, 1, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间");
            row(sheet, 2, 3553498017448001L, 99.5, "交易成功", LocalDateTime.of(2026, 11, 2, 10, 11, 12), "2026-11-02 10:12:00");
        });

        // when
        Collected got = Collected.ingest("订单.xlsx", file);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_ORDERS);
        assertThat(got.outcome().rows()).isEqualTo(1);
        assertThat(got.orders).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo("3553498017448001");
            assertThat(o.paidFen()).isEqualTo(9950);
            assertThat(o.status()).isEqualTo(OrderStatus.SUCCESS);
            assertThat(o.createdAt()).isEqualTo(Times.of(LocalDateTime.of(2026, 11, 2, 10, 11, 12)));
            assertThat(o.paidAt()).isEqualTo(Times.of(LocalDateTime.of(2026, 11, 2, 10, 12, 0)));
        });
    }

    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 11, 2, 10, 11, 12);

    private static void orders(Worksheet sheet) {
        row(sheet, 0, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间");
        row(sheet, 1, "3553498017448001", 99.5, "交易成功", CREATED, CREATED);
    }

    @Test
    void aWorkbookCountingItsDatesFrom1904SaysSoWithOneOrTrue() throws IOException {
        // given the same workbook in the 1900 date system and, as openpyxl and Excel for Mac write it, in the 1904 one
        byte[] in1900 = Fixtures.xlsx(XlsxTest::orders);
        UnaryOperator<String> to1904 = xml -> xml.replaceFirst("<workbook([^>]*)>", "<workbook$1><workbookPr date1904=\"1\"/>");

        // then a serial day is 1,462 days later from 1904 (an XML boolean is 1 or true)
        assertThat(Collected.ingest("订单.xlsx", in1900).orders.getFirst().createdAt()).isEqualTo(Times.of(CREATED));
        for (UnaryOperator<String> change : List.of(to1904, xml -> to1904.apply(xml).replace("\"1\"", "\"true\""))) {
            Collected got = Collected.ingest("订单.xlsx", rewritePart(in1900, "xl/workbook.xml", change));
            assertThat(got.orders.getFirst().createdAt()).isEqualTo(Times.of(CREATED.plusDays(1462)));
        }
    }

    @Test
    void sharedFormulasAreReadFromTheirCachedValues() throws IOException {
        // given amounts as Excel saves a formula filled down: the first cell holds the shared formula, the
        // others name it by its index, and each keeps its last computed value
        byte[] plain = Fixtures.xlsx(sheet -> {
            row(sheet, 0, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间", "单价");
            row(sheet, 1, "3553498017448001", 99.5, "交易成功", CREATED, CREATED, 99.5);
            row(sheet, 2, "3553498017448002", 19.9, "交易成功", CREATED, CREATED, 19.9);
        });
        byte[] shared = rewritePart(plain, "xl/worksheets/sheet1.xml", xml -> {
            String first = xml.replaceFirst("<c r=\"B2\"([^>]*)><v>([^<]*)</v></c>",
                    "<c r=\"B2\"$1><f t=\"shared\" ref=\"B2:B3\" si=\"0\">F2*1</f><v>$2</v></c>");
            return first.replaceFirst("<c r=\"B3\"([^>]*)><v>([^<]*)</v></c>", "<c r=\"B3\"$1><f t=\"shared\" si=\"0\"/><v>$2</v></c>");
        });
        assertThat(part(shared, "xl/worksheets/sheet1.xml").split("t=\"shared\"", -1)).hasSize(3);

        // when
        Collected got = Collected.ingest("订单.xlsx", shared);

        // then
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.orders).extracting(o -> o.paidFen()).containsExactly(9950L, 1990L);
    }

    @Test
    void theTableOnASheetAfterACoverSheetIsRead() {
        byte[] file = Fixtures.xlsx(List.of("说明", "订单"), List.of(sheet -> row(sheet, 0, "本文件由店铺后台导出"), XlsxTest::orders));

        Collected got = Collected.ingest("订单.xlsx", file);

        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.orders).singleElement().satisfies(o -> assertThat(o.orderId()).isEqualTo("3553498017448001"));
    }

    @Test
    void aFirstSheetWithABadTableIsRejectedAndNoLaterSheetIsTried() {
        byte[] file = Fixtures.xlsx(List.of("订单", "备份"), List.of(sheet -> {
            row(sheet, 0, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间");
            row(sheet, 1, "3553498017448001", "九十九", "交易成功", CREATED, CREATED);
        }, XlsxTest::orders));

        Collected got = Collected.ingest("订单.xlsx", file);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).startsWith("第 2 行");
        assertThat(got.orders).isEmpty();
    }

    @Test
    void aWorkbookWithoutAnyTableGivesItsFirstSheetsReason() {
        byte[] file = Fixtures.xlsx(List.of("说明", "备注"), List.of(sheet -> row(sheet, 0, "本文件由店铺后台导出"),
                sheet -> row(sheet, 0, "没有数据")));

        assertThat(Collected.ingest("订单.xlsx", file).outcome().error()).isEqualTo("第 1 行：无法识别的文件表头");
    }

    @Test
    void rejectsNumericOrderIdShownInScientificNotationOnItsRow() {
        byte[] file = Fixtures.xlsx(sheet -> {
            row(sheet, 0, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间");
            row(sheet, 1, 3553498017448001L, 1, "交易成功", "2026-11-02");
            row(sheet, 2, 3.553498017448E18, 1, "交易成功", "2026-11-02");
        });

        Collected got = Collected.ingest("订单.xlsx", file);

        assertThat(got.outcome().error()).startsWith("第 3 行：订单编号 \"3.553498017448E").endsWith("已被 Excel 改成科学计数法，无法还原");
    }

    @Test
    void ledgerWithoutPreambleIsCoveredByTheDaysOfItsLines() {
        byte[] file = Fixtures.xlsx(sheet -> {
            row(sheet, 0, "账务流水号", "发生时间", "收入金额（+元）", "支出金额（-元）", "账户余额（元）", "业务类型", "商户订单号");
            row(sheet, 1, "2026110200001", LocalDateTime.of(2026, 11, 2, 9, 0), 100, 0, 100, "交易付款", "T200P3553498017448001");
            row(sheet, 2, "2026110300001", LocalDateTime.of(2026, 11, 3, 9, 0), 0, -0.3, 99.7, "其他", "");
        });

        Collected got = Collected.ingest("账务.xlsx", file);

        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.lines).hasSize(2);
        assertThat(got.lines.get(0).lineClass()).isEqualTo(LineClass.SETTLEMENT);
        assertThat(got.lines.get(1).expenseFen()).isEqualTo(30);
        assertThat(got.coverage).containsExactly(new Coverage(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3)));
    }

    @Test
    void rejectsTruncatedXlsxWithoutThrowing() {
        byte[] whole = Fixtures.xlsx(sheet -> row(sheet, 0, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间"));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        Collected got = Collected.ingest("订单.xlsx", truncated);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("XLSX 文件已损坏或不完整");
    }

    @Test
    void rejectsACellBeyondExcelsLastColumnBeforeReadingTheSheet() throws IOException {
        // given: a tiny workbook one of whose cells claims column ZZZZZZ (the reader would size the row by it)
        byte[] valid = Fixtures.xlsx(sheet -> {
            row(sheet, 0, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间");
            row(sheet, 1, "3553498017448001", "199.00", "交易成功", "2026-11-02 10:00:00");
        });
        byte[] hostile = rewritePart(valid, "xl/worksheets/sheet1.xml", xml -> xml.replace("r=\"B2\"", "r=\"ZZZZZZ2\""));

        // when
        Collected got = Collected.ingest("订单.xlsx", hostile);

        // then
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("单元格 ZZZZZZ2 超出 Excel 的最后一列 XFD，文件已损坏或被改动过");
        assertThat(got.orders).isEmpty();
    }

    @Test
    void rejectsAPackageWhoseSheetRelationshipHasNoTarget() throws IOException {
        // given: the reader meets this with a NullPointerException of its own
        byte[] valid = Fixtures.xlsx(sheet -> row(sheet, 0, "订单编号", "买家实际支付金额", "订单状态", "订单创建时间"));
        byte[] damaged = rewritePart(valid, "xl/_rels/workbook.xml.rels",
                xml -> xml.replace("Target=\"worksheets/sheet1.xml\"", ""));

        // when
        Collected got = Collected.ingest("订单.xlsx", damaged);

        // then
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("XLSX 文件已损坏或不完整");
    }

    @Test
    void columnsUpToXfdAreExcelColumns() {
        assertThat(column("A1")).isEqualTo(1);
        assertThat(column("AB12")).isEqualTo(28);
        assertThat(column("XFD1048576")).isEqualTo(XlsxTable.LAST_EXCEL_COLUMN);
        assertThat(column("XFE1")).isGreaterThan(XlsxTable.LAST_EXCEL_COLUMN);
        assertThat(column("ZZZZZZZZZZZZZZZZ1")).isGreaterThan(XlsxTable.LAST_EXCEL_COLUMN);
    }

    /** The column the reader takes from a cell's reference. */
    private static long column(String reference) {
        XlsxXml xml = new XlsxXml(new ByteArrayInputStream(("<c r=\"" + reference + "\"/>").getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.next()).isEqualTo(XlsxXml.START);
        return xml.columnAttribute("r", XlsxTable.LAST_EXCEL_COLUMN);
    }

    /** The XML of one part of a workbook. */
    private static String part(byte[] xlsx, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no part " + name);
    }

    /** The same workbook with the XML of one of its parts changed. */
    private static byte[] rewritePart(byte[] xlsx, String part, UnaryOperator<String> change) throws IOException {
        Path original = Files.createTempFile("recon-xlsx-", ".xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(Files.write(original, xlsx).toFile());
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(part)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } finally {
            Files.delete(original);
        }
        return out.toByteArray();
    }

    @Test
    void recognisesDateFormats() {
        assertThat(XlsxTable.isDateFormat("yyyy-mm-dd hh:mm:ss")).isTrue();
        assertThat(XlsxTable.isDateFormat("yyyy\"年\"m\"月\"d\"日\"")).isTrue();
        assertThat(XlsxTable.isDateFormat("General")).isFalse();
        assertThat(XlsxTable.isDateFormat("#,##0.00")).isFalse();
        assertThat(XlsxTable.isDateFormat("[Red]0.00")).isFalse();
        assertThat(XlsxTable.isDateFormat(null)).isFalse();
    }
}
