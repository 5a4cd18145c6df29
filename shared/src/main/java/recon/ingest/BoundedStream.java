package recon.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and stops past a limit: a guard against ZIP bombs, shared by all
 * members of a bundle. Closing it leaves the underlying stream open (the next member follows).
 */
final class BoundedStream extends FilterInputStream {
    /** The limit was passed; the message says so in words for the accountant. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final long limit;
    private final String message;
    private long count;

    BoundedStream(InputStream in, long limit, String message) {
        super(in);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public void close() {
        // the ZIP stream is closed by its owner
    }

    private void counted(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(message);
        }
    }
}
