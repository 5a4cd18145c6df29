package recon.ingest;

import java.time.LocalDate;
import java.util.TreeSet;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Money;
import recon.domain.RecordSink;
import recon.domain.Times;

/**
 * Alipay account log (支付宝账务明细): one {@link LedgerLine} per row, classified; the preamble's date
 * window gives the file's coverage and the trailer's totals are checked against the lines.
 */
final class LedgerRows extends RowParser {
    static final Column LINE_ID = Column.required("账务流水号");
    static final Column OCCURRED_AT = Column.required("发生时间");
    static final Column INCOME = Column.required("收入金额", "收入金额(+元)", "收入金额(元)", "收入金额");
    static final Column EXPENSE = Column.required("支出金额", "支出金额(-元)", "支出金额(元)", "支出金额");
    static final Column BALANCE = Column.required("账户余额", "账户余额(元)", "账户余额");
    static final Column MERCHANT_ORDER_NO = Column.optional("商户订单号");
    static final Column BUSINESS_TYPE = Column.optional("业务类型");
    static final Column MEMO = Column.optional("备注");
    static final Column DESCRIPTION = Column.optional("业务描述");
    static final Column BASE_ORDER_NO = Column.optional("业务基础订单号");

    static final Layout LAYOUT = new Layout(FileKind.ALIPAY_LEDGER, LINE_ID, OCCURRED_AT, INCOME, EXPENSE,
            BALANCE, MERCHANT_ORDER_NO, BUSINESS_TYPE, MEMO, DESCRIPTION, BASE_ORDER_NO);

    /** 商户订单号 of a Tmall order's settlement: {@code T200P} + 订单编号. */
    private static final String TMALL_PREFIX = "T200P";
    private static final long LAST_SECOND_OF_DAY = 86_399;

    private final RecordSink sink;
    private final int lineId;
    private final int occurredAt;
    private final int income;
    private final int expense;
    private final int balance;
    private final int merchantOrderNo;
    private final int businessType;
    private final int memo;
    private final int description;
    private final int baseOrderNo;

    /** Days fully covered according to the preamble, or null when the file has no 起始日期 line. */
    private final LocalDate windowFirst;
    private final LocalDate windowLast;
    /** Without a preamble, the days that have lines are the coverage. */
    private final TreeSet<Long> lineDays = new TreeSet<>();
    private long lastLineDay = Long.MIN_VALUE;

    private final Distinct businessTypes = new Distinct();

    private final Totals incomeLines = new Totals("收入合计");
    private final Totals expenseLines = new Totals("支出合计");

    /**
     * @param window the preamble's {@code 起始日期：[…] 终止日期：[…]} line, or null
     */
    LedgerRows(String[] header, String window, long windowLine, RecordSink sink) {
        this.sink = sink;
        lineId = LINE_ID.indexIn(header);
        occurredAt = OCCURRED_AT.indexIn(header);
        income = INCOME.indexIn(header);
        expense = EXPENSE.indexIn(header);
        balance = BALANCE.indexIn(header);
        merchantOrderNo = MERCHANT_ORDER_NO.indexIn(header);
        businessType = BUSINESS_TYPE.indexIn(header);
        memo = MEMO.indexIn(header);
        description = DESCRIPTION.indexIn(header);
        baseOrderNo = BASE_ORDER_NO.indexIn(header);
        if (window == null) {
            windowFirst = null;
            windowLast = null;
        } else {
            long start = bracketedTime(window, "起始日期", windowLine);
            long end = bracketedTime(window, "终止日期", windowLine);
            LocalDate startDay = Times.day(start);
            LocalDate endDay = Times.day(end);
            windowFirst = secondOfDay(start) == 0 ? startDay : startDay.plusDays(1);
            windowLast = secondOfDay(end) >= LAST_SECOND_OF_DAY ? endDay : endDay.minusDays(1);
        }
    }

