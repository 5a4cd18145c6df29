package recon.reconcile;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import recon.domain.Channel;
import recon.domain.Waiting;

/**
 * What the bills of the channels a store uses cover together. An order's money may arrive in either
 * channel, and a line already seen in one does not rule out more in the other (a second settlement,
 * its commission): money is called missing or wrong only where every channel the store uses can tell.
 */
final class LedgerCoverage {
    private final Map<Channel, Coverage> byChannel;
    private final Set<Channel> used;

    /**
     * @param byChannel the coverage of each channel's bills
     * @param used the channels the store uses (see {@link recon.domain.StoreConfig#channelsUsed})
     */
    LedgerCoverage(Map<Channel, Coverage> byChannel, Set<Channel> used) {
        this.byChannel = new EnumMap<>(byChannel);
        this.used = used;
    }

    /** One channel's bills: the balance of an account is checked on its own bill. */
    Coverage of(Channel channel) {
        return byChannel.get(channel);
    }

    /** The bills of every channel used can tell about first … last (see {@link Coverage#speaksFor}). */
    boolean speaksFor(long first, long last) {
        for (Channel channel : used) {
            if (!byChannel.get(channel).speaksFor(first, last)) {
                return false;
            }
        }
        return true;
    }

    /** The bill days an anomaly waits for: of the first channel used whose bills do not cover first … last; null when all do. */
    Waiting waitingFor(long first, long last) {
        for (Channel channel : used) {
            Waiting waiting = byChannel.get(channel).waitingFor(first, last);
            if (waiting != null) {
                return waiting;
            }
        }
        return null;
    }
}
