package recon.testdata;

import java.util.List;
import recon.domain.FileKind;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Refund;
import recon.domain.Resolution;
import recon.reconcile.StoreRecords;

/**
 * The records of one store for tests:
 * {@code aStore().orders(order).lines(ledger.lines()).refunds(refund).covering("2026-11-01", "2026-11-30").build()}.
 */
public final class Stores {
    private Stores() {}

    public static Builder aStore() {
        return new Builder();
    }

    public static final class Builder {
        private final StoreRecords records = new StoreRecords();

        private Builder() {}

        public Builder orders(Order... orders) {
            for (Order order : orders) {
                records.add(order);
            }
            return this;
        }

        public Builder lines(List<LedgerLine> lines) {
            lines.forEach(records::add);
            return this;
        }

        public Builder lines(LedgerLine... lines) {
            return lines(List.of(lines));
        }

        public Builder refunds(Refund... refunds) {
            for (Refund refund : refunds) {
                records.add(refund);
            }
            return this;
        }

        public Builder invoices(Invoice... invoices) {
            for (Invoice invoice : invoices) {
                records.add(invoice);
            }
            return this;
        }

        /** The invoice registers (开票记录) cover these days, inclusive. */
        public Builder invoicesCovering(String firstDay, String lastDay) {
            records.cover(FileKind.INVOICES, TestTimes.day(firstDay), TestTimes.day(lastDay));
            return this;
        }

        /** The ledger covers these days, inclusive ({@code "2026-11-01"}). */
        public Builder covering(String firstDay, String lastDay) {
            records.cover(FileKind.ALIPAY_LEDGER, TestTimes.day(firstDay), TestTimes.day(lastDay));
            return this;
        }

        /** The WeChat bills (淘天微信账单) cover these days, inclusive. */
        public Builder wechatCovering(String firstDay, String lastDay) {
            records.cover(FileKind.TAOTIAN_WECHAT, TestTimes.day(firstDay), TestTimes.day(lastDay));
            return this;
        }

        /** The order reports cover these days, inclusive. */
        public Builder ordersCovering(String firstDay, String lastDay) {
            records.cover(FileKind.TMALL_ORDERS, TestTimes.day(firstDay), TestTimes.day(lastDay));
            return this;
        }

        /** The refund reports cover these days, inclusive. */
        public Builder refundsCovering(String firstDay, String lastDay) {
            records.cover(FileKind.TMALL_REFUNDS, TestTimes.day(firstDay), TestTimes.day(lastDay));
            return this;
        }

        public Builder resolutions(Resolution... resolutions) {
            for (Resolution resolution : resolutions) {
                records.add(resolution);
            }
            return this;
        }

        public StoreRecords build() {
            return records;
        }
    }
}
