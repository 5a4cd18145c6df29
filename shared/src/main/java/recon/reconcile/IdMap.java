package recon.reconcile;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import recon.domain.Ids;

/**
 * Records by their id, for millions of records in a small heap. A record whose id is kept as a
 * number (see {@link Ids}) sits in an open-addressing table that holds only the records, the key
 * being read back from the record: about 6 bytes per record where a HashMap takes 40 plus the key.
 * Records with other ids go to a HashMap.
 */
final class IdMap<T> {
    private static final int MIN_CAPACITY = 16;

    private final ToLongFunction<T> numberOf;
    private final Function<T, String> idOf;
    private final Map<String, T> others = new HashMap<>();
    private Object[] table = new Object[MIN_CAPACITY];
    private int numbered;

    /**
     * @param numberOf the record's id as a number, or {@link Ids#TEXT}
     * @param idOf the record's id as text (asked only when it is not a number)
     */
    IdMap(ToLongFunction<T> numberOf, Function<T, String> idOf) {
        this.numberOf = numberOf;
        this.idOf = idOf;
    }

    /** The record of that id, or null. */
    T get(String id) {
        long number = Ids.number(id);
        return number == Ids.TEXT ? (id == null ? null : others.get(id)) : get(number);
    }

    /** The record whose id is that number, or null. */
    T get(long number) {
        int mask = table.length - 1;
        for (int i = slot(number, mask); table[i] != null; i = (i + 1) & mask) {
            T record = record(i);
            if (numberOf.applyAsLong(record) == number) {
                return record;
            }
        }
        return null;
    }

    /** Adds the record, or replaces the one of the same id by {@code choose(held, record)}. */
    void merge(T record, BinaryOperator<T> choose) {
        long number = numberOf.applyAsLong(record);
        if (number == Ids.TEXT) {
            others.merge(idOf.apply(record), record, choose);
            return;
        }
        int mask = table.length - 1;
        int i = slot(number, mask);
        for (; table[i] != null; i = (i + 1) & mask) {
            T held = record(i);
            if (numberOf.applyAsLong(held) == number) {
                table[i] = choose.apply(held, record);
                return;
            }
        }
        table[i] = record;
        if (++numbered > table.length / 4 * 3) {
            grow();
        }
    }

    int size() {
        return numbered + others.size();
    }

    /** Every record, in no particular order. */
    Collection<T> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<T> iterator() {
                return new Iterator<>() {
                    private int next = nextFilled(0);
                    private final Iterator<T> rest = others.values().iterator();

                    @Override
                    public boolean hasNext() {
                        return next < table.length || rest.hasNext();
                    }

                    @Override
                    public T next() {
                        if (next < table.length) {
                            T record = record(next);
                            next = nextFilled(next + 1);
                            return record;
                        }
                        if (!rest.hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return rest.next();
                    }
                };
            }

            @Override
            public int size() {
                return IdMap.this.size();
            }
        };
    }

    private int nextFilled(int from) {
        int i = from;
        while (i < table.length && table[i] == null) {
            i++;
        }
        return i;
    }

    private void grow() {
        Object[] old = table;
        table = new Object[old.length * 2];
        int mask = table.length - 1;
        for (Object held : old) {
            if (held != null) {
                @SuppressWarnings("unchecked")
                long number = numberOf.applyAsLong((T) held);
                int i = slot(number, mask);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = held;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private T record(int i) {
        return (T) table[i];
    }

    /** Ids are often consecutive: the multiply spreads them over the whole table. */
    private static int slot(long number, int mask) {
        long mixed = number * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
