package recon.ingest;

import java.util.List;
import java.util.stream.Collectors;
import recon.domain.FileKind;
import recon.domain.RecordSink;
import recon.domain.StoreAccount;

/**
 * Reads one table (CSV or XLSX sheet): finds the header row, tells the kind of export from it, then
 * hands every data row to the parser of that kind.
 */
final class TableIngest {
    /** The header is looked for on this many rows (not counting {@code #} and blank lines). */
    static final int HEADER_SEARCH_ROWS = 30;

    /** In this order: a more specific header is tried before one it could be mistaken for. */
    private static final List<Layout> LAYOUTS =
            List.of(ResolutionRows.LAYOUT, AlipayLedgerRows.LAYOUT, WeChatBillRows.LAYOUT, RefundRows.LAYOUT,
                    InvoiceRows.LAYOUT, ItemRows.LAYOUT, OrderRows.LAYOUT);

    private final String fileName;
    private final RecordSink sink;
    private FileKind kind = FileKind.UNKNOWN;
    /** The preamble's {@code #账号：[2088…]}: the Alipay account a ledger is of. */
    private StoreAccount preambleAccount;
    private RowParser parser;

    TableIngest(String fileName, RecordSink sink) {
        this.fileName = fileName;
        this.sink = sink;
    }

    /** The account the file says it is of (its preamble's, else its rows'), or null; once read. */
    StoreAccount account() {
        return preambleAccount != null ? preambleAccount : parser == null ? null : parser.account();
    }

    /** The kind told from the header; UNKNOWN until it is found. */
    FileKind kind() {
        return kind;
    }

    /**
     * Reads all rows.
     *
     * @return the number of data rows
     * @throws Rejection when the file cannot be accepted
     */
    long read(Table table) {
        parser = parserForHeader(table);
        long rows = 0;
        for (TableRow row = table.next(); row != null; row = table.next()) {
            if (row.isComment()) {
                parser.comment(row.commentText(), row.line());
            } else if (!row.isBlank()) {
                parser.row(row);
                rows++;
            }
        }
        parser.finish();
        return rows - parser.rowsNotRecords();
    }

    private RowParser parserForHeader(Table table) {
        String window = null;
        long windowLine = 0;
        long firstLine = 0;
        int candidates = 0;
        Layout partial = null;
        String[] partialHeader = null;
        long partialLine = 0;
        double partialShare = 0;
        for (TableRow row = table.next(); row != null && candidates < HEADER_SEARCH_ROWS; row = table.next()) {
            if (row.isComment()) {
                String text = row.commentText();
                if (text.contains("支付宝账务汇总查询")) {
                    throw new Rejection(row.line(), "这是支付宝账务汇总，不是账务明细，请上传账务明细文件");
                }
                if (text.startsWith("账号") && text.length() > 2) {
                    String id = text.substring(2).replaceAll("[：:\\[\\]\\s]", "");
                    preambleAccount = id.isEmpty() ? null : new StoreAccount(StoreAccount.Kind.ALIPAY, id);
                }
                if (text.contains("起始日期")) {
                    window = text;
                    windowLine = row.line();
                }
                continue;
            }
            if (row.isBlank()) {
                continue;
            }
            candidates++;
            if (firstLine == 0) {
                firstLine = row.line();
            }
            String[] header = headerOf(row);
            for (Layout layout : LAYOUTS) {
                List<Column> missing = layout.missingIn(header);
                if (missing.isEmpty()) {
                    kind = layout.kind();
                    table.readOnly(columnsRead(layout, header));
                    return parserFor(layout, header, window, windowLine);
                }
                long found = layout.requiredCount() - missing.size();
                double share = (double) found / layout.requiredCount();
                if (found >= 2 && share >= 0.5 && share > partialShare) {
                    partial = layout;
                    partialHeader = header;
                    partialLine = row.line();
                    partialShare = share;
                }
            }
        }
        if (firstLine == 0) {
            throw Rejection.noTable(0, "文件为空，没有表头");
        }
        if (partial != null) {
            kind = partial.kind();
            String missing = partial.missingIn(partialHeader).stream()
                    .map(Column::label).collect(Collectors.joining("、"));
            throw new Rejection(partialLine, "表头像是" + partial.kind().label + "，但缺少必需的列：" + missing);
        }
        throw Rejection.noTable(firstLine, "无法识别的文件表头");
    }

    private RowParser parserFor(Layout layout, String[] header, String window, long windowLine) {
        return switch (layout.kind()) {
            case ALIPAY_LEDGER -> new AlipayLedgerRows(header, window, windowLine, sink);
            case TAOTIAN_WECHAT -> new WeChatBillRows(header, window, windowLine, sink);
            case TMALL_REFUNDS -> new RefundRows(header, sink);
            case INVOICES -> new InvoiceRows(header, window, windowLine, sink);
            case TMALL_ITEMS -> new ItemRows(header);
            case TMALL_ORDERS -> new OrderRows(header, sink);
            case RESOLUTIONS -> new ResolutionRows(header, fileName, sink);
            default -> throw new IllegalStateException("no parser for " + layout.kind());
        };
    }

    /** The columns of the header that are the layout's: all its parser may read. */
    private static boolean[] columnsRead(Layout layout, String[] header) {
        boolean[] read = new boolean[header.length];
        for (Column column : layout.columns()) {
            int index = column.indexIn(header);
            if (index >= 0) {
                read[index] = true;
            }
        }
        return read;
    }

    private static String[] headerOf(TableRow row) {
        String[] names = new String[row.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = Cells.headerName(row.cell(i));
        }
        return names;
    }
}
