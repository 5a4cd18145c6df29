package recon.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of a column that has few distinct ones (业务类型, 类目), each kept as one String: a
 * store holds millions of rows but a few dozen such values. Past {@link #MAX_VALUES} distinct
 * values (not a column of that kind after all) a value is passed through as it is.
 */
final class Distinct {
    static final int MAX_VALUES = 1000;

    private final Map<String, String> values = new HashMap<>();

    /** The held String equal to {@code value}, or {@code value} itself. */
    String of(String value) {
        String held = values.get(value);
        if (held != null) {
            return held;
        }
        if (values.size() < MAX_VALUES) {
            values.put(value, value);
        }
        return value;
    }
}
