package recon.ingest;

import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.RecordSink;

/**
 * The WeChat Pay bill of the store's 聚合结算账户 (淘天微信账单): one {@link LedgerLine} of the
 * {@link Channel#TAOTIAN_WECHAT} channel per row, its id from 支付流水号, its order from 淘宝订单编号 (else
 * 备注), its class from 账单项目, 入账类型, 业务描述 and 备注. The bill has no balance column as sellers
 * download it; where a file has one, it is kept and checked like Alipay's.
 */
final class WeChatBillRows extends BillRows {
    static final Column LINE_ID = Column.required("支付流水号", "支付流水号", "流水号");
    static final Column OCCURRED_AT = Column.required("入账时间", "入账时间", "记账时间");
    static final Column INCOME = Column.required("收入金额", "收入金额", "收入金额(元)", "收入金额(+元)", "收入(元)");
    static final Column EXPENSE = Column.required("支出金额", "支出金额", "支出金额(元)", "支出金额(-元)", "支出(元)");
    static final Column ORDER_NO = Column.optional("淘宝订单编号", "淘宝订单编号", "淘宝订单号", "订单编号");
    static final Column ITEM = Column.optional("账单项目");
    static final Column ENTRY_TYPE = Column.optional("入账类型");
    static final Column DESCRIPTION = Column.optional("业务描述");
    static final Column MEMO = Column.optional("备注");
    static final Column BALANCE = Column.optional("账户余额", "账户余额", "账户余额(元)", "账户结余(元)");

    static final Layout LAYOUT = new Layout(FileKind.TAOTIAN_WECHAT, LINE_ID, OCCURRED_AT, INCOME, EXPENSE, ORDER_NO,
            ITEM, ENTRY_TYPE, DESCRIPTION, MEMO, BALANCE);

    /** The first cell of the summary row WeChat Pay's bills end with; the next row holds its figures. */
    private static final String SUMMARY_TITLE = "总笔数";

    private final int lineId;
    private final int occurredAt;
    private final int income;
    private final int expense;
    private final int orderNo;
    private final int item;
    private final int entryType;
    private final int description;
    private final int memo;
    private final int balance;
    /** The summary's title row once met: the columns of its figures, by their names. */
    private String[] summaryTitles;
    private boolean summaryRead;

    /**
     * @param window the preamble's {@code 起始日期：[…] 终止日期：[…]} line, or null
     */
    WeChatBillRows(String[] header, String window, long windowLine, RecordSink sink) {
        super(Channel.TAOTIAN_WECHAT, window, windowLine, sink);
        lineId = LINE_ID.indexIn(header);
        occurredAt = OCCURRED_AT.indexIn(header);
        income = INCOME.indexIn(header);
        expense = EXPENSE.indexIn(header);
        orderNo = ORDER_NO.indexIn(header);
        item = ITEM.indexIn(header);
        entryType = ENTRY_TYPE.indexIn(header);
        description = DESCRIPTION.indexIn(header);
        memo = MEMO.indexIn(header);
        balance = BALANCE.indexIn(header);
    }

    /** WeChat Pay writes a {@code `} before each value to keep spreadsheets from reading it as a number. */
    @Override
    protected String text(int column) {
        String value = super.text(column);
        return value.startsWith("`") ? Cells.clean(value.substring(1)) : value;
    }

    @Override
    long rowsNotRecords() {
        return (summaryTitles == null ? 0 : 1) + (summaryRead ? 1 : 0);
    }

    @Override
    protected void parse() {
        if (summaryRead) {
            throw reject("文件末尾的合计之后不应再有明细");
        }
        if (summaryTitles != null) {
            declareSummary();
            return;
        }
        if (text(0).endsWith(SUMMARY_TITLE)) {
            summaryTitles = new String[row.size()];
            for (int i = 0; i < summaryTitles.length; i++) {
                summaryTitles[i] = Cells.headerName(text(i));
            }
            return;
        }
        String id = id(lineId, LINE_ID);
        long time = time(occurredAt, OCCURRED_AT, true);
        long incomeFen = income(income, INCOME);
        long expenseFen = expense(expense, EXPENSE);
        long balanceFen = balance < 0 || text(balance).isEmpty() ? LedgerLine.NO_BALANCE : amount(balance, BALANCE, true);
        String memoText = text(memo);
        line(id, orderId(memoText), time, incomeFen, expenseFen, balanceFen, type(kind()), memoText, text(description));
    }

    /** 账单项目 and 入账类型 together: the two say what the line is, and the reports show both. */
    private String kind() {
        String itemText = keptText(item, ITEM);
        String entryText = keptText(entryType, ENTRY_TYPE);
        if (itemText.isEmpty() || entryText.isEmpty() || itemText.equals(entryText)) {
            return itemText.isEmpty() ? entryText : itemText;
        }
        return itemText + "/" + entryText;
    }

    /** 淘宝订单编号 when the line has one, else a 15–20 digit number in 备注. */
    private String orderId(String memoText) {
        String order = text(orderNo);
        if (Cells.isDigits(order)) {
            return ofIdLength(order, ORDER_NO);
        }
        boolean hasDigits = order.chars().anyMatch(c -> Cells.isDigit((char) c));
        if (hasDigits) {
            throw reject(notAnId(ORDER_NO, order)); // a mangled order number is not guessed at
        }
        return Cells.orderNumberIn(memoText); // "", "-" or "无": the line has no order number of its own
    }

    /** The row after the summary's title: 收入笔数, 收入金额, 支出笔数, 支出金额 by their titles. */
    private void declareSummary() {
        declareTotals(count("收入笔数"), summaryAmount("收入金额"), count("支出笔数"), summaryAmount("支出金额"), row.line());
        summaryRead = true;
    }

    private long count(String title) {
        long fen = summaryAmount(title);
        if (fen % 100 != 0) {
            throw reject("文件末尾的" + title + "无法识别");
        }
        return fen / 100; // WeChat writes counts as "17.0"
    }

    private long summaryAmount(String title) {
        for (int i = 0; i < summaryTitles.length; i++) {
            if (summaryTitles[i].startsWith(title)) {
                long fen = Cells.fen(text(i));
                if (fen == Cells.INVALID || fen < 0) {
                    break;
                }
                return fen;
            }
        }
        throw reject("文件末尾的" + title + "无法识别");
    }
}
