package recon.usecase;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import recon.domain.Ids;

/**
 * A set of order ids as the records key them ({@link Ids}): the numbers in a sorted array, 8 bytes an
 * order where a set of boxed longs takes 40 — a period's context names millions — the few others as text.
 */
final class OrderKeys {
    private long[] numbers = new long[64];
    private int count;
    private boolean sorted = true;
    private final Set<String> texts = new HashSet<>();

    void add(long number, String text) {
        if (number == Ids.TEXT) {
            if (text != null) {
                texts.add(text);
            }
            return;
        }
        if (count == numbers.length) {
            numbers = Arrays.copyOf(numbers, count * 2);
        }
        sorted &= count == 0 || numbers[count - 1] <= number;
        numbers[count++] = number;
    }

    void add(String orderId) {
        if (orderId != null && !orderId.isEmpty()) {
            long number = Ids.number(orderId);
            add(number, number == Ids.TEXT ? orderId : null);
        }
    }

    boolean contains(long number, String text) {
        if (number == Ids.TEXT) {
            return text != null && texts.contains(text);
        }
        if (!sorted) {
            Arrays.sort(numbers, 0, count);
            sorted = true;
        }
        return Arrays.binarySearch(numbers, 0, count, number) >= 0;
    }
}