    @Override
    protected void parse() {
        String id = id(lineId, LINE_ID);
        long time = time(occurredAt, OCCURRED_AT, true);
        long incomeFen = amount(income, INCOME, false);
        if (incomeFen < 0) {
            throw reject(INCOME.label() + " " + quoted(text(income)) + " 不能为负数");
        }
        // some exports write the expense with its sign ("-3.20")
        long expenseFen = Math.abs(amount(expense, EXPENSE, false));
        if (incomeFen != 0 && expenseFen != 0) {
            throw reject("同一行的收入金额和支出金额都不为零");
        }
        long balanceFen = amount(balance, BALANCE, true);
        String type = businessTypes.of(keptText(businessType, BUSINESS_TYPE));
        String memoText = text(memo);
        String descriptionText = text(description);
        LineClass lineClass = classify(type, memoText, descriptionText, incomeFen);
        String orderId = orderId(memoText);

        incomeLines.add(incomeFen);
        expenseLines.add(expenseFen);
        if (windowFirst == null) {
            long day = Times.epochDay(time);
            if (day != lastLineDay) {
                lineDays.add(day);
                lastLineDay = day;
            }
        }
        sink.ledgerLine(new LedgerLine(id, orderId, time, incomeFen, expenseFen, balanceFen, lineClass, type));
    }

    /** The line classes of docs/domain.md, checked from the most specific text to the most general. */
    static LineClass classify(String type, String memo, String description, long incomeFen) {
        if (mentions(type, memo, description, "保证金")) {
            return LineClass.DEPOSIT;
        }
        if (mentions(type, memo, description, "提现")) {
            return LineClass.WITHDRAWAL;
        }
        boolean adPlatform = mentions(type, memo, description, "直通车")
                || mentions(type, memo, description, "万相台")
                || mentions(type, memo, description, "阿里妈妈");
        boolean adTypeOnly = type.contains("直通车") || type.contains("万相台") || type.contains("阿里妈妈");
        if (adPlatform && (adTypeOnly || mentions(type, memo, description, "充值"))) {
            return LineClass.AD_TOPUP;
        }
        if (mentions(type, memo, description, "天猫佣金")
                || mentions(type, memo, description, "技术服务费")
                || mentions(type, memo, description, "软件服务费")) {
            return LineClass.COMMISSION;
        }
        if (mentions(type, memo, description, "淘宝客")) {
            return LineClass.AFFILIATE_FEE;
        }
        if (mentions(type, memo, description, "支付服务费")) {
            return LineClass.PAYMENT_FEE;
        }
        if (mentions(type, memo, description, "积分")) {
            return LineClass.POINTS;
        }
        if (type.contains("交易退款")) {
            return LineClass.REFUND;
        }
        if ((type.contains("交易付款") || type.contains("在线支付") || type.contains("交易收款")) && incomeFen > 0) {
            return LineClass.SETTLEMENT;
        }
        return LineClass.OTHER;
    }

    private static boolean mentions(String type, String memo, String description, String word) {
        return type.contains(word) || memo.contains(word) || description.contains(word);
    }

    /** {@code T200P}+digits in 商户订单号, else 业务基础订单号, else a 15–20 digit number in 备注. */
    private String orderId(String memoText) {
        String merchant = text(merchantOrderNo);
        if (merchant.startsWith(TMALL_PREFIX)) {
            int end = Cells.digitsEnd(merchant, TMALL_PREFIX.length(), merchant.length());
            if (end > TMALL_PREFIX.length()) {
                return ofIdLength(merchant.substring(TMALL_PREFIX.length(), end), MERCHANT_ORDER_NO);
            }
        }
        String base = text(baseOrderNo);
        if (Cells.isDigits(base)) {
            return ofIdLength(base, BASE_ORDER_NO);
        }
        if (Cells.isScientific(base)) {
            throw reject(notAnId(BASE_ORDER_NO, base));
        }
        return numberInMemo(memoText);
    }

    private static String numberInMemo(String memo) {
        int i = 0;
        while (i < memo.length()) {
            if (!Cells.isDigit(memo.charAt(i))) {
                i++;
                continue;
            }
            int end = Cells.digitsEnd(memo, i, memo.length());
            if (end - i >= 15 && end - i <= 20) {
                return memo.substring(i, end);
            }
            i = end;
        }
        return null;
    }

