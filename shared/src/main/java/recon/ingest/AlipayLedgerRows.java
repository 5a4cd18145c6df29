package recon.ingest;

import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.RecordSink;

/**
 * Alipay account log (支付宝账务明细): one {@link LedgerLine} per row, its order from 商户订单号,
 * 业务基础订单号 or 备注.
 */
final class AlipayLedgerRows extends BillRows {
    static final Column LINE_ID = Column.required("账务流水号");
    static final Column OCCURRED_AT = Column.required("发生时间");
    static final Column INCOME = Column.required("收入金额", "收入金额(+元)", "收入金额(元)", "收入金额");
    static final Column EXPENSE = Column.required("支出金额", "支出金额(-元)", "支出金额(元)", "支出金额");
    /** Optional: some exports and third-party tools drop it; such a ledger still holds every yuan. */
    static final Column BALANCE = Column.optional("账户余额", "账户余额(元)", "账户余额");
    static final Column MERCHANT_ORDER_NO = Column.optional("商户订单号");
    static final Column BUSINESS_TYPE = Column.optional("业务类型");
    static final Column MEMO = Column.optional("备注");
    static final Column DESCRIPTION = Column.optional("业务描述");
    static final Column BASE_ORDER_NO = Column.optional("业务基础订单号");

    static final Layout LAYOUT = new Layout(FileKind.ALIPAY_LEDGER, LINE_ID, OCCURRED_AT, INCOME, EXPENSE,
            BALANCE, MERCHANT_ORDER_NO, BUSINESS_TYPE, MEMO, DESCRIPTION, BASE_ORDER_NO);

    /** 商户订单号 of a Tmall order's settlement: {@code T200P} + 订单编号. */
    private static final String TMALL_PREFIX = "T200P";

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

    /**
     * @param window the preamble's {@code 起始日期：[…] 终止日期：[…]} line, or null
     */
    AlipayLedgerRows(String[] header, String window, long windowLine, RecordSink sink) {
        super(Channel.ALIPAY, window, windowLine, sink);
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
    }

    @Override
    protected void parse() {
        String id = id(lineId, LINE_ID);
        long time = time(occurredAt, OCCURRED_AT, true);
        long incomeFen = income(income, INCOME);
        long expenseFen = expense(expense, EXPENSE);
        long balanceFen = balance < 0 ? LedgerLine.NO_BALANCE : amount(balance, BALANCE, true);
        String memoText = text(memo);
        line(id, orderId(memoText), time, incomeFen, expenseFen, balanceFen,
                type(keptText(businessType, BUSINESS_TYPE)), memoText, text(description));
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
        return Cells.orderNumberIn(memoText);
    }
}
