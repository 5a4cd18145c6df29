package recon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes text and refuses bytes that are not valid in the charset, saying on which line they are
 * (an {@link java.io.InputStreamReader} would either replace them silently or lose the position).
 * Everything before the bad bytes is delivered first, so the line count is exact.
 */
final class StrictDecodingReader extends Reader {
    /** Bytes that are not text in the file's charset, on {@link #line}. */
    static final class UndecodableException extends IOException {
        final long line;

        UndecodableException(long line) {
            super("undecodable bytes on line " + line);
            this.line = line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean flushed;
    private long line = 1;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() > offset) {
                    break; // deliver the good text first; the next call fails right away
                }
                throw new UndecodableException(line);
            }
            if (result.isOverflow() || out.position() > offset) {
                break;
            }
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                if (out.position() > offset) {
                    break;
                }
                return -1;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        int produced = out.position() - offset;
        for (int i = offset; i < offset + produced; i++) {
            if (buffer[i] == '\n') {
                line++;
            }
        }
        return produced;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
