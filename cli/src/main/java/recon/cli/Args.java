package recon.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments, checked against what a command accepts. */
public final class Args {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    public Args(List<String> args, Set<String> allowedOptions) {
        if (args.stream().anyMatch(Main.HELP::contains)) {
            throw new HelpRequested();
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                if (!allowedOptions.contains(name)) {
                    throw new UsageException("未知选项 unknown option " + arg + didYouMean(name, allowedOptions, "--"));
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " 后面缺少值 needs a value");
                }
                options.put(name, args.get(++i));
            } else {
                positional.add(arg);
            }
        }
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("缺少必填的 --" + name + "：--" + name + " is required");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int number(String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " 必须是正整数 must be a positive whole number, got " + value);
        }
    }

    public List<String> positional() {
        return positional;
    }

    /**
     * "did you mean": the one candidate within two edits of what was typed (a letter missing, added,
     * changed or two swapped), as {@code （是否想写 --out？ did you mean --out?）}; "" when none or several.
     */
    static String didYouMean(String typed, Collection<String> candidates, String prefix) {
        List<String> close = candidates.stream().filter(c -> distance(typed, c) <= 2).toList();
        if (close.size() != 1) {
            return "";
        }
        String word = prefix + close.getFirst();
        return "（是否想写 " + word + "？ did you mean " + word + "?）";
    }

    /** Edits (insert, delete, replace, swap of two neighbours) from one word to the other. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code --help} or {@code -h} among a command's arguments: its usage, exit 0. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    /** A mistake in the command line: exit code 2 with the usage text. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
