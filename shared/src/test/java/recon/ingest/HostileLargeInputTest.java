package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.FileOutcome;

/**
 * Hostile inputs too big to check in, made on the fly by streams: they are rejected with a clear
 * reason, and reading them allocates far less than their size.
 */
class HostileLargeInputTest {
    private static final byte[] ORDERS_HEADER = "订单编号,买家实际支付金额,订单状态,订单创建时间\r\n".getBytes(UTF_8);
    private static final long MB = 1024 * 1024;

    /** {@code head}, then {@code fill} repeated up to {@code length} bytes in all; allocates nothing per read. */
    private static InputStream generated(byte[] head, byte fill, long length) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < length ? (position < head.length ? head[(int) position++] : fill) & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                for (int i = 0; i < n; i++, position++) {
                    buffer[offset + i] = position < head.length ? head[(int) position] : fill;
                }
                return n;
            }
        };
    }

    /** Bytes allocated by this thread while reading: the bound on what the reader holds at once. */
    private static long allocatedWhile(Runnable read) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        read.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static Collected ingest(String name, FileIngest.Opener opener) {
        Collected got = new Collected();
        new FileIngest().read(name, opener, got);
        return got;
    }

    @Test
    void rejectsFiftyMegabyteSingleLineWithoutBufferingIt() {
        // given: a header, then one line of 50 MB without a line break
        long size = 50 * MB;
        Collected[] got = new Collected[1];

        // when
        long allocated = allocatedWhile(() -> got[0] = ingest("long.csv", () -> generated(ORDERS_HEADER, (byte) '7', size)));

        // then
        assertThat(got[0].outcome().accepted()).isFalse();
        assertThat(got[0].outcome().error()).isEqualTo("第 2 行：一行超过 100000 个字符，不是正常的导出文件");
        assertThat(allocated).as("allocated bytes").isLessThan(8 * MB);
        System.out.printf("50 MB single line: %.1f MB allocated%n", allocated / (double) MB);
    }

    @Test
    void rejectsFiftyMegabyteQuotedFieldWithoutBufferingIt() {
        // given: a quote opened on line 2 that runs for 50 MB of line breaks
        byte[] head = "订单编号,买家实际支付金额,订单状态,订单创建时间\r\n1,\"".getBytes(UTF_8);
        Collected[] got = new Collected[1];

        long allocated = allocatedWhile(() -> got[0] = ingest("quoted.csv", () -> generated(head, (byte) '\n', 50 * MB)));

        assertThat(got[0].outcome().error()).isEqualTo("第 2 行：一行超过 100000 个字符，不是正常的导出文件");
        assertThat(allocated).as("allocated bytes").isLessThan(8 * MB);
    }

    @Test
    void rejectsMillionColumns() {
        // given: a header of 10^6 empty columns
        Collected got = ingest("wide.csv", () -> generated(new byte[0], (byte) ',', 1_000_000));

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 1 行：一行超过 1000 列，不是正常的导出文件");
    }

    @Test
    void rejectsZipBombAtTheTotalLimitWithBoundedMemory(@TempDir Path dir) throws IOException {
        // given: one member of 2 GB + 1 MB of zeros, a few MB compressed
        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.csv"));
            generated(new byte[0], (byte) 0, FileIngest.MAX_ZIP_BYTES + MB).transferTo(zip);
            zip.closeEntry();
        }
        long compressed = Files.size(bomb);
        Collected[] got = new Collected[1];

        // when
        long allocated = allocatedWhile(() -> got[0] = ingest("bomb.zip", () -> Files.newInputStream(bomb)));

        // then: the member is refused as binary, the rest of it still counts, and the bundle stops at 2 GB
        assertThat(got[0].outcomes).extracting(FileOutcome::name, FileOutcome::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bomb.zip/zeros.csv", "不是 CSV 或 XLSX 文件，无法读取"),
                org.assertj.core.groups.Tuple.tuple("bomb.zip", "ZIP 包解压后超过 2 GB，未读取其余内容"));
        assertThat(compressed).isLessThan(4 * MB);
        assertThat(allocated).as("allocated bytes").isLessThan(8 * MB);
        System.out.printf("ZIP bomb: %.1f MB compressed, 2 GB inflated, %.1f MB allocated%n",
                compressed / (double) MB, allocated / (double) MB);
    }

    @Test
    void rejectsXlsxMemberPastItsOwnLimit(@TempDir Path dir) throws IOException {
        // given: a member that looks like an XLSX and inflates past the 200 MB a workbook may have
        byte[] xlsxStart = Fixtures.xlsx(sheet -> sheet.value(0, 0, "订单编号"));
        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("订单.xlsx"));
            generated(xlsxStart, (byte) 0, FileIngest.MAX_XLSX_BYTES + MB).transferTo(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("订单报表.csv"));
            zip.write(ORDERS_HEADER);
            zip.closeEntry();
        }

        Collected got = ingest("bomb.zip", () -> Files.newInputStream(bomb));

        // then: that member alone is refused; the next one is still read
        assertThat(got.outcomes).extracting(FileOutcome::name, FileOutcome::status, FileOutcome::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bomb.zip/订单.xlsx", "REJECTED", "XLSX 文件超过 200 MB，无法读取"),
                org.assertj.core.groups.Tuple.tuple("bomb.zip/订单报表.csv", "ACCEPTED", null));
    }

    @Test
    void readsThousandMembersThenRejectsTheBundle(@TempDir Path dir) throws IOException {
        // given: 1001 small files
        Path many = dir.resolve("many.zip");
        try (OutputStream out = Files.newOutputStream(many); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= FileIngest.MAX_ZIP_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("订单" + i + ".csv"));
                zip.write(ORDERS_HEADER);
                zip.closeEntry();
            }
        }

        Collected got = ingest("many.zip", () -> Files.newInputStream(many));

        // then: each member is a file of its own; the 1001st is not read and the bundle says so
        assertThat(got.outcomes).hasSize(FileIngest.MAX_ZIP_ENTRIES + 1);
        assertThat(got.outcomes.subList(0, FileIngest.MAX_ZIP_ENTRIES)).allSatisfy(o -> assertThat(o.accepted()).isTrue());
        assertThat(got.outcomes.getLast().name()).isEqualTo("many.zip");
        assertThat(got.outcomes.getLast().error()).isEqualTo("ZIP 包内超过 1000 个文件，未读取其余文件");
    }
}
