package recon.testdata;

import java.util.ArrayList;
import java.util.List;
import recon.domain.LedgerLine;
import recon.domain.Money;

/**
 * A consistent account log: lines added in time order get the running balance after them, and the
 * ids L0001, L0002, … unless they have one.
 * {@code Ledger.openingAt("1000.00").add(settlement("o1").amount("199.00").at("2026-11-05 12:00:00")).lines()}
 */
public final class Ledger {
    private final List<LedgerLine> lines = new ArrayList<>();
    private long balanceFen;

    private Ledger(long openingFen) {
        this.balanceFen = openingFen;
    }

    public static Ledger openingAt(String yuan) {
        return new Ledger(Money.parseYuan(yuan));
    }

    public Ledger add(Lines.Builder... builders) {
        for (Lines.Builder builder : builders) {
            balanceFen += builder.netFen();
            if (builder.lineId() == null) {
                builder.id(String.format("L%04d", lines.size() + 1));
            }
            lines.add(builder.balanceAfterFen(balanceFen).build());
        }
        return this;
    }

    public List<LedgerLine> lines() {
        return List.copyOf(lines);
    }

    public long balanceFen() {
        return balanceFen;
    }
}
