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
 * Everything before the bad bytes is delivered first, so the line count is exact. Only for charsets
 * in which a byte below 0x80 at a character's start is that ASCII character (UTF-8, GB18030): ASCII
 * is copied without the decoder, and so are GB18030's two-byte characters (all of GBK), looked up in
 * a table the decoder filled once.
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

    /** Characters the decoder produces before the copy takes over again. */
    private static final int DECODED_AT_ONCE = 32;

    /**
     * The character of each valid GB18030 two-byte sequence, at {@code first << 8 | second}; 0 where
     * the two bytes are no such character (a four-byte sequence starts, or bad bytes): the decoder
     * decides those.
     */
    private static final class Gb18030Pairs {
        static final char[] CHARS = decodeAll();

        private static char[] decodeAll() {
            CharsetDecoder decoder = Head.GB18030.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            char[] chars = new char[1 << 16];
            CharBuffer out = CharBuffer.allocate(2);
            for (int first = 0x81; first <= 0xFE; first++) {
                for (int second = 0x40; second <= 0xFE; second++) {
                    ByteBuffer pair = ByteBuffer.wrap(new byte[] {(byte) first, (byte) second});
                    decoder.reset();
                    out.clear();
                    CoderResult result = decoder.decode(pair, out, true);
                    if (!result.isError() && !pair.hasRemaining() && out.position() == 1) {
                        chars[first << 8 | second] = out.get(0);
                    }
                }
            }
            return chars;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    /** {@link Gb18030Pairs#CHARS} when reading GB18030, else null. */
    private final char[] pairs;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean flushed;
    private long line = 1;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.pairs = charset.equals(Head.GB18030) ? Gb18030Pairs.CHARS : null;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            copyPlain(out);
            if (!out.hasRemaining()) {
                break;
            }
            // the decoder takes the text up to the next few characters, then the copy goes on
            int end = out.limit();
            int before = out.position();
            out.limit(Math.min(end, before + DECODED_AT_ONCE));
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            out.limit(end);
            countLines(buffer, before, out.position());
            if (result.isError()) {
                if (out.position() > offset) {
                    break; // deliver the good text first; the next call fails right away
                }
                throw new UndecodableException(line);
            }
            if (result.isOverflow()) {
                if (out.position() == before) {
                    break; // no room for the next character (a surrogate pair) in what is left
                }
                continue;
            }
            if (out.position() > offset) {
                break;
            }
            if (endOfInput) {
                if (!flushed) {
                    int flushedFrom = out.position();
                    decoder.flush(out);
                    countLines(buffer, flushedFrom, out.position());
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
        return out.position() - offset;
    }

    private void countLines(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] == '\n') {
                line++;
            }
        }
    }

    /**
     * Copies the ASCII characters and GB18030 two-byte characters at the start of the input straight
     * to {@code out}, counting the line breaks on the way. Between two calls of the decoder the input
     * starts at a character, and a byte below 0x80 there is that ASCII character in both charsets read
     * here (UTF-8 and GB18030); most of an export is ASCII, most of the rest two-byte characters.
     */
    private void copyPlain(CharBuffer out) {
        byte[] in = bytes.array();
        char[] chars = out.array();
        int i = bytes.position();
        int end = bytes.limit();
        int o = out.arrayOffset() + out.position();
        int outEnd = out.arrayOffset() + out.limit();
        int breaks = 0;
        while (i < end && o < outEnd) {
            byte b = in[i];
            if (b >= 0) {
                chars[o++] = (char) b;
                breaks += b == '\n' ? 1 : 0;
                i++;
                continue;
            }
            char pair = pairs != null && i + 1 < end ? pairs[(b & 0xFF) << 8 | in[i + 1] & 0xFF] : 0;
            if (pair == 0) {
                break;
            }
            chars[o++] = pair;
            i += 2;
        }
        bytes.position(i);
        out.position(o - out.arrayOffset());
        line += breaks;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
