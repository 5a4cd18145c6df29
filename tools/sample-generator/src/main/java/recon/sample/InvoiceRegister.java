package recon.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import recon.domain.Money;
import recon.domain.Times;

/** Writes the invoice register (开票记录) as CSV: the invoices issued within a span of days, as of its end. */
final class InvoiceRegister {
    static final String HEADER = "订单编号,发票代码,发票号码,开票日期,发票类型,开票金额,税额,税率,发票状态,冲红原因,购方名称";
    private static final Charset GBK = Charset.forName("GBK");

    enum Style {
        /** UTF-8 with a BOM, oldest invoice first, 开票日期 with the time. */
        OLDEST_FIRST,
        /**
         * GBK, the span in a {@code #起始日期：[…]} preamble, newest invoice first (a red one above the blue
         * one it reverses), 开票日期 as a date.
         */
        NEWEST_FIRST
    }

    private InvoiceRegister() {}

    /**
     * @param invoices the store's invoices in the order they were issued
     * @param from the first second of the span
     * @param to its last second, when the register is exported
     */
    static void write(Path file, Style style, List<PlannedInvoice> invoices, long from, long to) throws IOException {
        boolean oldestFirst = style == Style.OLDEST_FIRST;
        Charset charset = oldestFirst ? StandardCharsets.UTF_8 : GBK;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16)) {
            if (oldestFirst) {
                out.append('\uFEFF');
            } else {
                // a file that starts mid-month must say so: without it the register is taken from its first invoice
                out.append("#开票记录\r\n#起始日期：[").append(Text.chineseDateTime(from)).append("]   终止日期：[")
                        .append(Text.chineseDateTime(to)).append("]\r\n");
            }
            out.append(HEADER).append("\r\n");
            StringBuilder row = new StringBuilder(160);
            for (PlannedInvoice i : oldestFirst ? invoices : invoices.reversed()) {
                if (i.issuedAt < from || i.issuedAt > to) {
                    continue;
                }
                row.setLength(0);
                Text.field(row, i.order.orderId());
                Text.field(row, i.code);
                Text.field(row, i.number);
                Text.field(row, oldestFirst ? Text.dateTime(i.issuedAt) : Times.day(i.issuedAt).toString());
                Text.field(row, i.red() ? "红字" : "蓝字");
                Text.field(row, Money.format(i.fen));
                Text.field(row, Money.format(tax(i.fen)));
                Text.field(row, "13%");
                Text.field(row, i.status(to));
                Text.field(row, i.reason);
                Text.field(row, i.buyer);
                out.append(row).append("\r\n");
            }
        }
    }

    /** The 13 % VAT inside a 价税合计, rounded half up to the fen (away from zero for a red invoice). */
    private static long tax(long fen) {
        long tax = (Math.abs(fen) * 26 + 113) / 226;
        return fen < 0 ? -tax : tax;
    }
}
