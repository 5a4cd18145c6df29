package recon.ingest;

import recon.domain.Channel;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.RecordSink;

/**
 * What the two bills (the Alipay account log, the WeChat bill) have in common: income and expense
 * columns, a period that gives the file's coverage, a trailer whose totals are checked against the
 * lines, and the classes of docs/domain.md. Each bill says where its line id, order id and texts are.
 */
abstract class BillRows extends RowParser {
    private final Channel channel;
    private final RecordSink sink;
    private final BillPeriod period;
    private final BillTotals totals = new BillTotals();
    private final Distinct types = new Distinct();

    /**
     * @param window the preamble's {@code 起始日期：[…] 终止日期：[…]} line, or null
     */
    BillRows(Channel channel, String window, long windowLine, RecordSink sink) {
        this.channel = channel;
        this.sink = sink;
        this.period = new BillPeriod(window, windowLine);
    }

    /** 收入金额: never negative. */
    protected long income(int column, Column label) {
        long fen = amount(column, label, false);
        if (fen < 0) {
            throw reject(label.label() + " " + quoted(text(column)) + " 不能为负数");
        }
        return fen;
    }

    /** 支出金额, without the sign some exports write ("-3.20"). */
    protected long expense(int column, Column label) {
        return Math.abs(amount(column, label, false));
    }

    /** The line's type as kept (the same few texts on every line, so kept once). */
    protected String type(String exported) {
        return types.of(exported);
    }

    /** Classifies the line, counts it in the totals and the period, and hands it on. */
    protected void line(String lineId, String orderId, long time, long incomeFen, long expenseFen, long balanceFen,
            String type, String memo, String description) {
        if (incomeFen != 0 && expenseFen != 0) {
            throw reject("同一行的收入金额和支出金额都不为零");
        }
        LineClass lineClass = LineClassifier.classify(channel, type, memo, description, incomeFen);
        totals.add(incomeFen, expenseFen);
        period.line(time);
        sink.ledgerLine(new LedgerLine(channel, lineId, orderId, time, incomeFen, expenseFen, balanceFen, lineClass,
                type));
    }

    /** Totals the file states in a summary row rather than a {@code #} trailer. */
    protected void declareTotals(long incomeCount, long incomeFen, long expenseCount, long expenseFen, long line) {
        totals.declare(incomeCount, incomeFen, expenseCount, expenseFen, line);
    }

    /** The trailer: {@code 支出合计：N笔，共X元} and {@code 收入合计：N笔，共X元}. */
    @Override
    void comment(String text, long line) {
        totals.comment(text, line);
    }

    @Override
    void finish() {
        totals.check();
        period.report(sink, channel.bill);
    }
}
