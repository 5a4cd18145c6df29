package recon.ingest;

import recon.domain.StoreAccount;
import recon.domain.Times;

/**
 * Turns the data rows of one kind of export into records. The column positions are found once from
 * the header; each row is then read by position. A bad value rejects the file, naming the line and
 * the column (and the value itself only for ids, amounts, times and statuses — never personal data).
 */
abstract class RowParser {
    private static final int MAX_SHOWN_VALUE = 40;
    /**
     * Real ids are 14 to 32 characters, the texts kept (业务类型, 类目) a few dozen: anything far longer
     * is not an export's content, and would not fit the stored record packs.
     */
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_KEPT_TEXT_LENGTH = 200;

    /** The row being read; set by {@link #row}. */
    protected TableRow row;

    final void row(TableRow current) {
        this.row = current;
        parse();
    }

    protected abstract void parse();

    /** A {@code #} line after the header (the Alipay trailer). */
    void comment(String text, long line) {}

    /** The rows read that were not records (a bill's summary rows): the file's row count leaves them out. */
    long rowsNotRecords() {
        return 0;
    }

    /** End of the file: checks that need all rows, and what is sent once per file. */
    void finish() {}

    /** The account the rows say the file is of, or null (see {@link StoreAccount}). */
    StoreAccount account() {
        return null;
    }

    protected String text(int column) {
        return column < 0 ? "" : Cells.clean(row.cell(column));
    }

    protected String requiredText(int column, Column label) {
        String value = text(column);
        if (value.isEmpty()) {
            throw reject("缺少" + label.label());
        }
        return value;
    }

    /** Text the records keep (a business type, a category): a short label, as exported. */
    protected String keptText(int column, Column label) {
        String value = text(column);
        if (value.length() > MAX_KEPT_TEXT_LENGTH) {
            throw reject(label.label() + "过长（超过 " + MAX_KEPT_TEXT_LENGTH + " 个字符），不是导出文件应有的内容");
        }
        return value;
    }

    /** A Tmall order id: digits only, and not destroyed by Excel's scientific notation. */
    protected String orderId(int column, Column label) {
        String value = requiredText(column, label);
        if (!Cells.isDigits(value)) {
            throw reject(notAnId(label, value));
        }
        return ofIdLength(value, label);
    }

    /** An id that is not necessarily all digits, but must not have been mangled by Excel. */
    protected String id(int column, Column label) {
        String value = requiredText(column, label);
        if (Cells.isScientific(value)) {
            throw reject(notAnId(label, value));
        }
        return ofIdLength(value, label);
    }

    protected String ofIdLength(String id, Column label) {
        if (id.length() > MAX_ID_LENGTH) {
            throw reject(notAnId(label, id));
        }
        return id;
    }

    protected static String notAnId(Column label, String value) {
        if (Cells.isScientific(value)) {
            return label.label() + " " + quoted(value) + " 已被 Excel 改成科学计数法，无法还原";
        }
        return label.label() + " " + quoted(value) + " 不是有效的编号";
    }

    /** An amount in fen; an empty cell is 0 unless the value is required. */
    protected long amount(int column, Column label, boolean required) {
        String value = text(column);
        if (value.isEmpty()) {
            if (required) {
                throw reject("缺少" + label.label());
            }
            return 0;
        }
        long fen = Cells.fen(value);
        if (fen == Cells.INVALID) {
            throw reject(label.label() + " " + quoted(value) + " 不是有效金额");
        }
        return fen;
    }

    /** A time in epoch seconds; an empty cell is {@link Times#NONE} unless the value is required. */
    protected long time(int column, Column label, boolean required) {
        String value = text(column);
        long time = Cells.time(value);
        if (time == Cells.INVALID) {
            throw reject(label.label() + " " + quoted(value) + " 不是有效时间");
        }
        if (required && time == Times.NONE) {
            throw reject("缺少" + label.label());
        }
        return time;
    }

    protected Rejection reject(String reason) {
        return new Rejection(row.line(), reason);
    }

    static String quoted(String value) {
        String shown = value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value;
        return "\"" + shown + "\"";
    }
}
