package recon.port;

import java.time.LocalDate;
import java.util.regex.Pattern;
import recon.domain.Period;

/**
 * One tenant's store, as named by the object keys ({@code tenants/{tenant}/stores/{store}/…}). Both
 * ids are {@code [a-z0-9-]{1,64}}, so they are safe in any key, path or message they are put in.
 */
public record StoreRef(String tenant, String store) {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    public StoreRef {
        if (!isValidId(tenant) || !isValidId(store)) {
            throw new IllegalArgumentException("tenant and store ids must match [a-z0-9-]{1,64}");
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** {@code tenants/{t}/stores/{s}/}: everything of the store lives under it. */
    public String prefix() {
        return "tenants/" + tenant + "/stores/" + store + "/";
    }

    public String configKey() {
        return prefix() + "config.json";
    }

    public String reportPrefix(LocalDate day) {
        return reportPrefix(Period.day(day));
    }

    /** {@code reports/{yyyy-MM-dd}/} or {@code reports/{yyyy-MM}/} under the store's prefix. */
    public String reportPrefix(Period period) {
        return prefix() + "reports/" + period.key() + "/";
    }

    public String rejectedPrefix() {
        return prefix() + "rejected/";
    }

    @Override
    public String toString() {
        return tenant + "/" + store;
    }
}
