package recon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the XML of a workbook's parts from its bytes, tag by tag: start and end tags with their local
 * names (a prefix such as {@code x:} is passed over) and attributes, and the character data of an
 * element, with the five entities, character references, CDATA and UTF-8. What well-formed XML allows and
 * the parts never need is refused as a damaged file: a document type (so no entity is ever defined or
 * fetched), an unknown entity, bytes that are not UTF-8, a part that ends inside a tag.
 */
final class XlsxXml {
    static final int EOF = 0;
    static final int START = 1;
    static final int END = 2;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** The current tag's bytes, from after {@code <} to before {@code >} (or {@code />}). */
    private byte[] tag = new byte[256];
    private int tagLength;
    private int nameStart;
    private int nameEnd;
    private boolean empty;
    /** The current tag's attributes, four offsets each (local name from, to; value from, to); -1: not parsed yet. */
    private int[] attributes = new int[32];
    private int attributeCount = -1;
    /** The name of an entity in character data, up to its {@code ;}: the longest is a character reference, {@code #x10FFFF;}. */
    private final byte[] entityName = new byte[12];
    /** Character data being gathered, as UTF-8. */
    private byte[] text = new byte[256];
    private int textLength;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    XlsxXml(InputStream in) {
        this.in = in;
    }

    /** Moves to the next start or end tag, passing over text, comments and processing instructions. */
    int next() {
        while (true) {
            while (position < limit && buffer[position] != '<') {
                position++;
            }
            int b = read();
            if (b < 0) {
                return EOF;
            }
            if (b != '<') {
                continue;
            }
            int first = peek();
            if (first == '?') {
                skipPast((byte) '?', (byte) '>');
            } else if (first == '!') {
                bang();
            } else {
                return readTag();
            }
        }
    }

    /** The current tag is a start tag with no content ({@code <c r="A1"/>}). */
    boolean isEmpty() {
        return empty;
    }

