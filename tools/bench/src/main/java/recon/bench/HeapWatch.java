package recon.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap this JVM held right after a garbage collection while it watched: the live data and what
 * the collection could not free yet, so an upper bound of the live heap, the figure a function's memory
 * size must allow. Watches one thing at a time (the functions run one after the other).
 */
final class HeapWatch implements AutoCloseable {
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(pool -> pool.getName())
            .collect(Collectors.toUnmodifiableSet());

    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            afterCollection(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                    .getGcInfo().getMemoryUsageAfterGc());
        }
    };
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private volatile long peakBytes;

    HeapWatch() {
        for (GarbageCollectorMXBean collector : collectors) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
    }

    private void afterCollection(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        if (used > peakBytes) {
            peakBytes = used;
        }
    }

    /** Starts watching afresh: the peak is what comes after. */
    void reset() {
        peakBytes = 0;
    }

    /** The peak since the last reset, in MiB; 0 when no collection ran. */
    long peakMib() {
        return peakBytes >> 20;
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
