package recon.domain;

/**
 * A 类目 is a path, its levels separated by {@code /} (also {@code >} and the full-width {@code ／}
 * some exports use): {@code 美容护肤/美体/精油}. A contract key names a 类目 and every 类目 under it;
 * levels are compared without the spaces around them.
 */
public final class CategoryPath {
    private CategoryPath() {}

    /**
     * How many levels {@code key} has when {@code category} is that 类目 or one under it, else -1:
     * 女装 is 1 level above 女装/女士精品 and 女装/女士精品/连衣裙, and no level of 女装饰品.
     */
    public static int depthUnder(String key, String category) {
        int k = 0;
        int c = 0;
        int depth = 0;
        while (true) {
            int keyEnd = levelEnd(key, k);
            int categoryEnd = levelEnd(category, c);
            if (!sameLevel(key, k, keyEnd, category, c, categoryEnd)) {
                return -1;
            }
            depth++;
            if (keyEnd == key.length()) {
                return depth;
            }
            if (categoryEnd == category.length()) {
                return -1; // the 类目 is above the key
            }
            k = keyEnd + 1;
            c = categoryEnd + 1;
        }
    }

    /** The path written with {@code /} and no spaces around its levels: two keys of one text name one 类目. */
    public static String canonical(String path) {
        StringBuilder canonical = new StringBuilder(path.length());
        int from = 0;
        while (true) {
            int end = levelEnd(path, from);
            canonical.append(path.substring(from, end).strip());
            if (end == path.length()) {
                return canonical.toString();
            }
            canonical.append('/');
            from = end + 1;
        }
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '>' || c == '／';
    }

    private static int levelEnd(String path, int from) {
        for (int i = from; i < path.length(); i++) {
            if (isSeparator(path.charAt(i))) {
                return i;
            }
        }
        return path.length();
    }

    /** Whether a[aFrom, aTo) and b[bFrom, bTo) are the same level, the spaces around them aside (as String.strip). */
    private static boolean sameLevel(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        int aStart = firstNonSpace(a, aFrom, aTo);
        int aLength = afterLastNonSpace(a, aStart, aTo) - aStart;
        int bStart = firstNonSpace(b, bFrom, bTo);
        int bLength = afterLastNonSpace(b, bStart, bTo) - bStart;
        return aLength == bLength && a.regionMatches(aStart, b, bStart, aLength);
    }

    private static int firstNonSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int afterLastNonSpace(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
