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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

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

    @Property(tries = 300)
    void givesBackAnyTextAsEncoded(@ForAll("texts") String text, @ForAll boolean gbk,
            @ForAll @IntRange(min = 2, max = 70_000) int chunk) throws IOException {
        Charset charset = gbk ? Head.GB18030 : StandardCharsets.UTF_8;
        assertThat(readAll(text.getBytes(charset), charset, chunk)).isEqualTo(text);
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

    @Property(tries = 300)
    void readsAnyBytesAsTheCharsetsDecoderDoesOrRefusesOnItsLine(@ForAll("gbBytes") byte[] bytes,
            @ForAll @IntRange(min = 2, max = 5000) int chunk) {
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
    @Provide
    Arbitrary<byte[]> gbBytes() {
        Arbitrary<byte[]> text = texts().map(t -> t.getBytes(Head.GB18030));
        Arbitrary<byte[]> stray = Arbitraries.oneOf(
                        Arbitraries.integers().between(0x80, 0xFF),
                        Arbitraries.integers().between(0x30, 0x39),
                        Arbitraries.of(0x0A, 0x2C, 0x7F, 0x40))
                .map(b -> new byte[] {b.byteValue()});
        return Arbitraries.frequencyOf(Tuple.of(8, text), Tuple.of(1, stray)).list().ofMaxSize(20)
                .map(parts -> {
                    var all = new java.io.ByteArrayOutputStream();
                    parts.forEach(all::writeBytes);
                    return all.toByteArray();
                });
    }

    /** Export-like text: ASCII, Chinese, and characters outside the BMP (four bytes in GB18030). */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').withChars(',', '\n', '"')
                .ofMaxLength(200);
        Arbitrary<String> chinese = Arbitraries.strings().withCharRange('一', '龥').ofMaxLength(40);
        Arbitrary<String> outsideBmp = Arbitraries.of("𠀀", "𠮷", "😀");
        return Arbitraries.oneOf(ascii, chinese, outsideBmp).list().ofMaxSize(400)
                .map(parts -> String.join("", parts));
    }
}
