package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Times;

/**
 * Packages written by hand, part by part, with what the SpreadsheetML and XML specifications allow and a
 * writer may do: prefixed elements, cells and rows without references, rich text with phonetic runs, CDATA,
 * character references, Excel's {@code _xHHHH_} escapes, ISO date cells, Chinese built-in date formats,
 * parts in an unusual order and place.
 */
class HandMadeXlsxTest {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>订单编号</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>买家实际支付金额</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>订单状态</t></is></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>订单创建时间</t></is></c></row>";

    @Test
    void prefixedElementsCellsWithoutReferencesAndRichTextAreRead() {
        // given a sheet as the OpenXML SDK writes it (every element prefixed x:), its second row's cells without
        // references, the status as rich text runs with a phonetic reading
        String sheet = "<x:worksheet xmlns:x=\"" + MAIN + "\"><x:sheetData>"
                + HEADER_ROW.replace("<", "<x:").replace("<x:/", "</x:")
                + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>3553498017448001</x:t></x:is></x:c><x:c><x:v>99.5</x:v></x:c>"
                + "<x:c t=\"inlineStr\"><x:is><x:r><x:t>交易</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>成功</x:t></x:r>"
                + "<x:rPh sb=\"0\" eb=\"2\"><x:t>ジャオイー</x:t></x:rPh></x:is></x:c>"
                + "<x:c s=\"1\"><x:v>46328.42500000000</x:v></x:c></x:row></x:sheetData></x:worksheet>";

        Order order = onlyOrder(workbook(sheet, null, styles(22)));

        assertThat(order.orderId()).isEqualTo("3553498017448001");
        assertThat(order.paidFen()).isEqualTo(9950);
        assertThat(order.status()).isEqualTo(OrderStatus.SUCCESS);
        assertThat(order.createdAt()).isEqualTo(Times.of(LocalDateTime.of(2026, 11, 2, 10, 12, 0)));
    }

