package recon.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator: a value made from {@link Choices}. Write one as a lambda ({@code c -> new Pair(a.generate(c),
 * b.generate(c))}) or combine the ones below; each maps the choice 0 to its simplest value, which is
 * what shrinking moves toward.
 */
@FunctionalInterface
public interface Gen<T> {
    T generate(Choices choices);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return c -> f.apply(generate(c));
    }

    /** A generator that depends on a value generated first. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
        return c -> f.apply(generate(c)).generate(c);
    }

    /** Lists of {@code min} to {@code max} elements. */
    default Gen<List<T>> list(int min, int max) {
        return c -> {
            // the length is planned while generating, but what is recorded is a "one more?" before each
            // element past the minimum, so that shrinking can drop elements one at a time
            long planned = min + c.plan(max - min);
            List<T> list = new ArrayList<>();
            while (list.size() < min) {
                list.add(generate(c));
            }
            while (list.size() < max && c.choose(1, list.size() < planned ? 1 : 0) == 1) {
                list.add(generate(c));
            }
            return list;
        };
    }

    default Gen<List<T>> list(int size) {
        return list(size, size);
    }

    /** Null in {@code percent} % of the values (null is the simpler). */
    default Gen<T> orNull(int percent) {
        return c -> c.choose(99) < percent ? null : generate(c);
    }

    /** Numbers from {@code min} to {@code max}, both included, shrinking toward 0 (or the end nearer 0). */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        if (min >= 0) {
            return c -> min + c.choose(max - min);
        }
        if (max <= 0) {
            return c -> max - c.choose(max - min);
        }
        // either side of 0: a side, then a distance from 0 (-Long.MIN_VALUE read unsigned is 2^63)
        return c -> c.choose(1) == 0 ? c.choose(max) : -c.choose(-min);
    }

    static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    static Gen<Boolean> booleans() {
        return c -> c.choose(1) == 1;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> copy = List.of(values);
        return c -> copy.get((int) c.choose(copy.size() - 1));
    }

    static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    static <T> Gen<T> constant(T value) {
        return c -> value;
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return c -> copy.get((int) c.choose(copy.size() - 1)).generate(c);
    }

    /** {@code first} {@code firstWeight} times in {@code firstWeight + secondWeight}, else {@code second}. */
    static <T> Gen<T> frequency(int firstWeight, Gen<? extends T> first, int secondWeight, Gen<? extends T> second) {
        return c -> c.choose(firstWeight + secondWeight - 1) < firstWeight ? first.generate(c) : second.generate(c);
    }

    static Gen<Character> chars(char from, char to) {
        return ints(from, to).map(i -> (char) i.intValue());
    }

    /** Any character of the BMP but the surrogates (which are halves of characters, not text). */
    static Gen<Character> chars() {
        int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
        return ints(0, Character.MAX_VALUE - surrogates)
                .map(i -> (char) (i < Character.MIN_SURROGATE ? i : i + surrogates));
    }

    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return chars.list(minLength, maxLength).map(list -> {
            StringBuilder text = new StringBuilder(list.size());
            list.forEach(text::append);
            return text.toString();
        });
    }

    /** Strings of any characters ({@link #chars()}). */
    static Gen<String> strings(int minLength, int maxLength) {
        return strings(chars(), minLength, maxLength);
    }

    /** The items in any order; the simplest is the order given. */
    static <T> Gen<List<T>> shuffle(List<T> items) {
        return c -> {
            List<T> shuffled = new ArrayList<>(items);
            for (int i = 0; i < shuffled.size() - 1; i++) {
                Collections.swap(shuffled, i, i + (int) c.choose(shuffled.size() - 1 - i));
            }
            return shuffled;
        };
    }

    /** A {@link Random} of a generated seed, which it names when printed. */
    static Gen<Random> randoms() {
        return c -> {
            long seed = c.choose(-1);
            return new Random(seed) {
                @Override
                public String toString() {
                    return "new Random(" + seed + ")";
                }
            };
        };
    }
}
