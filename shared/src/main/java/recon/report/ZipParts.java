package recon.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a ZIP archive of deflated entries, as an XLSX package is: a local header before each entry, a data
 * descriptor after it (its CRC and sizes are known only then), the central directory at the end; every entry
 * dated 1980-01-01, so the same content gives the same bytes.
 *
 * <p>By hand rather than with {@code ZipOutputStream} for what that class cannot do: take into an entry,
 * between two full flushes, data already deflated for another entry ({@link #capture()}, {@link #append}).
 * A full flush leaves the deflate stream byte-aligned and what follows it refers to nothing before it, so a
 * run of blocks between two full flushes can be copied into any deflate stream at such a point (RFC 1951;
 * zlib's {@code Z_FULL_FLUSH}). The month's workbook takes its days' ledger rows that way instead of
 * deflating them a second time.
 *
 * <p>No ZIP64: an entry or an archive beyond 4 GiB is refused. A sheet holds at most Excel's 1,048,576 rows.
 */
final class ZipParts {
    /** What was deflated between two full flushes, and the CRC-32 and length of what it inflates to. */
    record Deflated(byte[] bytes, long size, long crc) {}

    private static final long MAX_SIZE = 0xFFFF_FFFFL;
    /** General purpose flags: sizes and CRC in the data descriptor (bit 3), names in UTF-8 (bit 11). */
    private static final int FLAGS = 0x0808;
    private static final int DEFLATED = 8;
    private static final int VERSION = 20;
    /** 1980-01-01 00:00 as an MS-DOS date (year since 1980, month, day) and time. */
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final int DOS_TIME = 0;

    /** An entry of the central directory. */
    private static final class Entry {
        final byte[] name;
        final long offset;
        long crc;
        long compressedSize;
        long size;

        Entry(byte[] name, long offset) {
            this.name = name;
            this.offset = offset;
        }
    }

    private final OutputStream out;
    private final Deflater deflater;
    private final byte[] output = new byte[64 * 1024];
    private final List<Entry> entries = new ArrayList<>();
    private long offset;
    private Entry entry;
    /** The CRC of the entry's data before the piece {@link #crc} is counting, and that piece's length. */
    private long crcBefore;
    private final CRC32 crc = new CRC32();
    private long pieceSize;
    /** The deflated bytes kept since {@link #capture()}, null when none are. */
    private ByteArrayOutputStream captured;

    ZipParts(OutputStream out, int level) {
        this.out = out;
        this.deflater = new Deflater(level, true);
    }

    void startEntry(String name) throws IOException {
        if (entry != null) {
            throw new IllegalStateException("entry " + new String(entry.name, StandardCharsets.UTF_8) + " is not ended");
        }
        entry = new Entry(name.getBytes(StandardCharsets.UTF_8), offset);
        entries.add(entry);
        deflater.reset();
        crc.reset();
        crcBefore = 0;
        pieceSize = 0;
        byte[] header = new byte[30 + entry.name.length];
        int at = putVersionToDate(header, putInt(header, 0, 0x04034b50));
        at += 12; // CRC, compressed and uncompressed size: in the data descriptor
        at = putShort(header, at, entry.name.length);
        at = putShort(header, at, 0); // no extra field
        System.arraycopy(entry.name, 0, header, at, entry.name.length);
        emit(header, header.length);
    }

    void write(byte[] bytes, int from, int length) throws IOException {
        crc.update(bytes, from, length);
        pieceSize += length;
        entry.size += length;
        deflater.setInput(bytes, from, length);
        while (!deflater.needsInput()) {
            deflated(deflater.deflate(output, 0, output.length, Deflater.NO_FLUSH));
        }
    }

    /** From here the deflated bytes are kept as well, until {@link #captured()}. */
    void capture() throws IOException {
        if (captured != null) {
            throw new IllegalStateException("already capturing");
        }
        fullFlush();
        crcBefore = crcOfEntrySoFar();
        crc.reset();
        pieceSize = 0;
        captured = new ByteArrayOutputStream();
    }

    /** What was deflated since {@link #capture()}, ending in a full flush. */
    Deflated captured() throws IOException {
        fullFlush();
        Deflated piece = new Deflated(captured.toByteArray(), pieceSize, crc.getValue());
        captured = null;
        return piece;
    }

    /** Takes what another entry deflated between two full flushes as the next part of this entry's data. */
    void append(Deflated piece) throws IOException {
        if (captured != null) {
            throw new IllegalStateException("appending while capturing");
        }
        fullFlush();
        crcBefore = combine(crcOfEntrySoFar(), piece.crc(), piece.size());
        crc.reset();
        pieceSize = 0;
        entry.size += piece.size();
        emit(piece.bytes(), piece.bytes().length);
        entry.compressedSize += piece.bytes().length;
    }

    void endEntry() throws IOException {
        deflater.finish();
        while (!deflater.finished()) {
            deflated(deflater.deflate(output, 0, output.length, Deflater.NO_FLUSH));
        }
        entry.crc = crcOfEntrySoFar();
        if (entry.compressedSize > MAX_SIZE || entry.size > MAX_SIZE) {
            throw new IOException("a part of the workbook is larger than 4 GiB");
        }
        byte[] descriptor = new byte[16];
        int at = putInt(descriptor, 0, 0x08074b50);
        at = putInt(descriptor, at, entry.crc);
        at = putInt(descriptor, at, entry.compressedSize);
        putInt(descriptor, at, entry.size);
        emit(descriptor, descriptor.length);
        entry = null;
    }

    /** The central directory and its end; the stream is left open. */
    void finish() throws IOException {
        if (entry != null) {
            throw new IllegalStateException("entry " + new String(entry.name, StandardCharsets.UTF_8) + " is not ended");
        }
        long start = offset;
        for (Entry e : entries) {
            byte[] header = new byte[46 + e.name.length];
            int at = putShort(header, putInt(header, 0, 0x02014b50), VERSION); // made by
            at = putVersionToDate(header, at);
            at = putInt(header, at, e.crc);
            at = putInt(header, at, e.compressedSize);
            at = putInt(header, at, e.size);
            at = putShort(header, at, e.name.length);
            // extra field, comment, disk, internal and external attributes: none
            at += 2 + 2 + 2 + 2 + 4;
            at = putInt(header, at, e.offset);
            System.arraycopy(e.name, 0, header, at, e.name.length);
            emit(header, header.length);
        }
        if (offset > MAX_SIZE || entries.size() > 0xFFFF) {
            throw new IOException("the workbook is larger than 4 GiB");
        }
        byte[] end = new byte[22];
        int at = putInt(end, 0, 0x06054b50);
        at += 2 + 2;
        at = putShort(end, at, entries.size());
        at = putShort(end, at, entries.size());
        at = putInt(end, at, offset - start);
        putInt(end, at, start);
        emit(end, end.length);
        deflater.end();
        out.flush();
    }

    private long crcOfEntrySoFar() {
        return combine(crcBefore, crc.getValue(), pieceSize);
    }

    private void fullFlush() throws IOException {
        int n;
        do {
            n = deflater.deflate(output, 0, output.length, Deflater.FULL_FLUSH);
            deflated(n);
        } while (n == output.length);
    }

    private void deflated(int n) throws IOException {
        emit(output, n);
        entry.compressedSize += n;
        if (captured != null) {
            captured.write(output, 0, n);
        }
    }

    private void emit(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
        offset += length;
    }

    /** The fields both headers of an entry begin with: version needed, flags, method, time and date. */
    private static int putVersionToDate(byte[] header, int at) {
        at = putShort(header, at, VERSION);
        at = putShort(header, at, FLAGS);
        at = putShort(header, at, DEFLATED);
        at = putShort(header, at, DOS_TIME);
        return putShort(header, at, DOS_DATE);
    }

    private static int putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        return at + 2;
    }

    private static int putInt(byte[] bytes, int at, long value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 4;
    }

    /**
     * The CRC-32 of two pieces of data one after the other, from the CRC of each and the second's length:
     * zlib's {@code crc32_combine}, the second CRC's register run through {@code length2} zero bytes by
     * squaring the matrix of one zero bit (GF(2)).
     */
    static long combine(long crc1, long crc2, long length2) {
        if (length2 <= 0) {
            return crc1;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = 0xEDB88320L; // the CRC-32 polynomial, reflected: the operator for one zero bit
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four
        long crc = crc1;
        long length = length2;
        do {
            square(even, odd); // the first round: one zero byte
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>>= 1;
        } while (length != 0);
        return crc ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
