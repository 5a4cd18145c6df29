package recon.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** A line on stderr every few seconds while large inputs are read: how far through the bytes we are. */
final class Progress {
    private static final long EVERY_NANOS = 3_000_000_000L;

    private final PrintStream err;
    private final long totalBytes;
    private long readBytes;
    private long lastPrinted = System.nanoTime();

    Progress(PrintStream err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    InputStream track(String name, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(name, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    advance(name, n);
                }
                return n;
            }
        };
    }

    /** Files may be read side by side. */
    private synchronized void advance(String name, long bytes) {
        readBytes += bytes;
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            err.printf("  … %s: %,d MB of %,d MB read (%d %%)%n",
                    name, readBytes >> 20, totalBytes >> 20, readBytes * 100 / totalBytes);
        }
    }
}
