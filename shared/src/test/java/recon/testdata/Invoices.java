package recon.testdata;

import static recon.testdata.TestTimes.time;

import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.Money;

/**
 * Invoices for tests: {@code anInvoice("26442000000000000001").forOrder("3553498017448001").amount("199.00").on("2026-11-08").build()}.
 * By default blue, 已开票, 199.00, issued 2026-11-08 10:00:00, with a buyer name, no 冲红原因.
 */
public final class Invoices {
    private Invoices() {}

    public static Builder anInvoice(String invoiceId) {
        return new Builder(invoiceId);
    }

    public static final class Builder {
        private final String invoiceId;
        private String orderId = "";
        private long amountFen = 19_900;
        private boolean red;
        private InvoiceStatus status = InvoiceStatus.ISSUED;
        private long issuedAt = time("2026-11-08 10:00:00");
        private String reason = "";

        private Builder(String invoiceId) {
            this.invoiceId = invoiceId;
        }

        public Builder forOrder(String orderId) {
            this.orderId = orderId;
            return this;
        }

        /** The amount as the register writes it: negative for a red invoice. */
        public Builder amount(String yuan) {
            amountFen = Money.parseYuan(yuan);
            red = amountFen < 0;
            reason = red ? "02" : "";
            return this;
        }

        public Builder on(String isoDay) {
            issuedAt = time(isoDay + " 10:00:00");
            return this;
        }

        public Builder status(InvoiceStatus status) {
            this.status = status;
            return this;
        }

        public Invoice build() {
            return new Invoice(invoiceId, orderId, amountFen, red, status, issuedAt, reason, true);
        }
    }
}
