package recon.testing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The choices a generator makes, each an unsigned number from 0 to a bound the generator gives. On a
 * try they are drawn from a seeded random (or are all the smallest, or all the largest: the edge
 * cases); while shrinking they are replayed from a recorded sequence. Every generator maps 0 to its
 * simplest value (the low end of a range, the first alternative, the end of a list), so shrinking
 * only has to make the sequence shorter and its numbers smaller. A replayed sequence that runs out
 * gives 0s; a replayed number too large for its bound is lowered to the bound.
 */
public final class Choices {
    private enum Mode { RANDOM, SMALLEST, LARGEST, REPLAY }

    private final Mode mode;
    private final SplittableRandom random;
    private final long[] replayed;
    private long[] made = new long[32];
    private int count;

    private Choices(Mode mode, SplittableRandom random, long[] replayed) {
        this.mode = mode;
        this.random = random;
        this.replayed = replayed;
    }

    static Choices random(long seed) {
        return new Choices(Mode.RANDOM, new SplittableRandom(seed), null);
    }

    /** Every choice 0: lows of ranges, empty lists, first alternatives. */
    static Choices smallest() {
        return new Choices(Mode.SMALLEST, null, null);
    }

    /** Every choice its bound: highs of ranges (lows of ranges below 0), longest lists, last alternatives. */
    static Choices largest() {
        return new Choices(Mode.LARGEST, null, null);
    }

    static Choices replay(long[] sequence) {
        return new Choices(Mode.REPLAY, null, sequence);
    }

    /** A choice from 0 to {@code max}, both included, {@code max} read as unsigned (-1 is 2^64 - 1). */
    public long choose(long max) {
        return record(max, mode == Mode.REPLAY ? 0 : draw(max));
    }

    /** Like {@link java.util.Random#nextInt(int)}: from 0 to {@code bound - 1}, for code that damages data step by step. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound);
        }
        return (int) choose(bound - 1);
    }

    /**
     * A choice the generator's plan decides while generating (a list's "one more?" after its planned
     * length), recorded and replayed like any other so that shrinking can change it.
     */
    long choose(long max, long planned) {
        return record(max, planned);
    }

    /** A draw that is not recorded: a plan for the choices that follow. 0 when replaying. */
    long plan(long max) {
        return mode == Mode.REPLAY ? 0 : draw(max);
    }

    private long record(long max, long generated) {
        long value = generated;
        if (mode == Mode.REPLAY) {
            value = count < replayed.length ? replayed[count] : 0;
            if (Long.compareUnsigned(value, max) > 0) {
                value = max;
            }
        }
        if (count == made.length) {
            made = Arrays.copyOf(made, count * 2);
        }
        made[count++] = value;
        return value;
    }

    private long draw(long max) {
        return switch (mode) {
            case SMALLEST, REPLAY -> 0;
            case LARGEST -> max;
            case RANDOM -> {
                // the edges of every range come up often (1 draw in 8), and wide ranges are drawn at
                // a random bit width half the time, so that small numbers are not drowned by large ones
                int dice = random.nextInt(16);
                if (dice == 0) {
                    yield 0;
                }
                if (dice == 1) {
                    yield max;
                }
                if (dice < 9 && Long.compareUnsigned(max, 255) > 0) {
                    int bits = random.nextInt(64);
                    long narrow = (1L << bits) - 1;
                    yield uniform(Long.compareUnsigned(narrow, max) < 0 ? narrow : max);
                }
                yield uniform(max);
            }
        };
    }

    /** Uniform from 0 to {@code max} unsigned. */
    private long uniform(long max) {
        if (max == -1) {
            return random.nextLong();
        }
        if (max >= 0 && max < Long.MAX_VALUE) {
            return random.nextLong(max + 1);
        }
        while (true) {
            long candidate = random.nextLong();
            if (Long.compareUnsigned(candidate, max) <= 0) {
                return candidate;
            }
        }
    }

    /** The choices made so far, to be replayed. */
    long[] made() {
        return Arrays.copyOf(made, count);
    }
}
