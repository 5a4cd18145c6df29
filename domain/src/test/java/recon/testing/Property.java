package recon.testing;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A property: a check run on generated inputs, called from a JUnit test as
 * {@code Property.tries(500).forAll(gen, value -> ...)}. The first try has every choice at its smallest
 * and the second every choice at its largest (the edges of the ranges, empty and full lists); the
 * others draw from seeds derived from one base seed, which is fixed per property (from its class and method names) so that
 * every build runs the same inputs. System properties change them for a local run:
 * {@code -Drecon.property.seed=N} another base seed, {@code -Drecon.property.tries.factor=100} a
 * hundred times the tries. A failing input is shrunk (see {@link #shrink}) and the test fails with the
 * seed that reproduces it and the smallest failing input found.
 */
public final class Property {
    public static final String SEED = "recon.property.seed";
    public static final String TRIES_FACTOR = "recon.property.tries.factor";
    /** Shrinking stops after so many runs or seconds: the seed reproduces the failure anyway. */
    static final int SHRINK_RUNS = 5_000;
    static final long SHRINK_NANOS = 60_000_000_000L;
    /** Longest text printed of one input. */
    private static final int SHOWN = 4_000;

    private final String name;
    private final long baseSeed;
    private final int tries;
    /** The tries factor given, to repeat in the rerun hint; null when none. */
    private final String factor;

    Property(String name, long baseSeed, int tries, String factor) {
        this.name = name;
        this.baseSeed = baseSeed;
        this.tries = tries;
        this.factor = factor;
    }

    /** A property of the calling test method, of {@code tries} tries (times the factor, if one is given). */
    public static Property tries(int tries) {
        StackWalker.StackFrame caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> f.getDeclaringClass() != Property.class).findFirst()).orElseThrow();
        String name = caller.getDeclaringClass().getSimpleName() + "#" + caller.getMethodName();
        String seed = System.getProperty(SEED, "").strip();
        String factor = System.getProperty(TRIES_FACTOR, "").strip();
        return new Property(name, seed.isEmpty() ? defaultSeed(name) : Long.parseLong(seed),
                factor.isEmpty() ? tries : (int) Math.max(1, Math.round(tries * Double.parseDouble(factor))),
                factor.isEmpty() ? null : factor);
    }

    /** A fixed seed per property, from its name (String.hashCode is specified, so it never changes). */
    static long defaultSeed(String name) {
        return name.hashCode() & 0xFFFF_FFFFL;
    }

    /** The seed of try {@code index}: SplitMix64 of the base seed's sequence, so that near seeds differ. */
    static long seedOf(long baseSeed, int index) {
        long z = baseSeed + (index + 1) * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    @FunctionalInterface
    public interface Check1<A> {
        void check(A a) throws Exception;
    }

    @FunctionalInterface
    public interface Check2<A, B> {
        void check(A a, B b) throws Exception;
    }

    @FunctionalInterface
    public interface Check3<A, B, C> {
        void check(A a, B b, C c) throws Exception;
    }

    public <A> void forAll(Gen<A> a, Check1<A> check) {
        run(c -> List.of(box(a.generate(c))), in -> check.check(unbox(in.get(0))));
    }

    public <A, B> void forAll(Gen<A> a, Gen<B> b, Check2<A, B> check) {
        run(c -> List.of(box(a.generate(c)), box(b.generate(c))),
                in -> check.check(unbox(in.get(0)), unbox(in.get(1))));
    }

    public <A, B, C> void forAll(Gen<A> a, Gen<B> b, Gen<C> c, Check3<A, B, C> check) {
        run(ch -> List.of(box(a.generate(ch)), box(b.generate(ch)), box(c.generate(ch))),
                in -> check.check(unbox(in.get(0)), unbox(in.get(1)), unbox(in.get(2))));
    }

    /** Null stands for itself in an input list (List.of refuses null). */
    private static final Object NULL = new Object();

    private static Object box(Object value) {
        return value == null ? NULL : value;
    }

    @SuppressWarnings("unchecked")
    private static <T> T unbox(Object value) {
        return value == NULL ? null : (T) value;
    }

    private void run(Gen<List<Object>> inputs, Check1<List<Object>> check) {
        for (int i = 0; i < tries; i++) {
            Choices choices = i == 0 ? Choices.smallest() : i == 1 ? Choices.largest() : Choices.random(seedOf(baseSeed, i));
            List<Object> input;
            try {
                input = inputs.generate(choices);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(name + ": the generator failed on try " + (i + 1) + "; " + rerun(), e);
            }
            Throwable failure = failure(check, input);
            if (failure != null) {
                Shrunk shrunk = shrink(inputs, check, new Shrunk(choices.made(), input, failure));
                throw new AssertionError(report(i, input, shrunk), shrunk.failure);
            }
        }
    }

    private static Throwable failure(Check1<List<Object>> check, List<Object> input) {
        try {
            check.check(input);
            return null;
        } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
            return e;
        }
    }

    /** The smallest failing input found: its choices, the input, how it failed, after how many runs. */
    record Shrunk(long[] choices, List<Object> input, Throwable failure, int runs, boolean stoppedEarly) {
        Shrunk(long[] choices, List<Object> input, Throwable failure) {
            this(choices, input, failure, 0, false);
        }
    }

    /**
     * Shrinks by replaying edited choice sequences and keeping an edit whenever the input it gives still
     * fails and its choices are simpler (fewer, or as many and smaller at the first difference): delete
     * chunks of choices (large ones first), set chunks to 0, then lower each choice as far as it still
     * fails (by bisection). Repeats until a round changes nothing or the budget runs out.
     */
    static Shrunk shrink(Gen<List<Object>> inputs, Check1<List<Object>> check, Shrunk found) {
        Shrinker shrinker = new Shrinker(inputs, check, found);
        boolean changed = true;
        while (changed && !shrinker.spent()) {
            changed = false;
            // chunks of 1 to 8 choices (what one value takes) at every position, larger ones (halves,
            // quarters...) side by side
            for (int size = Integer.highestOneBit(Math.max(1, shrinker.best.choices.length)); size >= 1;
                    size = size > 8 ? Math.max(8, size / 2) : size - 1) {
                int step = size > 8 ? size : 1;
                int at = shrinker.best.choices.length - size;
                while (at >= 0 && !shrinker.spent()) {
                    long[] cur = shrinker.best.choices;
                    long[] shorter = new long[cur.length - size];
                    System.arraycopy(cur, 0, shorter, 0, at);
                    System.arraycopy(cur, at + size, shorter, at, cur.length - at - size);
                    // a count drawn before the chunk may have to go down with it (n, then n items)
                    if (shrinker.attempt(shorter, false)
                            || at > 0 && shorter[at - 1] != 0 && shrinker.attempt(decremented(shorter, at - 1), true)) {
                        changed = true; // and again at the same place, which now holds what followed
                        at = Math.min(at, shrinker.best.choices.length - size);
                    } else {
                        at -= step;
                    }
                }
            }
            for (int size = Integer.highestOneBit(Math.max(1, shrinker.best.choices.length)); size >= 2; size /= 2) {
                for (int at = 0; at + size <= shrinker.best.choices.length && !shrinker.spent(); at += size) {
                    long[] zeroed = shrinker.best.choices.clone();
                    Arrays.fill(zeroed, at, at + size, 0);
                    changed |= shrinker.attempt(zeroed);
                }
            }
            for (int at = 0; at < shrinker.best.choices.length && !shrinker.spent(); at++) {
                long high = shrinker.best.choices[at];
                if (high == 0) {
                    continue;
                }
                // the smallest values first (what fails is not always monotone: 1 may fail where 0 and 500 pass),
                // then bisect between a value that passes (low) and one that fails (high)
                long low = -1;
                for (long small = 0; small <= 8 && Long.compareUnsigned(small, high) < 0 && low == -1; small++) {
                    low = shrinker.attemptValue(at, small) ? small : -1;
                }
                if (low != -1) {
                    changed = true;
                    continue;
                }
                low = 0;
                while (Long.compareUnsigned(high - low, 1) > 0) {
                    long mid = low + Long.divideUnsigned(high - low, 2);
                    if (shrinker.attemptValue(at, mid)) {
                        changed = true;
                        if (at >= shrinker.best.choices.length || shrinker.best.choices[at] != mid) {
                            break; // the edit changed the shape of what follows: bisect no further
                        }
                        high = mid;
                    } else if (shrinker.spent()) {
                        break;
                    } else {
                        low = mid;
                    }
                }
            }
        }
        return new Shrunk(shrinker.best.choices, shrinker.best.input, shrinker.best.failure, shrinker.runs, shrinker.spent());
    }

    private static long[] decremented(long[] choices, int at) {
        long[] copy = choices.clone();
        copy[at]--;
        return copy;
    }

    /** The best failure so far, and the budget. */
    private static final class Shrinker {
        private final Gen<List<Object>> inputs;
        private final Check1<List<Object>> check;
        private final long deadline = System.nanoTime() + SHRINK_NANOS;
        /** Hashes of the sequences tried (not the sequences: they may be millions of choices long). */
        private final Set<Long> tried = new HashSet<>();
        Shrunk best;
        int runs;

        Shrinker(Gen<List<Object>> inputs, Check1<List<Object>> check, Shrunk found) {
            this.inputs = inputs;
            this.check = check;
            this.best = found;
        }

        boolean spent() {
            return runs >= SHRINK_RUNS || System.nanoTime() > deadline;
        }

        boolean attemptValue(int at, long value) {
            long[] candidate = best.choices.clone();
            candidate[at] = value;
            return attempt(candidate);
        }

        boolean attempt(long[] candidate) {
            return attempt(candidate, false);
        }

        /**
         * Whether the candidate gives a failing input of simpler choices: then it is the best. A
         * lowered count must also give fewer choices, else it would be taken down one at a time.
         */
        boolean attempt(long[] candidate, boolean fewer) {
            if (spent() || !tried.add(hash(candidate))) {
                return false;
            }
            runs++;
            Choices replay = Choices.replay(candidate);
            List<Object> input;
            try {
                input = inputs.generate(replay);
            } catch (RuntimeException | Error e) {
                return false; // no input of the generator
            }
            long[] made = replay.made();
            if (fewer ? made.length >= best.choices.length : !simpler(made, best.choices)) {
                return false;
            }
            Throwable failure = failure(check, input);
            if (failure == null) {
                return false;
            }
            best = new Shrunk(made, input, failure);
            return true;
        }

        private static long hash(long[] sequence) {
            long hash = sequence.length;
            for (long choice : sequence) {
                hash = (hash ^ choice) * 0x100_0000_01B3L + 0x9E37_79B9_7F4A_7C15L;
            }
            return hash;
        }
    }

    /** Shortlex: fewer choices, or as many and the first different one smaller (unsigned). */
    static boolean simpler(long[] a, long[] b) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        int differ = Arrays.mismatch(a, b);
        return differ >= 0 && Long.compareUnsigned(a[differ], b[differ]) < 0;
    }

    private String rerun() {
        return "rerun with -Dtest=" + name + " -D" + SEED + "=" + baseSeed
                + (factor == null ? "" : " -D" + TRIES_FACTOR + "=" + factor);
    }

    private String report(int index, List<Object> original, Shrunk shrunk) {
        String which = index == 0 ? "every choice smallest" : index == 1 ? "every choice largest"
                : "seed " + seedOf(baseSeed, index);
        return "Property " + name + " failed on try " + (index + 1) + " of " + tries + " (" + which + ")\n"
                + "  base seed " + baseSeed + ": " + rerun() + "\n"
                + "  smallest failing input found (" + shrunk.runs + " shrink runs"
                + (shrunk.stoppedEarly ? ", stopped by the budget" : "") + "):\n" + showInputs(shrunk.input)
                + "  its failure: " + shrunk.failure + "\n"
                + "  the input as first generated:\n" + showInputs(original);
    }

    private static String showInputs(List<Object> input) {
        return input.stream().map(v -> "    " + cut(show(v == NULL ? null : v)) + "\n").collect(Collectors.joining());
    }

    private static String cut(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + (text.length() - SHOWN) + " more characters)";
    }

    /** Strings quoted with their invisible characters escaped; arrays and lists element by element. */
    public static String show(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> quote(text);
            case Character ch -> "'" + escape(String.valueOf(ch)) + "'";
            case byte[] bytes -> Arrays.toString(bytes);
            case int[] ints -> Arrays.toString(ints);
            case long[] longs -> Arrays.toString(longs);
            case Object[] objects -> show(Arrays.asList(objects));
            case List<?> list -> list.stream().map(Property::show).collect(Collectors.joining(", ", "[", "]"));
            default -> String.valueOf(value);
        };
    }

    private static String quote(String text) {
        return '"' + escape(text) + '"';
    }

    private static String escape(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (Character.isISOControl(ch) || Character.isSurrogate(ch) || !Character.isDefined(ch)
                            || Character.isWhitespace(ch) && ch != ' ') {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.toString();
    }
}
