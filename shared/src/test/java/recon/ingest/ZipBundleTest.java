package recon.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.FileOutcome;

class ZipBundleTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String ORDERS = "订单编号,买家实际支付金额,订单状态,订单创建时间\r\n1,1,交易成功,2026-11-02\r\n";
    private static final String LEDGER = "#支付宝账务明细查询\r\n账务流水号,发生时间,收入金额（+元）,支出金额（-元）,账户余额（元）,业务类型\r\n"
            + "1,2026-11-02 10:00:00,1,,1,交易付款\r\n#收入合计：1笔，共1.00元\r\n";
    private static final String SUMMARY = "#支付宝账务汇总查询\r\n#账号：[2088]\r\n业务类型,收入笔数\r\n交易付款,1\r\n";

    @Test
    void readsEachMemberAsItsOwnFileWithGbkNames() {
        // given: GBK member names without the UTF-8 flag, a directory, macOS metadata and a summary
        byte[] zip = Fixtures.zip(GBK,
                "导出/", new byte[0],
                "导出/订单报表.csv", ORDERS.getBytes(GBK),
                "导出/账务明细.csv", LEDGER.getBytes(GBK),
                "导出/账务汇总.csv", SUMMARY.getBytes(GBK),
                "__MACOSX/导出/._订单报表.csv", new byte[] {0, 5, 22, 7});

        // when
        Collected got = Collected.ingest("bundle.zip", zip);

        // then
        assertThat(got.started).containsExactly("bundle.zip/导出/订单报表.csv", "bundle.zip/导出/账务明细.csv");
        assertThat(got.outcomes).extracting(FileOutcome::kind, FileOutcome::accepted, FileOutcome::rows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FileKind.TMALL_ORDERS, true, 1L),
                        org.assertj.core.groups.Tuple.tuple(FileKind.ALIPAY_LEDGER, true, 1L));
        assertThat(got.orders).hasSize(1);
        assertThat(got.lines).hasSize(1);
    }

    @Test
    void readsUtf8FlaggedNames() {
        byte[] zip = Fixtures.zip(UTF_8, "明细.csv", ORDERS.getBytes(UTF_8));

        Collected got = Collected.ingest("bundle.zip", zip);

        assertThat(got.started).containsExactly("bundle.zip/明细.csv");
        assertThat(got.outcome().accepted()).isTrue();
    }

    @Test
    void readsXlsxMember() {
        byte[] xlsx = Fixtures.xlsx(sheet -> {
            sheet.value(0, 0, "订单编号");
            sheet.value(0, 1, "买家实际支付金额");
            sheet.value(0, 2, "订单状态");
            sheet.value(0, 3, "订单创建时间");
            sheet.value(1, 0, "3553498017448001");
            sheet.value(1, 1, 12.3);
            sheet.value(1, 2, "交易关闭");
            sheet.value(1, 3, "2026-11-02");
        });
        byte[] zip = Fixtures.zip(GBK, "订单.xlsx", xlsx);

        Collected got = Collected.ingest("bundle.zip", zip);

        assertThat(got.outcome().name()).isEqualTo("bundle.zip/订单.xlsx");
        assertThat(got.outcome().accepted()).as(got.outcome().toString()).isTrue();
        assertThat(got.orders).singleElement().satisfies(o -> assertThat(o.paidFen()).isEqualTo(1230));
    }

    @Test
    void rejectsTruncatedZipWithoutThrowing() {
        byte[] zip = Fixtures.zip(GBK, "订单报表.csv", ORDERS.repeat(2000).getBytes(GBK));
        byte[] truncated = Arrays.copyOf(zip, zip.length / 2);

        Collected got = Collected.ingest("bundle.zip", truncated);

        assertThat(got.outcomes).isNotEmpty().allSatisfy(o -> assertThat(o.accepted()).isFalse());
        assertThat(got.outcomes).extracting(FileOutcome::error).contains("ZIP 文件已损坏或不完整");
    }

    @Test
    void rejectsZipWithoutFiles() {
        byte[] zip = Fixtures.zip(GBK, "空/", new byte[0]);

        Collected got = Collected.ingest("bundle.zip", zip);

        assertThat(got.outcome().name()).isEqualTo("bundle.zip");
        assertThat(got.outcome().error()).isEqualTo("ZIP 包中没有文件，或文件已损坏");
    }

    @Test
    void stopsAfterThousandEntries() {
        Object[] entries = new Object[2 * 1001];
        for (int i = 0; i < 1001; i++) {
            entries[2 * i] = "d" + i + "/";
            entries[2 * i + 1] = new byte[0];
        }

        Collected got = Collected.ingest("bomb.zip", Fixtures.zip(UTF_8, entries));

        assertThat(got.outcome().name()).isEqualTo("bomb.zip");
        assertThat(got.outcome().error()).isEqualTo("ZIP 包内超过 1000 个文件，未读取其余文件");
    }

    @Test
    void stopsWhenUncompressedSizePassesTheLimit() {
        // given: a tiny limit stands in for 2 GB
        BoundedStream bounded = new BoundedStream(new java.io.ByteArrayInputStream(new byte[100]), 10, "太大");

        // then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bounded.readNBytes(100))
                .isInstanceOf(BoundedStream.LimitExceeded.class).hasMessage("太大");
    }

    @Test
    void stopsAtASecondFileOfTheSameName() {
        // given: two members renamed alike in their headers (ZipOutputStream refuses to write that)
        byte[] zip = Fixtures.zip(UTF_8, "a.csv", ORDERS.getBytes(UTF_8), "b.csv", LEDGER.getBytes(UTF_8),
                "c.csv", ORDERS.getBytes(UTF_8));
        String text = new String(zip, ISO_8859_1);
        byte[] sameNames = text.replace("b.csv", "a.csv").getBytes(ISO_8859_1);

        Collected got = Collected.ingest("bundle.zip", sameNames);

        // then: the first is read; the bundle is rejected at the second, whose records would mix with the first's
        assertThat(got.outcomes).extracting(FileOutcome::name, FileOutcome::accepted).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bundle.zip/a.csv", true),
                org.assertj.core.groups.Tuple.tuple("bundle.zip", false));
        assertThat(got.outcomes.getLast().error()).isEqualTo("ZIP 包内有两个名为 a.csv 的文件，未读取第二个及其后的文件");
        assertThat(got.lines).isEmpty();
    }

    @Test
    void rejectsZipInsideZip() {
        byte[] inner = Fixtures.zip(UTF_8, "a.csv", ORDERS.getBytes(UTF_8));
        byte[] outer = Fixtures.zip(UTF_8, "inner.zip", inner);

        Collected got = Collected.ingest("outer.zip", outer);

        assertThat(got.outcome().name()).isEqualTo("outer.zip/inner.zip");
        assertThat(got.outcome().error()).isEqualTo("压缩包里的压缩包无法读取，请解压后上传");
    }
}
