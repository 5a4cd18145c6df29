package recon.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import recon.domain.Times;

/**
 * Cleaning and parsing of single cells. Called for every cell of millions of rows, so it works on
 * characters by hand: no regex, no BigDecimal, no exception for a bad value (a sentinel instead).
 */
final class Cells {
    /** Returned by {@link #fen} and {@link #time} for a value that is not an amount or a time. */
    static final long INVALID = Long.MIN_VALUE + 1;

    /** More integer digits than any real amount; keeps {@code yuan * 100} far from overflow. */
    private static final int MAX_YUAN_DIGITS = 15;

    private Cells() {}

    /**
     * The value of a cell as exported: trims spaces and tabs (Alipay pads ids with a tab) and unwraps
     * the {@code ="3553498017448001"} form that keeps Excel from mangling long numbers.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(raw.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 3 && raw.charAt(start) == '=' && raw.charAt(start + 1) == '"'
                && raw.charAt(end - 1) == '"') {
            start += 2;
            end--;
            while (start < end && isBlank(raw.charAt(start))) {
                start++;
            }
            while (end > start && isBlank(raw.charAt(end - 1))) {
                end--;
            }
        }
        return raw.substring(start, end);
    }

    static boolean isBlank(char c) {
        return c <= ' ' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF';
    }

    /**
     * A header name reduced to compare with the alias lists: no BOM, no spaces, half-width
     * parentheses and colons ({@code 收入金额（+元）} and {@code 收入金额 (+元)} both give {@code 收入金额(+元)}).
     */
    static String headerName(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder name = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '（' -> name.append('(');
                case '）' -> name.append(')');
                case '：' -> name.append(':');
                default -> {
                    if (!isBlank(c)) {
                        name.append(c);
                    }
                }
            }
        }
        return name.toString();
    }

    /**
     * A cleaned, non-empty yuan amount in fen: {@code 1,234.50}, {@code ￥12.00}, {@code ¥12},
     * {@code -3.2}, {@code +3}. At most two decimals; anything else is {@link #INVALID}.
     */
    static long fen(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        boolean signed = false;
        boolean currency = false;
        while (i < n) {
            char c = s.charAt(i);
            if ((c == '-' || c == '+') && !signed) {
                signed = true;
                negative = c == '-';
            } else if ((c == '￥' || c == '¥') && !currency) {
                currency = true;
            } else {
                break;
            }
            i++;
        }
        long yuan = 0;
        int digits = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_YUAN_DIGITS) {
                    return INVALID;
                }
                yuan = yuan * 10 + (c - '0');
            } else if (c == ',' && digits > 0 && isThousandsGroup(s, i + 1)) {
                // thousands separator: "1,234.50"; "1,2" could be a decimal comma and is refused
            } else {
                break;
            }
            i++;
        }
        long cents = 0;
        int decimals = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                if (++decimals > 2) {
                    return INVALID;
                }
                cents = cents * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (decimals == 1) {
                cents *= 10;
            }
        }
        if (i != n || digits + decimals == 0) {
            return INVALID;
        }
        long fen = yuan * 100 + cents;
        return negative ? -fen : fen;
    }

    /**
     * A cleaned time in Asia/Shanghai as epoch seconds: {@code 2026-11-02 10:11:12},
     * {@code 2026/11/2 10:11:12}, {@code 2026-11-02 10:11}, {@code 2026-11-02},
     * {@code 2026年11月02日 10:11:12}. Empty gives {@link Times#NONE}; anything else, or a date that
     * does not exist, gives {@link #INVALID}.
     */
    static long time(String s) {
        int n = s.length();
        if (n == 0) {
            return Times.NONE;
        }
        int end = digitsEnd(s, 0, 4);
        if (end != 4) {
            return INVALID;
        }
        int year = number(s, 0, 4);
        int i = 4;
        if (i >= n) {
            return INVALID;
        }
        char separator = s.charAt(i);
        if (separator != '-' && separator != '/' && separator != '年') {
            return INVALID;
        }
        boolean chinese = separator == '年';
        end = digitsEnd(s, ++i, 2);
        if (end == i) {
            return INVALID;
        }
        int month = number(s, i, end);
        i = end;
        if (i >= n || s.charAt(i) != (chinese ? '月' : separator)) {
            return INVALID;
        }
        end = digitsEnd(s, ++i, 2);
        if (end == i) {
            return INVALID;
        }
        int day = number(s, i, end);
        i = end;
        if (chinese) {
            if (i >= n || s.charAt(i) != '日') {
                return INVALID;
            }
            i++;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != 'T') {
                return INVALID;
            }
            while (++i < n && s.charAt(i) == ' ') {
                // several spaces between date and time
            }
            end = digitsEnd(s, i, 2);
            if (end == i) {
                return INVALID;
            }
            hour = number(s, i, end);
            i = end;
            if (i >= n || s.charAt(i) != ':') {
                return INVALID;
            }
            end = digitsEnd(s, ++i, 2);
            if (end - i != 2) {
                return INVALID;
            }
            minute = number(s, i, end);
            i = end;
            if (i < n && s.charAt(i) == ':') {
                end = digitsEnd(s, ++i, 2);
                if (end - i != 2) {
                    return INVALID;
                }
                second = number(s, i, end);
                i = end;
            }
            if (i != n) {
                return INVALID;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        return Times.startOf(LocalDate.of(year, month, day)) + hour * 3600L + minute * 60L + second;
    }

    /** Only ASCII digits, at least one: how Tmall and Alipay ids are written. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code 3.55349801744800E+18}: a long id that went through Excel and lost its digits. */
    static boolean isScientific(String s) {
        int n = s.length();
        int i = digitsEnd(s, 0, n);
        if (i == 0) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i = digitsEnd(s, i + 1, n);
        }
        if (i >= n || (s.charAt(i) != 'E' && s.charAt(i) != 'e')) {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        return i < n && digitsEnd(s, i, n) == n;
    }

    /** First 16 hex digits of the SHA-256 of a buyer nick: stable, and not the nick. */
    static String buyerHash(MessageDigest sha256, String nick) {
        byte[] hash = sha256.digest(nick.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[16];
        for (int i = 0; i < 8; i++) {
            hex[2 * i] = Character.forDigit((hash[i] >> 4) & 0xF, 16);
            hex[2 * i + 1] = Character.forDigit(hash[i] & 0xF, 16);
        }
        return new String(hex);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean isThousandsGroup(String s, int from) {
        return digitsEnd(s, from, 4) == from + 3;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** End of the run of at most {@code max} digits starting at {@code from}. */
    static int digitsEnd(String s, int from, int max) {
        int i = from;
        int limit = (int) Math.min(s.length(), (long) from + max);
        while (i < limit && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    /** The first run of 15 to 20 digits in a text (an order id in a 备注), or null. */
    static String orderNumberIn(String text) {
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int end = digitsEnd(text, i, text.length());
            if (end - i >= 15 && end - i <= 20) {
                return text.substring(i, end);
            }
            i = end;
        }
        return null;
    }
}
