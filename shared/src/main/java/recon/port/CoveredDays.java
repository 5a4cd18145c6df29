package recon.port;

import java.time.LocalDate;
import recon.domain.FileKind;

/** Days an accepted file of this kind covers completely (a ledger's period, an order report's span). */
public record CoveredDays(FileKind kind, LocalDate first, LocalDate last) {
    public CoveredDays {
        if (kind == null || first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("covered days need a kind and a first day on or before the last");
        }
    }
}
