package recon.sample;

import java.io.IOException;
import java.io.Writer;
import recon.domain.Money;

/**
 * The WeChat bill of the 聚合结算账户 (淘天微信账单) as CSV, in two styles seen in the wild: GBK as 千牛
 * exports it, with a period line and a {@code #} trailer; or as WeChat Pay writes its bills, UTF-8 with a
 * {@code `} before each value and two summary rows at the end.
 */
final class WeChatBillExport {
    static final String HEADER = "账单项目,支付流水号,淘宝订单编号,入账时间,收入金额（元）,支出金额（元）,入账类型,业务描述,备注";

    enum Style {
        /** GBK, {@code #起始日期：[…]} preamble, {@code #收入合计} trailer. */
        QIANNIU,
        /** UTF-8, {@code `} before each value, the period in the preamble, the 资金流水总笔数 summary rows. */
        BACKTICKED
    }

    private final Writer out;
    private final Style style;
    private final StringBuilder row = new StringBuilder(192);
    private long incomeCount;
    private long incomeFen;
    private long expenseCount;
    private long expenseFen;

    WeChatBillExport(Writer out, Style style, long firstSecond, long lastSecond) throws IOException {
        this.out = out;
        this.style = style;
        line("#淘天微信账单明细");
        line("#账户：聚合结算账户");
        line("#起始日期：[" + Text.chineseDateTime(firstSecond) + "]   终止日期：[" + Text.chineseDateTime(lastSecond) + "]");
        line(HEADER);
    }

    void write(WeChatRow r) throws IOException {
        row.setLength(0);
        value(r.item());
        value(r.lineId());
        value(r.orderId());
        value(Text.dateTime(r.occurredAt()));
        value(r.incomeFen() == 0 ? "" : Text.groupedYuan(r.incomeFen()));
        value(r.expenseFen() == 0 ? "" : Text.groupedYuan(r.expenseFen()));
        value(r.entryType());
        value(r.description());
        value(r.remark());
        line(row);
        if (r.incomeFen() > 0) {
            incomeCount++;
            incomeFen += r.incomeFen();
        }
        if (r.expenseFen() > 0) {
            expenseCount++;
            expenseFen += r.expenseFen();
        }
    }

    void finish() throws IOException {
        if (style == Style.QIANNIU) {
            line("#收入合计：" + incomeCount + "笔，共" + Text.groupedYuan(incomeFen) + "元");
            line("#支出合计：" + expenseCount + "笔，共" + Text.groupedYuan(expenseFen) + "元");
        } else {
            line("资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额");
            line("`" + (incomeCount + expenseCount) + ".0,`" + incomeCount + ".0,`" + Money.format(incomeFen) + ",`"
                    + expenseCount + ".0,`" + Money.format(expenseFen));
        }
        out.close();
    }

    private void value(String text) {
        Text.field(row, style == Style.BACKTICKED ? "`" + text : text);
    }

    private void line(CharSequence text) throws IOException {
        out.append(text).append("\r\n");
    }
}