    @Test
    void sharedStringsWithCdataReferencesAndEscapesAreTheirText() {
        // given shared strings written with CDATA, a character reference, an entity and an Excel escape
        String shared = "<sst xmlns=\"" + MAIN + "\"><si><t>订单编号</t></si><si><t>买家实际支付金额</t></si><si><t>订单状态</t></si>"
                + "<si><t>订单创建时间</t></si><si><t><![CDATA[3553498017448001]]></t></si>"
                + "<si><t>&#x4EA4;&#26131;成功</t></si><si><r><t>_x0033_553498017448002</t></r></si><si><t>交易关闭</t></si></sst>";
        String sheet = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\"><v>10</v></c><c r=\"C2\" t=\"s\"><v>5</v></c>"
                + "<c r=\"D2\" t=\"d\"><v>2026-11-02T10:11:12</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>6</v></c><c r=\"B4\" t=\"str\"><f>B2*2</f><v>20</v></c><c r=\"C4\" t=\"s\"><v>7</v></c>"
                + "<c r=\"D4\" s=\"1\"><v>46328</v></c></row></sheetData></worksheet>";

        Collected got = Collected.ingest("订单.xlsx", workbook(sheet, shared, styles(31)));

        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.orders).extracting(Order::orderId).containsExactly("3553498017448001", "3553498017448002");
        assertThat(got.orders).extracting(Order::paidFen).containsExactly(1000L, 2000L);
        assertThat(got.orders).extracting(Order::status).containsExactly(OrderStatus.SUCCESS, OrderStatus.CLOSED);
        assertThat(got.orders.get(0).createdAt()).isEqualTo(Times.of(LocalDateTime.of(2026, 11, 2, 10, 11, 12)));
        // format 31 is Chinese Excel's yyyy"年"m"月"d"日": a date
        assertThat(got.orders.get(1).createdAt()).isEqualTo(Times.of(LocalDateTime.of(2026, 11, 2, 0, 0, 0)));
    }

    @Test
    void aDocumentTypeAnUnknownEntityATruncatedSheetOrRowsOutOfOrderAreADamagedFile() {
        String good = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + HEADER_ROW
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>3553498017448001</t></is></c><c r=\"B2\"><v>1</v></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>交易成功</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>2026-11-02 10:00:00</t></is></c></row>"
                + "</sheetData></worksheet>";
        assertThat(onlyOrder(workbook(good, null, null)).orderId()).isEqualTo("3553498017448001");

        for (String damaged : new String[] {
            "<!DOCTYPE worksheet [<!ENTITY a \"b\">]>" + good,
            good.replace("交易成功", "&unknown;"),
            good.substring(0, good.indexOf("</sheetData>")),
            good.replace("<row r=\"2\">", "<row r=\"1\">")}) {
            Collected got = Collected.ingest("订单.xlsx", workbook(damaged, null, null));
            assertThat(got.outcome().accepted()).as(damaged).isFalse();
            assertThat(got.outcome().error()).isEqualTo("XLSX 文件已损坏或不完整");
        }
    }

    @Test
    void textThatIsNotUtf8IsADamagedFileAndAReplacementCharacterInTheFileIsText() {
        // given a fifth column of notes, one with U+FFFD written as such, one with bytes that are no UTF-8
        String sheet = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
                + HEADER_ROW.replace("</row>", "<c r=\"E1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>")
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>3553498017448001</t></is></c><c r=\"B2\"><v>1</v></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>交易成功</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>2026-11-02 10:00:00</t></is></c>"
                + "<c r=\"E2\" t=\"inlineStr\"><is><t>NOTE</t></is></c></row></sheetData></worksheet>";
        byte[] replacement = sheet.replace("NOTE", "看不清\uFFFD的字").getBytes(StandardCharsets.UTF_8);
        assertThat(onlyOrder(workbook(replacement, null, null)).orderId()).isEqualTo("3553498017448001");

        byte[] utf8 = sheet.getBytes(StandardCharsets.UTF_8);
        int note = new String(utf8, StandardCharsets.ISO_8859_1).indexOf("NOTE");
        byte[] notUtf8 = utf8.clone();
        notUtf8[note] = (byte) 0xC3; // a two-byte sequence's start before a byte that cannot continue it
        notUtf8[note + 1] = '(';
        Collected got = Collected.ingest("订单.xlsx", workbook(notUtf8, null, null));
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("XLSX 文件已损坏或不完整");
    }

    /** A styles part whose cell style 1 has the built-in number format given. */
    private static String styles(int builtInFormat) {
        return "<styleSheet xmlns=\"" + MAIN + "\"><cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"" + builtInFormat + "\" applyNumberFormat=\"1\"/></cellXfs>"
                + "</styleSheet>";
    }

    private static Order onlyOrder(byte[] workbook) {
        Collected got = Collected.ingest("订单.xlsx", workbook);
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.orders).hasSize(1);
        return got.orders.getFirst();
    }

    /**
     * A package with the workbook in a folder of its own ({@code book/}), the sheet reached by an absolute
     * target, the sheet before the workbook.
     */
    private static byte[] workbook(String sheet, String sharedStrings, String styles) {
        return workbook(sheet.getBytes(StandardCharsets.UTF_8), sharedStrings, styles);
    }

    private static byte[] workbook(byte[] sheet, String sharedStrings, String styles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            zip.putNextEntry(new ZipEntry("book/sheets/orders.xml"));
            zip.write(sheet);
            zip.closeEntry();
            part(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"r1\" Type=\"" + REL + "/officeDocument\" Target=\"book/main.xml\"/></Relationships>");
            part(zip, "book/main.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets>"
                    + "<sheet name=\"订单\" sheetId=\"1\" r:id=\"s1\"/></sheets></workbook>");
            part(zip, "book/_rels/main.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"s1\" Type=\"" + REL + "/worksheet\" Target=\"/book/sheets/orders.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"s2\" Type=\"" + REL + "/sharedStrings\" Target=\"strings.xml\"/>")
                    + (styles == null ? "" : "<Relationship Id=\"s3\" Type=\"" + REL + "/styles\" Target=\"./styles.xml\"/>")
                    + "</Relationships>");
            if (sharedStrings != null) {
                part(zip, "book/strings.xml", sharedStrings);
            }
            if (styles != null) {
                part(zip, "book/styles.xml", styles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
