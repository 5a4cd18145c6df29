package recon.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 结算明细 rows of each day's workbook as they were deflated, kept for the month's workbook: a month's
 * list is its days' rows one after the other, so it takes them as they are ({@link ZipParts#append}) instead
 * of writing and deflating every line a second time. Kept in a temporary file, deleted when closed, not in
 * memory: a month of a million orders has some 70 MB of them.
 */
final class LedgerSegments implements Closeable {
    private record Segment(long offset, int length, long size, long crc, int rows) {}

    private final FileChannel file;
    private final Map<LocalDate, Segment> byDay = new ConcurrentHashMap<>();
    private long end;

    private LedgerSegments(FileChannel file) {
        this.file = file;
    }

    static LedgerSegments create() throws IOException {
        return new LedgerSegments(FileChannel.open(Files.createTempFile("recon-ledger-", ".deflated"),
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE));
    }

    /** Keeps the day's {@code rows} rows. */
    void put(LocalDate day, ZipParts.Deflated deflated, int rows) throws IOException {
        long offset;
        synchronized (this) {
            offset = end;
            end += deflated.bytes().length;
        }
        ByteBuffer bytes = ByteBuffer.wrap(deflated.bytes());
        while (bytes.hasRemaining()) {
            file.write(bytes, offset + bytes.position());
        }
        byDay.put(day, new Segment(offset, deflated.bytes().length, deflated.size(), deflated.crc(), rows));
    }

    /** The day's rows, or null when they were not kept or are not the {@code rows} rows asked for. */
    ZipParts.Deflated take(LocalDate day, int rows) throws IOException {
        Segment segment = byDay.get(day);
        if (segment == null || segment.rows() != rows) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(segment.length());
        while (bytes.hasRemaining()) {
            if (file.read(bytes, segment.offset() + bytes.position()) < 0) {
                throw new IOException("the kept ledger rows of " + day + " are cut short");
            }
        }
        return new ZipParts.Deflated(bytes.array(), segment.size(), segment.crc());
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
