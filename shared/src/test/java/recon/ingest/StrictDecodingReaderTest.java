package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
