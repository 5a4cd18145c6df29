package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import recon.testing.Gen;
import recon.testing.Property;

class CsvShapeReaderTest {
    private static final int MAX = CsvShapeReader.MAX_ROW_CHARS;

    /** Reads everything through the shape check, {@code chunk} characters at a time. */
    private static String readAll(String text, int chunk) throws IOException {
        Reader reader = new CsvShapeReader(new StringReader(text));
        StringBuilder passed = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n = reader.read(buffer, 0, chunk); n >= 0; n = reader.read(buffer, 0, chunk)) {
            passed.append(buffer, 0, n);
        }
        return passed.toString();
    }

    private static CsvShapeReader.BadShape refusal(String text, int chunk) {
        return catchThrowableOfType(CsvShapeReader.BadShape.class, () -> readAll(text, chunk));
    }

    /** A row of exactly {@code chars} characters, its line break counted. */
    private static String row(int chars) {
        return "a".repeat(chars - 1) + "\n";
    }

    @Test
    void passesRowOfExactlyTheLimitWhateverTheReads() {
        // given: a row of the largest length allowed (its line break included), a quoted line break before it
        String text = "a,\"x\ny\"\r\n" + row(MAX) + "b\n";

        // when / then
        Property.tries(40).forAll(Gen.ints(1, 70_000), chunk -> assertThat(readAll(text, chunk)).isEqualTo(text));
    }

    @Test
    void refusesRowOneCharacterOverTheLimitOnItsLine() {
        // given: line 3 (after a quoted line break) one character too long
        String text = "a,\"x\ny\"\r\n" + row(MAX + 1) + "b\n";

        Property.tries(40).forAll(Gen.ints(1, 70_000), chunk -> {
            // when
            CsvShapeReader.BadShape refused = refusal(text, chunk);

            // then
            assertThat(refused.line).isEqualTo(3);
            assertThat(refused).hasMessage("一行超过 100000 个字符，不是正常的导出文件");
        });
    }

    @Test
    void countsCharactersOfCommentsAndQuotedLineBreaks() {
        assertThat(refusal("\n#" + "c".repeat(MAX), 8192).line).isEqualTo(2);
        assertThat(refusal("h\n\"" + "\n".repeat(MAX) + "\"\n", 8192).line).isEqualTo(2);
    }

    @Test
    void refusesTheThousandAndFirstColumnNotTheThousandth() {
        String thousand = "h\n\"#\"" + ",\"a,b\"\"\"".repeat(CsvShapeReader.MAX_COLUMNS - 1) + "\r\n";
        Property.tries(20).forAll(Gen.ints(1, 5000), chunk -> {
            assertThat(readAll(thousand, chunk)).isEqualTo(thousand);

            CsvShapeReader.BadShape refused = refusal("h\n\n" + "x,".repeat(CsvShapeReader.MAX_COLUMNS) + "y\n", chunk);
            assertThat(refused.line).isEqualTo(3);
            assertThat(refused).hasMessage("一行超过 1000 列，不是正常的导出文件");
        });
    }

    @Test
    void longRowIsRefusedBeforeItsColumnsWhenItIsLongFirst() {
        String text = "h\n" + "a".repeat(MAX) + ",".repeat(CsvShapeReader.MAX_COLUMNS) + "\n";
        assertThat(refusal(text, 8192)).hasMessage("一行超过 100000 个字符，不是正常的导出文件");
    }

    @Test
    void refusesQuoteOpenAtTheEndOnTheLineItOpened() throws IOException {
        CsvShapeReader.BadShape refused = refusal("h\n1,\"a\"\"\n\n#trailer\n", 3);

        assertThat(refused.line).isEqualTo(2);
        assertThat(refused).hasMessage("引号没有闭合，文件可能不完整或已损坏");
        // a quote in the middle of a field, or in a comment, opens nothing
        assertThat(readAll("h\n1,a\"b\n#\"\n", 3)).isEqualTo("h\n1,a\"b\n#\"\n");
    }
}
