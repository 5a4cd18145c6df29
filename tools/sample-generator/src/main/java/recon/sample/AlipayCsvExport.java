package recon.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Alipay account log as CSV (支付宝账务明细): the {@code #} preamble, the header, the lines, and
 * the trailer whose totals are the file's checksum. Two header styles exist in the wild.
 */
final class AlipayCsvExport implements LedgerExport {
    static final String LIST_START = "#-----------------------------------------账务明细列表----------------------------------------";
    static final String LIST_END = "#-----------------------------------------账务明细列表结束------------------------------------";

    enum Style {
        /** 12 columns, full-width parentheses, ids and accounts followed by a tab, empty income cells, signed expense. */
        CLASSIC,
        /** 14 columns (业务描述, 业务基础订单号), half-width parentheses, plain ids, {@code 0.00} cells, unsigned expense. */
        NEWER
    }

    private final Writer out;
    private final Style style;
    private final String exportedAt;
    private final long trailerSkewFen;
    private final StringBuilder row = new StringBuilder(256);
    private long incomeCount;
    private long incomeFen;
    private long expenseCount;
    private long expenseFen;
    /** 业务类型 → {income count, income fen, expense count, expense fen}, for the summary of a ZIP bundle. */
    private final Map<String, long[]> byBusinessType = new TreeMap<>();

    /**
     * @param trailerSkewFen added to the trailer's income total: non-zero only for the planted file the
     *     parser must reject
     */
    AlipayCsvExport(Writer out, Style style, String account, long firstSecond, long lastSecond, long exportedAt,
            long trailerSkewFen) throws IOException {
        this.out = out;
        this.style = style;
        this.exportedAt = Text.chineseDateTime(exportedAt);
        this.trailerSkewFen = trailerSkewFen;
        line("#支付宝账务明细查询");
        line("#账号：[" + account + "]");
        line("#起始日期：[" + Text.chineseDateTime(firstSecond) + "]   终止日期：[" + Text.chineseDateTime(lastSecond) + "]");
        line(LIST_START);
        line(style == Style.CLASSIC
                ? "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注"
                : "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额(+元),支出金额(-元),账户余额(元),交易渠道,业务类型,备注,业务描述,业务基础订单号");
    }

    @Override
    public void write(LedgerRow r) throws IOException {
        boolean classic = style == Style.CLASSIC;
        row.setLength(0);
        Text.field(row, id(r.lineId(), classic));
        Text.field(row, id(r.businessId(), classic));
        Text.field(row, id(r.merchantOrderNo(), classic));
        Text.field(row, r.itemName());
        Text.field(row, Text.dateTime(r.occurredAt()));
        Text.field(row, id(r.counterparty(), classic));
        Text.field(row, r.incomeFen() == 0 && classic ? "" : Text.groupedYuan(r.incomeFen()));
        Text.field(row, r.expenseFen() == 0 && classic ? "" : Text.groupedYuan(classic ? -r.expenseFen() : r.expenseFen()));
        Text.field(row, Text.groupedYuan(r.balanceFen()));
        Text.field(row, r.channel());
        Text.field(row, r.businessType());
        Text.field(row, r.remark());
        if (!classic) {
            Text.field(row, r.description());
            Text.field(row, r.baseOrderId());
        }
        line(row);
        long[] totals = byBusinessType.computeIfAbsent(r.businessType(), k -> new long[4]);
        if (r.incomeFen() > 0) {
            incomeCount++;
            incomeFen += r.incomeFen();
            totals[0]++;
            totals[1] += r.incomeFen();
        }
        if (r.expenseFen() > 0) {
            expenseCount++;
            expenseFen += r.expenseFen();
            totals[2]++;
            totals[3] += r.expenseFen();
        }
    }

    /** Writes the trailer and flushes; the caller closes the stream (it may be a ZIP member). */
    void writeTrailer() throws IOException {
        line(LIST_END);
        line("#支出合计：" + expenseCount + "笔，共" + Text.groupedYuan(expenseFen) + "元");
        line("#收入合计：" + incomeCount + "笔，共" + Text.groupedYuan(incomeFen + trailerSkewFen) + "元");
        line("#导出时间：[" + exportedAt + "]");
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        writeTrailer();
        out.close();
    }

    Map<String, long[]> totalsByBusinessType() {
        return byBusinessType;
    }

    private static String id(String value, boolean tabbed) {
        return tabbed && !value.isEmpty() ? value + "\t" : value;
    }

    private void line(CharSequence text) throws IOException {
        out.append(text).append("\r\n");
    }
}
