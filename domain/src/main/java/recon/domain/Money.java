package recon.domain;

/**
 * Money is kept as a {@code long} count of fen (分): exact, and cheap to add up over millions of
 * lines. This class turns fen into the yuan strings of the reports ({@code "1234.50"}, {@code "-3.20"})
 * and back.
 */
public final class Money {
    private Money() {}

    /** {@code 123450 -> "1234.50"}, {@code -320 -> "-3.20"}. */
    public static String format(long fen) {
        long abs = Math.abs(fen);
        long yuan = abs / 100;
        long cents = abs % 100;
        return (fen < 0 ? "-" : "") + yuan + "." + (cents < 10 ? "0" : "") + cents;
    }

    /**
     * Strict parse of a plain yuan amount as written in our own files and configs: optional sign,
     * digits, at most two decimals ({@code "12"}, {@code "-3.2"}, {@code "0.01"}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static long parseYuan(String text) {
        try {
            return parseYuanExact(text);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too large an amount: " + text);
        }
    }

    private static long parseYuanExact(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty amount");
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long yuan = 0;
        int digits = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            yuan = Math.multiplyExact(yuan, 10) + (text.charAt(i) - '0');
            digits++;
            i++;
        }
        long cents = 0;
        int decimals = 0;
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                if (++decimals > 2) {
                    throw new IllegalArgumentException("more than two decimals: " + text);
                }
                cents = cents * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (decimals == 1) {
                cents *= 10;
            }
        }
        if (i != text.length() || digits + decimals == 0) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
        long fen = Math.addExact(Math.multiplyExact(yuan, 100), cents);
        return negative ? -fen : fen;
    }
}
