package recon.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.ingest.RecordSink;

/**
 * The stored form of a pack of records (orders, ledger lines, refunds): a version byte, then each
 * record as a tag and its fields — numbers as zig-zag varints, text as UTF-8 with its length, enums
 * by name so that a reordered enum never changes what a stored pack means — all gzipped.
 * Records are kept for a year and more: a new layout gets a new version, and old ones stay readable.
 */
public final class RecordCodec {
    static final int VERSION = 1;
    private static final int END = 0;
    private static final int ORDER = 'O';
    private static final int LINE = 'L';
    private static final int REFUND = 'R';

    private RecordCodec() {}

    /** Collects records in their raw encoding; {@link #pack()} gives the stored bytes. */
    public static final class Encoder {
        private final Bytes raw = new Bytes();
        private int count;

        public Encoder() {
            raw.write(VERSION);
        }

        public void order(Order o) {
            raw.write(ORDER);
            raw.text(o.orderId());
            raw.number(o.paidFen());
            raw.text(o.status().name());
            raw.number(o.createdAt());
            raw.number(o.paidAt());
            raw.number(o.confirmedAt());
            raw.text(o.category());
            raw.write(o.invoiceRequested() ? 1 : 0);
            raw.text(o.buyerHash());
            count++;
        }

        public void ledgerLine(LedgerLine l) {
            raw.write(LINE);
            raw.text(l.lineId());
            raw.text(l.orderId());
            raw.number(l.occurredAt());
            raw.number(l.incomeFen());
            raw.number(l.expenseFen());
            raw.number(l.balanceFen());
            raw.text(l.lineClass().name());
            raw.text(l.businessType());
            count++;
        }

        public void refund(Refund r) {
            raw.write(REFUND);
            raw.text(r.refundId());
            raw.text(r.orderId());
            raw.number(r.refundFen());
            raw.text(r.status().name());
            raw.number(r.appliedAt());
            raw.number(r.completedAt());
            raw.write(r.declaredAfterSale() ? 1 : 0);
            count++;
        }

        public int count() {
            return count;
        }

        /** Bytes before compression. */
        public int rawSize() {
            return raw.size();
        }

        public byte[] pack() {
            ByteArrayOutputStream packed = new ByteArrayOutputStream(raw.size() / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
                raw.writeTo(gzip);
                gzip.write(END);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in memory: does not happen
            }
            return packed.toByteArray();
        }
    }

    /**
     * Hands every record of a pack to the sink, in the order they were encoded.
     *
     * @throws IllegalArgumentException when the bytes are not a pack of a known version
     */
    public static void decode(byte[] packed, RecordSink sink) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed), 8192)) {
            Reader r = new Reader(in);
            int version = r.read();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown record pack version " + version);
            }
            for (int tag = r.read(); tag != END; tag = r.read()) {
                switch (tag) {
                    case ORDER -> sink.order(new Order(r.text(), r.number(), OrderStatus.valueOf(r.text()),
                            r.number(), r.number(), r.number(), r.text(), r.flag(), r.text()));
                    case LINE -> sink.ledgerLine(new LedgerLine(r.text(), r.text(), r.number(), r.number(),
                            r.number(), r.number(), LineClass.valueOf(r.text()), r.text()));
                    case REFUND -> sink.refund(new Refund(r.text(), r.text(), r.number(),
                            RefundStatus.valueOf(r.text()), r.number(), r.number(), r.flag()));
                    default -> throw new IllegalArgumentException("corrupt record pack: tag " + tag);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt record pack", e);
        }
    }

    /** A growable buffer with the encoding's primitives. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(4096);
        }

        void number(long value) {
            long zigzag = (value << 1) ^ (value >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                write((int) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            write((int) zigzag);
        }

        /** Length + 1 (0 for null), then the UTF-8 bytes. */
        void text(String value) {
            if (value == null) {
                number(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            number(utf8.length + 1L);
            write(utf8, 0, utf8.length);
        }
    }

    private static final class Reader {
        private final InputStream in;

        Reader(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("record pack ends early");
            }
            return b;
        }

        long number() throws IOException {
            long zigzag = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 63) {
                    throw new IOException("number too long");
                }
                int b = read();
                zigzag |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        boolean flag() throws IOException {
            return read() != 0;
        }

        String text() throws IOException {
            long length = number() - 1;
            if (length < 0) {
                return null;
            }
            if (length > 1 << 20) {
                throw new IOException("text too long");
            }
            byte[] utf8 = in.readNBytes((int) length);
            if (utf8.length != length) {
                throw new EOFException("record pack ends early");
            }
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }
}
