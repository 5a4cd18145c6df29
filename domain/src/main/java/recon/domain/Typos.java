package recon.domain;

import java.util.Collection;

/** "Did you mean": the known word a mistyped one most likely is (a config key, a command, an option). */
public final class Typos {
    /** How far a typo may be from what was meant. */
    public static final int MAX_EDITS = 2;

    private Typos() {}

    /**
     * The known word within {@value #MAX_EDITS} edits of one typed (a typo): the closest, the first
     * in alphabetical order of equally close ones; null when none is that close.
     */
    public static String closest(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known.stream().sorted().toList()) {
            int distance = editDistance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance: the fewest inserted, deleted or replaced characters that turn a into b. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