    /** The current tag's local name is {@code name} (ASCII). */
    boolean is(String name) {
        int length = nameEnd - nameStart;
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (tag[nameStart + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The value of the current start tag's attribute of that local name, or null. */
    String attribute(String name) {
        int a = find(name);
        if (a >= 0) {
            {
                textLength = 0;
                int end = attributes[4 * a + 3];
                for (int k = attributes[4 * a + 2]; k < end; k++) {
                    if (tag[k] == '&') {
                        k = entity(tag, k + 1, end);
                    } else {
                        append(tag[k]);
                    }
                }
                return gathered();
            }
        }
        return null;
    }

    /**
     * The attribute as a non-negative integer written in ASCII digits ({@code s="12"}), without making a
     * string of it; {@code absent} when the tag has none.
     */
    int intAttribute(String name, int absent) {
        int a = find(name);
        if (a < 0) {
            return absent;
        }
        int from = attributes[4 * a + 2];
        int to = attributes[4 * a + 3];
        if (from == to || to - from > 9) {
            throw corrupt();
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            byte b = tag[i];
            if (b < '0' || b > '9') {
                throw corrupt();
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /**
     * The column of a cell reference attribute ({@code r="AB12"}: 28), from its letters, counted no further
     * than past {@code limit}; 0 when the tag has none.
     */
    long columnAttribute(String name, long limit) {
        int a = find(name);
        if (a < 0) {
            return 0;
        }
        long column = 0;
        for (int i = attributes[4 * a + 2]; i < attributes[4 * a + 3] && column <= limit; i++) {
            byte b = tag[i];
            if (b < 'A' || b > 'Z') {
                break;
            }
            column = column * 26 + (b - 'A' + 1);
        }
        return column;
    }

    /** The attribute's value is exactly {@code value} (ASCII). */
    boolean attributeIs(String name, String value) {
        int a = find(name);
        return a >= 0 && attributes[4 * a + 3] - attributes[4 * a + 2] == value.length()
                && matches(attributes[4 * a + 2], value);
    }

    /** The index of the attribute of that local name in the current tag, or -1. */
    private int find(String name) {
        if (attributeCount < 0) {
            parseAttributes();
        }
        for (int a = 0; a < attributeCount; a++) {
            int from = attributes[4 * a];
            if (attributes[4 * a + 1] - from == name.length() && matches(from, name)) {
                return a;
            }
        }
        return -1;
    }

    /** Notes where each attribute's local name and value are in the tag (namespace declarations left out). */
    private void parseAttributes() {
        attributeCount = 0;
        int i = nameEnd;
        while (true) {
            while (i < tagLength && isSpace(tag[i])) {
                i++;
            }
            if (i >= tagLength) {
                return;
            }
            int start = i;
            int localStart = i;
            while (i < tagLength && tag[i] != '=' && !isSpace(tag[i])) {
                if (tag[i] == ':') {
                    localStart = i + 1;
                }
                i++;
            }
            int end = i;
            while (i < tagLength && tag[i] != '=') {
                i++;
            }
            i++;
            while (i < tagLength && isSpace(tag[i])) {
                i++;
            }
            if (i >= tagLength || (tag[i] != '"' && tag[i] != '\'')) {
                throw corrupt();
            }
            byte quote = tag[i++];
            int valueStart = i;
            while (i < tagLength && tag[i] != quote) {
                i++;
            }
            if (i >= tagLength) {
                throw corrupt();
            }
            boolean declaration = localStart - start == 6 && matches(start, "xmlns") || end - start == 5 && matches(start, "xmlns");
            if (!declaration) {
                if (4 * attributeCount + 4 > attributes.length) {
                    attributes = Arrays.copyOf(attributes, attributes.length * 2);
                }
                attributes[4 * attributeCount] = localStart;
                attributes[4 * attributeCount + 1] = end;
                attributes[4 * attributeCount + 2] = valueStart;
                attributes[4 * attributeCount + 3] = i;
                attributeCount++;
            }
            i++;
        }
    }

    /**
     * The character data of the current element up to its next tag (the end tag, for the elements read
     * here), which the next {@link #next()} then reads.
     */
    String text() {
        textLength = 0;
        if (empty) {
            return "";
        }
        while (true) {
            if (position == limit && !refill()) {
                throw corrupt();
            }
            int start = position;
            int i = position;
            while (i < limit && buffer[i] != '<' && buffer[i] != '&') {
                i++;
            }
            appendBytes(start, i);
            position = i;
            if (i == limit) {
                continue;
            }
            if (buffer[i] == '<') {
                if (!cdataAhead()) {
                    return gathered();
                }
            } else {
                position++;
                entityInText();
            }
        }
    }

    // ---- tags

    private int readTag() {
        tagLength = 0;
        attributeCount = -1;
        byte quote = 0;
        while (true) {
            if (position == limit && !refill()) {
                throw corrupt();
            }
            int start = position;
            int i = position;
            boolean closed = false;
            for (; i < limit; i++) {
                byte b = buffer[i];
                if (quote != 0) {
                    if (b == quote) {
                        quote = 0;
                    }
                } else if (b == '"' || b == '\'') {
                    quote = b;
                } else if (b == '>') {
                    closed = true;
                    break;
                }
            }
            int length = i - start;
            if (tagLength + length > tag.length) {
                tag = Arrays.copyOf(tag, Math.max(tag.length * 2, tagLength + length));
            }
            System.arraycopy(buffer, start, tag, tagLength, length);
            tagLength += length;
            position = closed ? i + 1 : i;
            if (closed) {
                break;
            }
        }
        boolean end = tagLength > 0 && tag[0] == '/';
        empty = !end && tagLength > 0 && tag[tagLength - 1] == '/';
        if (empty) {
            tagLength--;
        }
        int i = end ? 1 : 0;
        nameStart = i;
        while (i < tagLength && !isSpace(tag[i])) {
            if (tag[i] == ':') {
                nameStart = i + 1;
            }
            i++;
        }
        nameEnd = i;
        if (nameEnd == nameStart) {
            throw corrupt();
        }
        return end ? END : START;
    }

    /** After {@code <!}: a comment is passed over; a document type, or CDATA outside text, is refused. */
    private void bang() {
        read();
        if (read() == '-' && read() == '-') {
            skipPast((byte) '-', (byte) '-');
            if (read() != '>') {
                throw corrupt();
            }
            return;
        }
        throw corrupt();
    }

    /** At a {@code <} in text: reads a CDATA section into the text and says so, or says it is a tag. */
    private boolean cdataAhead() {
        fill(9);
        if (limit - position < 9 || buffer[position + 1] != '!' || buffer[position + 2] != '[') {
            return false;
        }
        byte[] open = {'<', '!', '[', 'C', 'D', 'A', 'T', 'A', '['};
        for (int i = 0; i < open.length; i++) {
            if (buffer[position + i] != open[i]) {
                throw corrupt();
            }
        }
        position += open.length;
        while (true) {
            int b = read();
            if (b < 0) {
                throw corrupt();
            }
            if (b == ']' && peek() == ']') {
                fill(2);
                if (limit - position >= 2 && buffer[position + 1] == '>') {
                    position += 2;
                    return true;
                }
            }
            append((byte) b);
        }
    }

    private void skipPast(byte first, byte second) {
        int previous = -1;
        while (true) {
            int b = read();
            if (b < 0) {
                throw corrupt();
            }
            if (previous == first && b == second) {
                return;
            }
            previous = b;
        }
    }

    // ---- text

    private void entityInText() {
        byte[] name = entityName;
        int length = 0;
        while (true) {
            int b = read();
            if (b < 0 || length == name.length) {
                throw corrupt();
            }
            name[length++] = (byte) b;
            if (b == ';') {
                break;
            }
        }
        entity(name, 0, length);
    }

    /** Appends the entity whose name runs from {@code from} to the {@code ;} before {@code end}; the index of the {@code ;}. */
    private int entity(byte[] source, int from, int end) {
        int semicolon = from;
        while (semicolon < end && source[semicolon] != ';') {
            semicolon++;
        }
        if (semicolon == end || semicolon == from) {
            throw corrupt();
        }
        int code = source[from] == '#' ? characterReference(source, from + 1, semicolon)
                : namedEntity(source, from, semicolon);
        if (code < 0x80) {
            append((byte) code);
        } else if (code < 0x800) {
            append((byte) (0xC0 | code >> 6));
            append((byte) (0x80 | code & 0x3F));
        } else if (code < 0x10000) {
            append((byte) (0xE0 | code >> 12));
            append((byte) (0x80 | code >> 6 & 0x3F));
            append((byte) (0x80 | code & 0x3F));
        } else {
            append((byte) (0xF0 | code >> 18));
            append((byte) (0x80 | code >> 12 & 0x3F));
            append((byte) (0x80 | code >> 6 & 0x3F));
            append((byte) (0x80 | code & 0x3F));
        }
        return semicolon;
    }

    private static int namedEntity(byte[] source, int from, int to) {
        String name = new String(source, from, to - from, StandardCharsets.ISO_8859_1);
        return switch (name) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> throw corrupt();
        };
    }

    /** {@code #26131} or {@code #x4EA4}, from after the {@code &#}: a character XML may hold. */
    private static int characterReference(byte[] source, int from, int to) {
        boolean hex = from < to && source[from] == 'x';
        int i = hex ? from + 1 : from;
        if (i == to || to - i > 8) {
            throw corrupt();
        }
        int code = 0;
        for (; i < to; i++) {
            int digit = Character.digit(source[i], hex ? 16 : 10);
            if (digit < 0) {
                throw corrupt();
            }
            code = code * (hex ? 16 : 10) + digit;
        }
        if (!Character.isValidCodePoint(code) || Character.isSurrogate((char) code) && code < 0x10000) {
            throw corrupt();
        }
        return code;
    }

    private void append(byte b) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = b;
    }

    private void appendBytes(int from, int to) {
        int length = to - from;
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        System.arraycopy(buffer, from, text, textLength, length);
        textLength += length;
    }

    private String gathered() {
        // the JDK's own decoding is the fast one, but it replaces what is not UTF-8: the strict decoder then says
        // whether a replacement character was in the file or stands for bytes that are not UTF-8
        String decoded = new String(text, 0, textLength, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0) {
            try {
                utf8.reset().decode(ByteBuffer.wrap(text, 0, textLength));
            } catch (CharacterCodingException e) {
                throw corrupt();
            }
        }
        return decoded;
    }

    // ---- bytes

    private int read() {
        if (position == limit && !refill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private int peek() {
        if (position == limit && !refill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    /** Makes at least {@code count} bytes available if the part has them. */
    private void fill(int count) {
        if (limit - position >= count) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        try {
            while (limit < count) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    return;
                }
                limit += n;
            }
        } catch (IOException e) {
            throw corruptRead(e);
        }
    }

    private boolean refill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw corruptRead(e);
        }
    }

    private boolean matches(int from, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (tag[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static Rejection corrupt() {
        return new Rejection(0, FileIngest.CORRUPT_XLSX);
    }

    /** A part that cannot be inflated is damaged: the package was copied whole, what cannot be read in it is the file's. */
    private static Rejection corruptRead(IOException e) {
        return corrupt();
    }
}
