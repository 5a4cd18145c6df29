package recon.reconcile;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import recon.domain.Channel;
import recon.domain.Waiting;

/**
 * What the bills of the channels a store uses cover. An order's money arrives in one channel: where
 * its settlement lines say which, that channel's bill is what counts; where nothing says (an order not
 * settled yet), every channel the store uses must be able to tell before money is called missing.
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

    Coverage of(Channel channel) {
        return byChannel.get(channel);
    }

    /**
     * The bills can tell about first … last (see {@link Coverage#speaksFor}).
     *
     * @param paidWith the channel of the order's money, or null when unknown: then every channel used
     */
    boolean speaksFor(Channel paidWith, long first, long last) {
        if (paidWith != null) {
            return byChannel.get(paidWith).speaksFor(first, last);
        }
        for (Channel channel : used) {
            if (!byChannel.get(channel).speaksFor(first, last)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bill days an anomaly waits for: of the order's channel, else of the first channel used whose
     * bills do not cover first … last; null when all is covered.
     */
    Waiting waitingFor(Channel paidWith, long first, long last) {
        if (paidWith != null) {
            return byChannel.get(paidWith).waitingFor(first, last);
        }
        for (Channel channel : used) {
            Waiting waiting = byChannel.get(channel).waitingFor(first, last);
            if (waiting != null) {
                return waiting;
            }
        }
        return null;
    }
}
