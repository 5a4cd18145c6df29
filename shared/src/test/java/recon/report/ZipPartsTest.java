package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ZIP writer of the workbook, read back by the JDK's two ZIP readers, which check every entry's CRC and sizes. */
class ZipPartsTest {
    private final Random random = new Random(20261204);

    @Test
    void theCrcOfTwoPiecesCombinedIsTheCrcOfBothInARow() {
        for (int[] lengths : new int[][] {{0, 0}, {5, 0}, {0, 7}, {1, 1}, {1000, 3}, {64 * 1024 + 17, 300_001}}) {
            byte[] first = bytes(lengths[0]);
            byte[] second = bytes(lengths[1]);
            CRC32 both = new CRC32();
            both.update(first);
            both.update(second);
            assertThat(ZipParts.combine(crc(first), crc(second), second.length)).as("%d + %d bytes", lengths[0], lengths[1])
                    .isEqualTo(both.getValue());
        }
    }

    @Test
    void anEntryThatTakesRowsDeflatedForAnotherReadsAsIfWrittenInFull(@TempDir Path dir) throws IOException {
        // given a day's entry whose rows are kept as they are deflated, and a month's entry that takes them
        String day = rows("day", 2_000);
        String other = rows("other", 500);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipParts zip = new ZipParts(out, 1);
        zip.startEntry("day.xml");
        write(zip, "<head>");
        zip.capture();
        write(zip, day);
        ZipParts.Deflated rows = zip.captured();
        write(zip, "</head>");
        zip.endEntry();
        zip.startEntry("中文/month.xml");
        write(zip, "<month>" + other);
        zip.append(rows);
        write(zip, other + "</month>");
        zip.append(rows);
        zip.endEntry();
        zip.startEntry("empty.xml");
        zip.endEntry();
        zip.finish();

        // when the archive is read by both of the JDK's readers
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("day.xml", "<head>" + day + "</head>");
        expected.put("中文/month.xml", "<month>" + other + day + other + "</month>" + day);
        expected.put("empty.xml", "");
        assertThat(rows.size()).isEqualTo(day.getBytes(StandardCharsets.UTF_8).length);

        // then every entry holds exactly what was written, its CRC and sizes right
        Map<String, String> streamed = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                streamed.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(streamed).containsExactlyEntriesOf(expected);
        Path file = Files.write(dir.resolve("parts.zip"), out.toByteArray());
        try (ZipFile zipFile = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            assertThat(zipFile.size()).isEqualTo(3);
            for (Map.Entry<String, String> part : expected.entrySet()) {
                ZipEntry entry = zipFile.getEntry(part.getKey());
                byte[] content = zipFile.getInputStream(entry).readAllBytes();
                assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(part.getValue());
                assertThat(entry.getCrc()).isEqualTo(crc(content));
                assertThat(entry.getSize()).isEqualTo(content.length);
                assertThat(entry.getTimeLocal()).hasToString("1980-01-01T00:00");
            }
        }
    }

    private String rows(String name, int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append("<row><c t=\"inlineStr\"><is><t>").append(name).append(" 第").append(i).append("行 ")
                    .append(random.nextLong()).append("</t></is></c></row>");
        }
        return rows.toString();
    }

    private static void write(ZipParts zip, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.write(bytes, 0, bytes.length);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