    /**
     * The trailer: {@code 支出合计：N笔，共X元} and {@code 收入合计：N笔，共X元}, each read after its own
     * label, so that both are checked even when a damaged file runs the two lines together.
     */
    @Override
    void comment(String text, long line) {
        if (text.contains(incomeLines.label)) {
            incomeLines.declare(text, line);
        }
        if (text.contains(expenseLines.label)) {
            expenseLines.declare(text, line);
        }
    }

    @Override
    void finish() {
        expenseLines.check();
        incomeLines.check();
        if (windowFirst != null) {
            if (!windowFirst.isAfter(windowLast)) {
                sink.coverage(FileKind.ALIPAY_LEDGER, windowFirst, windowLast);
            }
            return;
        }
        // each run of consecutive days that have lines
        Long runStart = null;
        long previous = Long.MIN_VALUE;
        for (long day : lineDays) {
            if (runStart != null && day != previous + 1) {
                sink.coverage(FileKind.ALIPAY_LEDGER, LocalDate.ofEpochDay(runStart), LocalDate.ofEpochDay(previous));
                runStart = null;
            }
            if (runStart == null) {
                runStart = day;
            }
            previous = day;
        }
        if (runStart != null) {
            sink.coverage(FileKind.ALIPAY_LEDGER, LocalDate.ofEpochDay(runStart), LocalDate.ofEpochDay(previous));
        }
    }

    private static long secondOfDay(long epochSecond) {
        return epochSecond - Times.startOf(Times.day(epochSecond));
    }

    /** The time in {@code 起始日期：[2026年11月01日 00:00:00]}. */
    private static long bracketedTime(String window, String label, long line) {
        int at = window.indexOf(label);
        int open = at < 0 ? -1 : window.indexOf('[', at);
        int close = open < 0 ? -1 : window.indexOf(']', open);
        long time = close < 0 ? Cells.INVALID : Cells.time(Cells.clean(window.substring(open + 1, close)));
        if (time == Cells.INVALID || time == Times.NONE) {
            throw new Rejection(line, "文件开头的" + label + "无法识别");
        }
        return time;
    }

    /** Lines with income (or expense) as counted by the file, and as declared in its trailer. */
    private static final class Totals {
        final String label;
        long count;
        long fen;
        long declaredLine = -1;
        long declaredCount;
        long declaredFen;

        Totals(String label) {
            this.label = label;
        }

        void add(long amountFen) {
            if (amountFen > 0) {
                count++;
                fen += amountFen;
            }
        }

        void declare(String text, long line) {
            int at = text.indexOf(label) + label.length();
            int countStart = at;
            while (countStart < text.length() && !Cells.isDigit(text.charAt(countStart))) {
                countStart++;
            }
            int countEnd = Cells.digitsEnd(text, countStart, 18);
            int amountStart = text.indexOf('共', countEnd);
            int amountEnd = amountStart < 0 ? -1 : text.indexOf('元', amountStart);
            long amount = amountEnd < 0 ? Cells.INVALID
                    : Cells.fen(Cells.clean(text.substring(amountStart + 1, amountEnd)));
            if (countEnd == countStart || text.indexOf('笔', countEnd) < 0 || amount == Cells.INVALID) {
                throw new Rejection(line, "文件末尾的" + label + "无法识别");
            }
            declaredLine = line;
            declaredCount = Long.parseLong(text.substring(countStart, countEnd));
            declaredFen = Math.abs(amount);
        }

        void check() {
            if (declaredLine >= 0 && (declaredCount != count || declaredFen != fen)) {
                throw new Rejection(declaredLine, "文件末尾合计与明细不符：" + label + " " + declaredCount + " 笔 "
                        + Money.format(declaredFen) + " 元，明细为 " + count + " 笔 " + Money.format(fen) + " 元");
            }
        }
    }
}
