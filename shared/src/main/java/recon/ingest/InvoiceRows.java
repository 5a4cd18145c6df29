package recon.ingest;

import recon.domain.FileKind;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.RecordSink;

/**
 * The invoice register (开票记录): one {@link Invoice} per row. No public export layout exists; the
 * columns are the platform's e-invoice fields and the 数电 rules' names, with the aliases tools use.
 * The buyer's name (购方名称) is only looked at to know that one was given.
 */
final class InvoiceRows extends RowParser {
    static final Column ORDER_ID = Column.required("订单编号", "订单编号", "订单号", "主订单编号", "淘宝订单编号");
    static final Column NUMBER = Column.required("发票号码", "发票号码", "数电发票号码", "数电票号码", "全电发票号码");
    static final Column CODE = Column.optional("发票代码");
    static final Column AMOUNT = Column.required("开票金额", "开票金额", "开票金额(元)", "价税合计", "价税合计(元)", "发票金额");
    static final Column ISSUED_AT = Column.required("开票日期", "开票日期", "开票时间");
    static final Column STATUS = Column.optional("发票状态");
    static final Column TYPE = Column.optional("发票类型", "发票类型", "蓝红字标识", "红蓝字标识");
    static final Column REASON = Column.optional("冲红原因", "冲红原因", "红冲原因");
    static final Column BUYER = Column.optional("购方名称", "购方名称", "购买方名称");

    static final Layout LAYOUT = new Layout(FileKind.INVOICES, ORDER_ID, NUMBER, CODE, AMOUNT, ISSUED_AT, STATUS, TYPE,
            REASON, BUYER);

    /** 数电 invoices have 20 digits; older ones 8, unique only with their 发票代码. */
    private static final int OLD_NUMBER_DIGITS = 8;

    private final RecordSink sink;
    private final BillPeriod window;
    private final DaySpan span = new DaySpan();
    private final int orderId;
    private final int number;
    private final int code;
    private final int amount;
    private final int issuedAt;
    private final int status;
    private final int type;
    private final int reason;
    private final int buyer;

    /**
     * @param window a preamble's {@code 起始日期：[…] 终止日期：[…]} line, or null
     */
    InvoiceRows(String[] header, String window, long windowLine, RecordSink sink) {
        this.sink = sink;
        this.window = window == null ? null : new BillPeriod(window, windowLine);
        orderId = ORDER_ID.indexIn(header);
        number = NUMBER.indexIn(header);
        code = CODE.indexIn(header);
        amount = AMOUNT.indexIn(header);
        issuedAt = ISSUED_AT.indexIn(header);
        status = STATUS.indexIn(header);
        type = TYPE.indexIn(header);
        reason = REASON.indexIn(header);
        buyer = BUYER.indexIn(header);
    }

    @Override
    protected void parse() {
        long fen = amount(amount, AMOUNT, true);
        boolean red = red(fen);
        long issued = time(issuedAt, ISSUED_AT, true);
        Invoice invoice = new Invoice(invoiceId(), order(), red ? -Math.abs(fen) : fen, red, status(),
                issued, keptText(reason, REASON), !text(buyer).isEmpty());
        span.add(issued);
        sink.invoice(invoice);
    }

    /**
     * The register covers its window where it states one, else its first invoice's day to its last's: a
     * register exported from mid-month must not speak for the days before it (an invoice of those days
     * would be called missing), so a day before its first invoice waits for another register instead.
     */
    @Override
    void finish() {
        if (window != null) {
            window.report(sink, FileKind.INVOICES);
        } else {
            span.sendTo(sink, FileKind.INVOICES);
        }
    }

    /** 发票号码, with 发票代码 in front where the file gives one: {@code 044001900111-12345678}. */
    private String invoiceId() {
        String invoiceNumber = requiredText(number, NUMBER);
        if (!Cells.isDigits(invoiceNumber)) {
            throw reject(notAnId(NUMBER, invoiceNumber));
        }
        String invoiceCode = text(code);
        if (invoiceCode.isEmpty()) {
            if (invoiceNumber.length() <= OLD_NUMBER_DIGITS) {
                throw reject(NUMBER.label() + " " + quoted(invoiceNumber) + " 只有 " + invoiceNumber.length()
                        + " 位，需要同时有发票代码才能区分发票");
            }
            return ofIdLength(invoiceNumber, NUMBER);
        }
        if (!Cells.isDigits(invoiceCode)) {
            throw reject(notAnId(CODE, invoiceCode));
        }
        return ofIdLength(invoiceCode + "-" + invoiceNumber, NUMBER);
    }

    /** The order's digits; none ("", "-", "无") for an invoice the register ties to no order. */
    private String order() {
        String order = text(orderId);
        if (Cells.isDigits(order)) {
            return ofIdLength(order, ORDER_ID);
        }
        if (order.chars().anyMatch(c -> Cells.isDigit((char) c))) {
            throw reject(notAnId(ORDER_ID, order)); // a mangled order number is not guessed at
        }
        return "";
    }

    /** 红字 or 蓝字 where 发票类型 says so (it may instead say 普通发票 or 专用发票), else the sign. */
    private boolean red(long fen) {
        String kind = text(type);
        if (kind.contains("红字") || kind.equals("红")) {
            return true;
        }
        if (kind.contains("蓝字") || kind.equals("蓝")) {
            if (fen < 0) {
                throw reject("蓝字发票的" + AMOUNT.label() + "不应为负数：" + quoted(text(amount)));
            }
            return false;
        }
        return fen < 0;
    }

    private InvoiceStatus status() {
        String label = text(status);
        if (label.contains("作废")) {
            return InvoiceStatus.VOID;
        }
        if (label.contains("红冲") || label.contains("冲红")) {
            return InvoiceStatus.REVERSED;
        }
        return switch (label) {
            case "", "已开票", "开票成功", "已开具", "正常" -> InvoiceStatus.ISSUED;
            default -> throw reject(STATUS.label() + " " + quoted(label) + " 无法识别（应为 已开票、已红冲 或 已作废）");
        };
    }
}
