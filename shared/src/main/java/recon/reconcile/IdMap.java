package recon.reconcile;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import recon.domain.Ids;

/**
 * Records by their id, for millions of records in a small heap, in the order they were first added
 * (the order of the files: nearly sorted by time, which makes the sorts of the rules cheap). A
 * record whose id is kept as a number (see {@link Ids}) sits in an array, found through an
 * open-addressing table of array positions — the key is read back from the record: about 10 bytes
 * per record where a HashMap takes 40 plus the key. Records with other ids go to a map.
 */
final class IdMap<T> {
    private static final int MIN_CAPACITY = 16;

    private final ToLongFunction<T> numberOf;
    private final Function<T, String> idOf;
    private final Map<String, T> others = new LinkedHashMap<>();
    private Object[] records = new Object[MIN_CAPACITY];
    private int count;
    /** Position in {@link #records} plus one, 0 for a free slot. */
    private int[] slots = new int[MIN_CAPACITY * 2];

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
        int mask = slots.length - 1;
        for (int i = slot(number, mask); slots[i] != 0; i = (i + 1) & mask) {
            T record = record(slots[i] - 1);
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
        int mask = slots.length - 1;
        int i = slot(number, mask);
        for (; slots[i] != 0; i = (i + 1) & mask) {
            int at = slots[i] - 1;
            T held = record(at);
            if (numberOf.applyAsLong(held) == number) {
                records[at] = choose.apply(held, record);
                return;
            }
        }
        if (count == records.length) {
            records = Arrays.copyOf(records, count + (count >> 1));
        }
        records[count++] = record;
        slots[i] = count;
        if (count > slots.length / 4 * 3) {
            growSlots();
        }
    }

    int size() {
        return count + others.size();
    }

    /** Every record, in the order of first adding (numbered ids first). */
    Collection<T> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<T> iterator() {
                return new Iterator<>() {
                    private int next;
                    private final Iterator<T> rest = others.values().iterator();

                    @Override
                    public boolean hasNext() {
                        return next < count || rest.hasNext();
                    }

                    @Override
                    public T next() {
                        if (next < count) {
                            return record(next++);
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

    private void growSlots() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int at = 0; at < count; at++) {
            int i = slot(numberOf.applyAsLong(record(at)), mask);
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = at + 1;
        }
    }

    @SuppressWarnings("unchecked")
    private T record(int at) {
        return (T) records[at];
    }

    /** Ids are often consecutive: the multiply spreads them over the whole table. */
    private static int slot(long number, int mask) {
        long mixed = number * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
