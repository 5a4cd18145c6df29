package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import recon.testing.Gen;
import recon.testing.Property;

class StrictDecodingReaderTest {
    /** Reads everything, asking for {@code chunk} characters at a time. */
    private static String readAll(byte[] bytes, Charset charset, int chunk) throws IOException {
        StrictDecodingReader reader = new StrictDecodingReader(new ByteArrayInputStream(bytes), charset);
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n = reader.read(buffer, 0, chunk); n >= 0; n = reader.read(buffer, 0, chunk)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Test
    void givesBackAnyTextAsEncoded() {
        Property.tries(300).forAll(texts(), Gen.booleans(), Gen.ints(2, 70_000), (text, gbk, chunk) -> {
            Charset charset = gbk ? Head.GB18030 : StandardCharsets.UTF_8;
            assertThat(readAll(text.getBytes(charset), charset, chunk)).isEqualTo(text);
        });
    }

    @Test
    void refusesBytesThatAreNoTextAndNamesTheirLine() {
        byte[] good = "账务流水号,金额\n2026110100000001,1.00\n".getBytes(Head.GB18030);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = 'x';
        bytes[good.length + 1] = (byte) 0x80; // never a character in GB18030
        bytes[good.length + 2] = '\n';

        assertThatThrownBy(() -> readAll(bytes, Head.GB18030, 8192))
                .isInstanceOf(StrictDecodingReader.UndecodableException.class)
                .satisfies(e -> assertThat(((StrictDecodingReader.UndecodableException) e).line).isEqualTo(3));
    }

    @Test
    void readsAnyBytesAsTheCharsetsDecoderDoesOrRefusesOnItsLine() {
        Property.tries(300).forAll(gbBytes(), Gen.ints(2, 5000), StrictDecodingReaderTest::readsAsTheDecoderDoes);
    }

    private static void readsAsTheDecoderDoes(byte[] bytes, int chunk) {
        // given: what the JDK's own decoder makes of the bytes, up to the first that are no text
        CharBuffer expected = CharBuffer.allocate(bytes.length * 2 + 2);
        CoderResult result = Head.GB18030.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes), expected, true);
        String decoded = expected.flip().toString();

        // when
        Throwable refused = catchThrowable(() -> assertThat(readAll(bytes, Head.GB18030, chunk)).isEqualTo(decoded));

        // then
        if (result.isError()) {
            long line = 1 + decoded.chars().filter(c -> c == '\n').count();
            assertThat(refused).isInstanceOf(StrictDecodingReader.UndecodableException.class);
            assertThat(((StrictDecodingReader.UndecodableException) refused).line).isEqualTo(line);
        } else {
            assertThat(refused).isNull();
        }
    }

    /** GB18030 text with stray bytes: lead bytes, four-byte digits, bytes never valid. */
    private static Gen<byte[]> gbBytes() {
        Gen<byte[]> text = texts().map(t -> t.getBytes(Head.GB18030));
        Gen<byte[]> stray = Gen.oneOf(Gen.ints(0x80, 0xFF), Gen.ints(0x30, 0x39), Gen.of(0x0A, 0x2C, 0x7F, 0x40))
                .map(b -> new byte[] {b.byteValue()});
        return Gen.frequency(8, text, 1, stray).list(0, 20)
                .map(parts -> {
                    var all = new java.io.ByteArrayOutputStream();
                    parts.forEach(all::writeBytes);
                    return all.toByteArray();
                });
    }

    /**
     * Export-like text: ASCII (with line breaks, commas and quotes among it), Chinese, and characters
     * outside the BMP (four bytes in GB18030).
     */
    private static Gen<String> texts() {
        Gen<String> ascii = Gen.strings(Gen.frequency(95, Gen.chars(' ', '~'), 3, Gen.of(',', '\n', '"')), 0, 200);
        Gen<String> chinese = Gen.strings(Gen.chars('一', '龥'), 0, 40);
        Gen<String> outsideBmp = Gen.of("𠀀", "𠮷", "😀");
        return Gen.oneOf(ascii, chinese, outsideBmp).list(0, 400)
                .map(parts -> String.join("", parts));
    }
}
