package recon.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import recon.domain.Money;
import recon.domain.Times;

/** How the exports write amounts, times and CSV fields. Hand-written because it runs millions of times. */
final class Text {
    private Text() {}

    /** Yuan with thousands separators from 1000 on, as the Alipay exports write them: {@code 1,234.50}. */
    static String groupedYuan(long fen) {
        String plain = Money.format(fen);
        int point = plain.indexOf('.');
        int start = fen < 0 ? 1 : 0;
        if (point - start <= 3) {
            return plain;
        }
        StringBuilder out = new StringBuilder(plain.length() + 4).append(plain, 0, start);
        for (int i = start; i < point; i++) {
            if (i > start && (point - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, point, plain.length()).toString();
    }

    /** {@code 2026-11-02 10:15:00}. */
    static String dateTime(long epochSecond) {
        long local = epochSecond + 8 * 3600;
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
        int second = (int) Math.floorMod(local, 86_400L);
        StringBuilder out = new StringBuilder(19).append(day).append(' ');
        two(out, second / 3600);
        two(out.append(':'), second / 60 % 60);
        two(out.append(':'), second % 60);
        return out.toString();
    }

    /** {@code 2026年11月01日 00:00:00}, the Alipay preamble's style. */
    static String chineseDateTime(long epochSecond) {
        LocalDateTime t = Times.local(epochSecond);
        StringBuilder out = new StringBuilder().append(t.getYear()).append('年');
        two(out, t.getMonthValue());
        two(out.append('月'), t.getDayOfMonth());
        out.append("日 ");
        two(out, t.getHour());
        two(out.append(':'), t.getMinute());
        two(out.append(':'), t.getSecond());
        return out.toString();
    }

    /** {@code 20261102}. */
    static String compactDate(LocalDate day) {
        StringBuilder out = new StringBuilder(8).append(day.getYear());
        two(out, day.getMonthValue());
        two(out, day.getDayOfMonth());
        return out.toString();
    }

    /** Appends one CSV field, quoted only when it must be. */
    static void field(StringBuilder row, String value) {
        if (row.length() > 0) {
            row.append(',');
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
        if (!quote || value.startsWith("=\"")) {
            row.append(value);
            return;
        }
        row.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** The Tmall report style for ids Excel must not touch: {@code ="3553498017448001"}. */
    static String excelText(String value) {
        return "=\"" + value + "\"";
    }

    private static void two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}
