package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.FileOutcome;

class FileRecognitionTest {

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void tellsKindFromHeaderNotFromName() {
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间", "1,1,交易成功,2026-11-02");

        Collected got = Collected.ingest("支付宝账务明细.csv", file, UTF_8);

        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_ORDERS);
    }

    @Test
    void rejectsUnrecognisedHeaderOnItsLine() {
        String file = csv("#说明", "", "姓名,年龄", "张三,30");

        Collected got = Collected.ingest("x.csv", file, UTF_8);

        assertThat(got.outcome().kind()).isEqualTo(FileKind.UNKNOWN);
        assertThat(got.outcome().error()).isEqualTo("第 3 行：无法识别的文件表头");
    }

    @Test
    void namesMissingRequiredColumnWhenKindMatchesPartly() {
        String file = csv("订单编号,买家实际支付金额,订单创建时间,类目", "1,1,2026-11-02,女装");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_ORDERS);
        assertThat(got.outcome().error()).isEqualTo("第 1 行：表头像是天猫订单报表，但缺少必需的列：订单状态");
    }

    @Test
    void findsHeaderOnThirtiethRowButNotLater() {
        String header = "订单编号,买家实际支付金额,订单状态,订单创建时间";
        StringBuilder within = new StringBuilder();
        StringBuilder beyond = new StringBuilder();
        for (int i = 0; i < 29; i++) {
            within.append("标题行 ").append(i).append("\r\n");
            beyond.append("标题行 ").append(i).append("\r\n");
        }
        beyond.append("再一行\r\n");

        Collected found = Collected.ingest("o.csv", within + header + "\r\n", UTF_8);
        Collected notFound = Collected.ingest("o.csv", beyond + header + "\r\n", UTF_8);

        assertThat(found.outcome().accepted()).isTrue();
        assertThat(notFound.outcome().error()).isEqualTo("第 1 行：无法识别的文件表头");
    }

    @Test
    void rejectsBytesThatAreNeitherUtf8NorGbkNamingTheLine() throws IOException {
        // given: GBK text whose third line holds 0xFF, valid in no charset we read
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(csv("订单编号,买家实际支付金额,订单状态,订单创建时间", "1,1,交易成功,2026-11-02").getBytes(Charset.forName("GBK")));
        bytes.write(new byte[] {'2', ',', '1', ',', (byte) 0xFF, (byte) 0xFF, '\r', '\n'});

        // when
        Collected got = Collected.ingest("o.csv", bytes.toByteArray());

        // then
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 3 行：文件编码无法识别");
    }

    @Test
    void encodingErrorFarIntoALargeFileStillNamesItsLine() throws IOException {
        // given: 5000 good lines (beyond the 64 KB sniff window and several decoder buffers), then a bad byte
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("订单编号,买家实际支付金额,订单状态,订单创建时间,类目\r\n".getBytes(Charset.forName("GBK")));
        for (int i = 0; i < 5000; i++) {
            bytes.write((i + ",1,交易成功,2026-11-02,女装/连衣裙\r\n").getBytes(Charset.forName("GBK")));
        }
        bytes.write(new byte[] {'9', ',', '1', ',', (byte) 0x80, '\r', '\n'});

        Collected got = Collected.ingest("o.csv", bytes.toByteArray());

        assertThat(got.outcome().error()).isEqualTo("第 5002 行：文件编码无法识别");
    }

    @Test
    void rejectsEmptyFile() {
        Collected got = Collected.ingest("empty.csv", new byte[0]);

        assertThat(got.started).containsExactly("empty.csv");
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("文件为空");
    }

    @Test
    void rejectsFileWithOnlyBlankLines() {
        Collected got = Collected.ingest("blank.csv", "\r\n\r\n,,\r\n", UTF_8);

        assertThat(got.outcome().error()).isEqualTo("文件为空，没有表头");
    }

    @Test
    void aFileNamedLikeNoExportIsSkippedWithItsReasonAndOneSavedInAWrongFormatIsRefusedWithWhatToDo() {
        Collected photo = Collected.ingest("截图.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(photo.outcome().status()).isEqualTo("SKIPPED");
        assertThat(photo.outcome().error()).isEqualTo("不是导出文件（.png），未读取");

        Collected numbers = Collected.ingest("订单.numbers", new byte[] {'P', 'K', 3, 4});
        assertThat(numbers.outcome().accepted()).isFalse();
        assertThat(numbers.outcome().error()).isEqualTo("Apple Numbers 文件无法读取，请在 Numbers 中导出为 CSV 或 Excel（.xlsx）后上传");

        Collected pdf = Collected.ingest("账单.pdf", "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(pdf.outcome().error()).isEqualTo("PDF 文件无法对账，请下载 CSV 或 Excel 格式的明细后上传");
    }

    @Test
    void aMacsZipIsReadWithoutItsMetadataAndANoteInsideIsSkippedNotARejection() {
        String orders = "订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间\r\n"
                + "3553498017448001,199.00,交易成功,2026-11-02 09:00:00,2026-11-02 09:01:00\r\n";
        byte[] zip = Fixtures.zip(StandardCharsets.UTF_8, "exports/订单.csv", orders.getBytes(StandardCharsets.UTF_8),
                "__MACOSX/exports/._订单.csv", new byte[] {0, 5, 22, 7}, "exports/.DS_Store", new byte[] {0, 0, 0, 1},
                "exports/._订单.csv", new byte[] {0, 5, 22, 7}, "exports/说明.txt", "这是十一月的导出".getBytes(StandardCharsets.UTF_8));

        Collected got = Collected.ingest("exports.zip", zip);

        assertThat(got.outcomes).extracting(FileOutcome::name, FileOutcome::status).containsExactly(
                tuple("exports.zip/exports/订单.csv", "ACCEPTED"), tuple("exports.zip/exports/说明.txt", "SKIPPED"));
        assertThat(got.orders).hasSize(1);
    }

    @Test
    void rejectsBinaryGarbageWithoutThrowing() {
        byte[] garbage = new byte[100_000];
        new Random(42).nextBytes(garbage);

        Collected got = Collected.ingest("明细.csv", garbage);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isNotBlank();
    }

    @Test
    void rejectsOldExcelFormat() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        Collected got = Collected.ingest("orders.xls", xls);

        assertThat(got.outcome().error()).isEqualTo("旧版 Excel（.xls）文件无法读取，请另存为 .xlsx 或 .csv 后上传");
    }

    @Test
    void readsQuotedFieldsWithCommasAndLineBreaks() {
        // given: a quoted category spanning two physical lines; the bad date after it is on line 4
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间,类目",
                "1,\"1,000.00\",交易成功,2026-11-02,\"女装,\r\n连衣裙\"",
                "2,1,交易成功,2026-11-31,");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.orders).singleElement().satisfies(o -> {
            assertThat(o.paidFen()).isEqualTo(100000);
            assertThat(o.category()).isEqualTo("女装,\r\n连衣裙");
        });
        assertThat(got.outcome().error()).isEqualTo("第 4 行：订单创建时间 \"2026-11-31\" 不是有效时间");
    }

    @Test
    void failureToReadTheSourceEscapesInsteadOfRejectingTheFile() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        Collected collected = new Collected();

        Assertions.assertThatThrownBy(() -> new FileIngest().read("o.csv", () -> failing, collected))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(collected.outcomes).isEmpty();
    }
}
