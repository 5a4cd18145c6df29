package recon.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import recon.domain.Channel;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.RefundStatus;

/**
 * The stored form of a pack of records (orders, ledger lines, refunds, invoices), gzipped. Numbers are zig-zag
 * varints, text is UTF-8 with its length, enums go by name so that a reordered enum never changes
 * what a stored pack means.
 * <ul>
 * <li>Version 3 (written): version 2 with the invoices' columns after the refunds' (tag I).</li>
 * <li>Version 2 (read): field by field. A version byte, the byte length of each column, then the
 * columns: the records' tags in order (O, R, L for an Alipay line, W for a WeChat one), then each
 * field of each kind of record, times as differences (an order's payment and confirmation from its
 * creation, the others from the previous record's), a ledger balance as the difference from the
 * previous one. Like values next to each other compress
 * better: on the generated exports, a quarter fewer bytes, and so DynamoDB write units, than version 1.</li>
 * <li>Version 1 (read): a version byte, then each record as a tag and its fields, then a 0.</li>
 * </ul>
 * Records are kept for a year and more: a new layout gets a new version, and old ones stay readable.
 */
public final class RecordCodec {
    static final int VERSION = 3;
    private static final int COLUMNS_VERSION = 2;
    private static final int ROWS_VERSION = 1;
    private static final int END = 0;
    private static final int ORDER = 'O';
    private static final int LINE = 'L';
    /** A line of the WeChat bill: the same fields as an Alipay line (tag L), which every older pack holds. */
    private static final int WECHAT_LINE = 'W';
    private static final int REFUND = 'R';
    private static final int INVOICE = 'I';

    // the columns of version 2, in their stored order
    private static final int TAGS = 0;
    private static final int ORDER_ID = 1;
    private static final int ORDER_PAID_FEN = 2;
    private static final int ORDER_STATUS = 3;
    private static final int ORDER_CREATED = 4;
    private static final int ORDER_PAID_AT = 5;
    private static final int ORDER_CONFIRMED = 6;
    private static final int ORDER_CATEGORY = 7;
    private static final int ORDER_INVOICE = 8;
    private static final int ORDER_BUYER = 9;
    private static final int LINE_ID = 10;
    private static final int LINE_ORDER = 11;
    private static final int LINE_OCCURRED = 12;
    private static final int LINE_INCOME = 13;
    private static final int LINE_EXPENSE = 14;
    private static final int LINE_BALANCE = 15;
    private static final int LINE_CLASS = 16;
    private static final int LINE_BUSINESS_TYPE = 17;
    private static final int REFUND_ID = 18;
    private static final int REFUND_ORDER = 19;
    private static final int REFUND_FEN = 20;
    private static final int REFUND_STATUS = 21;
    private static final int REFUND_APPLIED = 22;
    private static final int REFUND_COMPLETED = 23;
    private static final int REFUND_AFTER_SALE = 24;
    private static final int INVOICE_ID = 25;
    private static final int INVOICE_ORDER = 26;
    private static final int INVOICE_FEN = 27;
    private static final int INVOICE_RED = 28;
    private static final int INVOICE_STATUS = 29;
    private static final int INVOICE_ISSUED = 30;
    private static final int INVOICE_REASON = 31;
    private static final int INVOICE_BUYER_NAMED = 32;
    private static final int COLUMNS = 33;
    /** Version 2 has the columns up to the refunds'. */
    private static final int COLUMNS_OF_VERSION_2 = 25;
    /** A pack holds at most a few hundred kilobytes; a column claiming more is corrupt. */
    private static final int MAX_COLUMN_BYTES = 64 << 20;

    private RecordCodec() {}

    /**
     * Collects records in their raw encoding; {@link #pack()} gives the stored bytes. Differences are
     * taken with wrapping arithmetic, exact both ways, {@link recon.domain.Times#NONE} included.
     */
    public static final class Encoder {
        private final Bytes[] columns = new Bytes[COLUMNS];
        private long lastCreated;
        private long lastOccurred;
        private long lastBalance;
        private long lastApplied;
        private long lastIssued;
        private int count;

