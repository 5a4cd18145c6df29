package recon.domain;

/**
 * Record ids kept compactly. Tmall and Alipay ids are decimal numbers of 14 to 19 digits: as a
 * String one costs about 64 bytes, as a long 8, and a store of a million orders holds millions of
 * them. An id written as such a number (digits, no leading zero, within a long) is kept as that
 * number; any other id is kept as its text, so every id still comes back exactly as it was given.
 */
public final class Ids {
    /** The number of an id kept as text, or of no id at all. */
    public static final long TEXT = -1;

    private static final String MAX_NUMBER = Long.toString(Long.MAX_VALUE);

    private Ids() {}

    /** The id as a number, or {@link #TEXT} when it is null or not a plain number within a long. */
    public static long number(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_NUMBER.length()
                || (id.charAt(0) == '0' && id.length() > 1)) {
            return TEXT;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return TEXT;
            }
        }
        if (id.length() == MAX_NUMBER.length() && id.compareTo(MAX_NUMBER) > 0) {
            return TEXT;
        }
        return Long.parseLong(id);
    }

    /** What to keep beside the number: the text itself when the id is not kept as a number, else null. */
    static String text(String id, long number) {
        return number == TEXT ? id : null;
    }

    /** The id as given, from its number and text. */
    static String id(long number, String text) {
        return number == TEXT ? text : Long.toString(number);
    }

    /**
     * Compares two ids as {@link String#compareTo} compares their texts, without making the texts
     * when both are numbers of the same length (as the ids of one export are).
     */
    static int compare(long number, String text, long otherNumber, String otherText) {
        if (number != TEXT && otherNumber != TEXT && digits(number) == digits(otherNumber)) {
            return Long.compare(number, otherNumber);
        }
        return id(number, text).compareTo(id(otherNumber, otherText));
    }

    /**
     * A fixed order of ids for grouping and joining records by id, cheaper than the order of their
     * texts: the ids kept as text first, by their text, then the numbers. {@code text} is the id's
     * text when {@code number} is {@link #TEXT}.
     */
    public static int compareKeys(long number, String text, long otherNumber, String otherText) {
        int byNumber = Long.compare(number, otherNumber);
        if (byNumber != 0 || number != TEXT) {
            return byNumber;
        }
        return text.compareTo(otherText);
    }

    private static int digits(long number) {
        int digits = 1;
        for (long rest = number / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }
}
