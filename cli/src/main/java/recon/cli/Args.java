package recon.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import recon.domain.Typos;

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

    /** "did you mean" ({@link Typos#closest}) as {@code （是否想写 --out？ did you mean --out?）}; "" when nothing is that close. */
    static String didYouMean(String typed, Collection<String> candidates, String prefix) {
        String meant = Typos.closest(typed, candidates);
        if (meant == null) {
            return "";
        }
        String word = prefix + meant;
        return "（是否想写 " + word + "？ did you mean " + word + "?）";
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