        public Encoder() {
            for (int i = 0; i < COLUMNS; i++) {
                columns[i] = new Bytes();
            }
        }

        public void order(Order o) {
            columns[TAGS].write(ORDER);
            columns[ORDER_ID].text(o.orderId());
            columns[ORDER_PAID_FEN].number(o.paidFen());
            columns[ORDER_STATUS].text(o.status().name());
            columns[ORDER_CREATED].number(o.createdAt() - lastCreated);
            lastCreated = o.createdAt();
            columns[ORDER_PAID_AT].number(o.paidAt() - o.createdAt());
            columns[ORDER_CONFIRMED].number(o.confirmedAt() - o.createdAt());
            columns[ORDER_CATEGORY].text(o.category());
            columns[ORDER_INVOICE].write(o.invoiceRequested() ? 1 : 0);
            columns[ORDER_BUYER].text(o.buyerHash());
            count++;
        }

        public void ledgerLine(LedgerLine l) {
            columns[TAGS].write(l.channel() == Channel.TAOTIAN_WECHAT ? WECHAT_LINE : LINE);
            columns[LINE_ID].text(l.lineId());
            columns[LINE_ORDER].text(l.orderId());
            columns[LINE_OCCURRED].number(l.occurredAt() - lastOccurred);
            lastOccurred = l.occurredAt();
            columns[LINE_INCOME].number(l.incomeFen());
            columns[LINE_EXPENSE].number(l.expenseFen());
            columns[LINE_BALANCE].number(l.balanceFen() - lastBalance);
            lastBalance = l.balanceFen();
            columns[LINE_CLASS].text(l.lineClass().name());
            columns[LINE_BUSINESS_TYPE].text(l.businessType());
            count++;
        }

        public void refund(Refund r) {
            columns[TAGS].write(REFUND);
            columns[REFUND_ID].text(r.refundId());
            columns[REFUND_ORDER].text(r.orderId());
            columns[REFUND_FEN].number(r.refundFen());
            columns[REFUND_STATUS].text(r.status().name());
            columns[REFUND_APPLIED].number(r.appliedAt() - lastApplied);
            lastApplied = r.appliedAt();
            columns[REFUND_COMPLETED].number(r.completedAt() - r.appliedAt());
            columns[REFUND_AFTER_SALE].write(r.declaredAfterSale() ? 1 : 0);
            count++;
        }

        public void invoice(Invoice i) {
            columns[TAGS].write(INVOICE);
            columns[INVOICE_ID].text(i.invoiceId());
            columns[INVOICE_ORDER].text(i.orderId());
            columns[INVOICE_FEN].number(i.amountFen());
            columns[INVOICE_RED].write(i.red() ? 1 : 0);
            columns[INVOICE_STATUS].text(i.status().name());
            columns[INVOICE_ISSUED].number(i.issuedAt() - lastIssued);
            lastIssued = i.issuedAt();
            columns[INVOICE_REASON].text(i.reversalReason());
            columns[INVOICE_BUYER_NAMED].write(i.buyerNamed() ? 1 : 0);
            count++;
        }

        public int count() {
            return count;
        }

        /** Bytes before compression. */
        public int rawSize() {
            int size = 1;
            for (Bytes column : columns) {
                size += column.size();
            }
            return size;
        }

