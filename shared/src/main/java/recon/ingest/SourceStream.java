package recon.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The uploaded source as opened. A failure to read it (disk, network) is not a fault of the file and
 * must not turn into a rejection: it escapes as {@link ReadFailure}, which the layers above (ZIP
 * inflater, decoder, CSV parser) let through untouched.
 */
final class SourceStream extends FilterInputStream {
    static final class ReadFailure extends UncheckedIOException {
        ReadFailure(IOException cause) {
            super("cannot read the uploaded file", cause);
        }
    }

    SourceStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    @Override
    public long skip(long n) {
        try {
            return in.skip(n);
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    @Override
    public int available() {
        try {
            return in.available();
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }
}
