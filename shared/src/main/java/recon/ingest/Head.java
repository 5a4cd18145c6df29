package recon.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The first 64 KB of a file: enough to tell its format (CSV text, XLSX, ZIP bundle) and the charset
 * of a text file without reading it twice.
 */
final class Head {
    static final int SIZE = 64 * 1024;
    /** GBK files are read as GB18030, its superset. */
    static final Charset GB18030 = Charset.forName("GB18030");

    enum Format { EMPTY, TEXT, XLSX, ZIP, OLD_EXCEL, BINARY }

    private final byte[] bytes;
    private final boolean wholeFile;

    private Head(byte[] bytes, boolean wholeFile) {
        this.bytes = bytes;
        this.wholeFile = wholeFile;
    }

    static Head read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(SIZE);
        return new Head(bytes, bytes.length < SIZE);
    }

    /** The whole file again: the head followed by the rest of the stream. */
    InputStream withRest(InputStream rest) {
        return new SequenceInputStream(new ByteArrayInputStream(bytes), rest);
    }

    /** The file's text bytes: as {@link #withRest}, without a UTF-8 byte order mark. */
    InputStream textWithRest(InputStream rest) {
        int skip = hasUtf8Bom() ? 3 : 0;
        return new SequenceInputStream(new ByteArrayInputStream(bytes, skip, bytes.length - skip), rest);
    }

    Format format() {
        if (bytes.length == 0) {
            return Format.EMPTY;
        }
        if (startsWith(0x50, 0x4B, 0x03, 0x04) || startsWith(0x50, 0x4B, 0x05, 0x06)) {
            return isOfficePackage() ? Format.XLSX : Format.ZIP;
        }
        if (startsWith(0xD0, 0xCF, 0x11, 0xE0)) {
            return Format.OLD_EXCEL;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return Format.BINARY;
            }
        }
        return Format.TEXT;
    }

    /**
     * An XLSX is a ZIP too; it is told from a bundle by its first member, which Office, WPS and the
     * common writers name {@code [Content_Types].xml} (or a part under {@code xl/}, {@code _rels/},
     * {@code docProps/}).
     */
    private boolean isOfficePackage() {
        if (bytes.length < 30) {
            return false;
        }
        int nameLength = (bytes[26] & 0xFF) | (bytes[27] & 0xFF) << 8;
        if (30 + nameLength > bytes.length) {
            return false;
        }
        String name = new String(bytes, 30, nameLength, StandardCharsets.ISO_8859_1);
        return name.equals("[Content_Types].xml") || name.startsWith("xl/") || name.startsWith("_rels/")
                || name.startsWith("docProps/");
    }

    private boolean hasUtf8Bom() {
        return startsWith(0xEF, 0xBB, 0xBF);
    }

    /** UTF-8 when the head is valid UTF-8 (a character cut at the 64 KB mark is fine), else GB18030. */
    Charset charset() {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        boolean valid = !utf8.decode(ByteBuffer.wrap(bytes), out, wholeFile).isError();
        return valid ? StandardCharsets.UTF_8 : GB18030;
    }

    /** An Alipay summary (账务汇总) rather than the detail: it says so in its first lines. */
    boolean isLedgerSummary() {
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), charset());
        int lines = 0;
        int start = 0;
        while (start < text.length() && lines < 5) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (Cells.clean(line).startsWith("#支付宝账务汇总查询")) {
                return true;
            }
            start = end < 0 ? text.length() : end + 1;
            lines++;
        }
        return false;
    }

    private boolean startsWith(int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