        public byte[] pack() {
            Bytes head = new Bytes();
            head.write(VERSION);
            for (Bytes column : columns) {
                head.number(column.size());
            }
            ByteArrayOutputStream packed = new ByteArrayOutputStream(rawSize() / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
                head.writeTo(gzip);
                for (Bytes column : columns) {
                    column.writeTo(gzip);
                }
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
            switch (version) {
                case VERSION -> decodeColumns(r, sink, COLUMNS);
                case COLUMNS_VERSION -> decodeColumns(r, sink, COLUMNS_OF_VERSION_2);
                case ROWS_VERSION -> decodeRows(r, sink);
                default -> throw new IllegalArgumentException("unknown record pack version " + version);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt record pack", e);
        }
    }

    private static void decodeRows(Reader r, RecordSink sink) throws IOException {
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
    }

    private static void decodeColumns(Reader r, RecordSink sink, int stored) throws IOException {
        long[] lengths = new long[COLUMNS];
        for (int i = 0; i < stored; i++) {
            lengths[i] = r.number();
            if (lengths[i] < 0 || lengths[i] > MAX_COLUMN_BYTES) {
                throw new IOException("column too long");
            }
        }
        Reader[] c = new Reader[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            c[i] = new Reader(new ByteArrayInputStream(r.bytes((int) lengths[i])));
        }
        if (r.in.read() >= 0) {
            throw new IOException("bytes after the last column");
        }
        long created = 0;
        long occurred = 0;
        long balance = 0;
        long applied = 0;
        long issued = 0;
        for (int tag = c[TAGS].in.read(); tag >= 0; tag = c[TAGS].in.read()) {
            switch (tag) {
                case ORDER -> {
                    String id = c[ORDER_ID].text();
                    long paidFen = c[ORDER_PAID_FEN].number();
                    OrderStatus status = OrderStatus.valueOf(c[ORDER_STATUS].text());
                    created += c[ORDER_CREATED].number();
                    long paidAt = created + c[ORDER_PAID_AT].number();
                    long confirmedAt = created + c[ORDER_CONFIRMED].number();
                    sink.order(new Order(id, paidFen, status, created, paidAt, confirmedAt, c[ORDER_CATEGORY].text(),
                            c[ORDER_INVOICE].flag(), c[ORDER_BUYER].text()));
                }
                case LINE, WECHAT_LINE -> {
                    Channel channel = tag == WECHAT_LINE ? Channel.TAOTIAN_WECHAT : Channel.ALIPAY;
                    String id = c[LINE_ID].text();
                    String orderId = c[LINE_ORDER].text();
                    occurred += c[LINE_OCCURRED].number();
                    long income = c[LINE_INCOME].number();
                    long expense = c[LINE_EXPENSE].number();
                    balance += c[LINE_BALANCE].number();
                    sink.ledgerLine(new LedgerLine(channel, id, orderId, occurred, income, expense, balance,
                            LineClass.valueOf(c[LINE_CLASS].text()), c[LINE_BUSINESS_TYPE].text()));
                }
                case REFUND -> {
                    String id = c[REFUND_ID].text();
                    String orderId = c[REFUND_ORDER].text();
                    long fen = c[REFUND_FEN].number();
                    RefundStatus status = RefundStatus.valueOf(c[REFUND_STATUS].text());
                    applied += c[REFUND_APPLIED].number();
                    long completed = applied + c[REFUND_COMPLETED].number();
                    sink.refund(new Refund(id, orderId, fen, status, applied, completed, c[REFUND_AFTER_SALE].flag()));
                }
                case INVOICE -> {
                    String id = c[INVOICE_ID].text();
                    String orderId = c[INVOICE_ORDER].text();
                    long fen = c[INVOICE_FEN].number();
                    boolean red = c[INVOICE_RED].flag();
                    InvoiceStatus status = InvoiceStatus.valueOf(c[INVOICE_STATUS].text());
                    issued += c[INVOICE_ISSUED].number();
                    sink.invoice(new Invoice(id, orderId, fen, red, status, issued, c[INVOICE_REASON].text(),
                            c[INVOICE_BUYER_NAMED].flag()));
                }
                default -> throw new IllegalArgumentException("corrupt record pack: tag " + tag);
            }
        }
        for (Reader column : c) {
            if (column.in.read() >= 0) {
                throw new IOException("a column holds more than its records");
            }
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
            return new String(bytes((int) length), StandardCharsets.UTF_8);
        }

        byte[] bytes(int length) throws IOException {
            byte[] read = in.readNBytes(length);
            if (read.length != length) {
                throw new EOFException("record pack ends early");
            }
            return read;
        }
    }
}
