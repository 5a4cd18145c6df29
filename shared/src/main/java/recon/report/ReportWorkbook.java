package recon.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.domain.IncompleteData;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Resolution;
import recon.domain.Times;
import recon.reconcile.ContractRates;
import recon.report.TableSheet.Column;

/**
 * Writes {@code report.xlsx}, the workbook an accountant opens: 汇总 (the warnings about the figures first:
 * data incomplete, config keys that matched nothing; then the period's figures, the
 * balance line, where closing the books stands, the exports still missing, anomalies by type), 每日 (the
 * figures of each day), 异常 (every anomaly, what is still to do first, with the columns to fill in: the
 * workbook uploaded back is a resolutions file), 处理记录 (the audit trail), 结算明细 (every ledger line
 * with its class and order), 未结算订单 (open items) and 费用 (fees against the contract). Amounts are
 * numbers in yuan, ids are text; every sheet is streamed.
 */
public final class ReportWorkbook {
    public static final String SUMMARY = "汇总";
    public static final String DAYS = "每日";
    /** The sheet a resolutions file is read from when the workbook comes back (recon.ingest.FileIngest). */
    public static final String ANOMALIES = "异常";
    public static final String TRAIL = "处理记录";
    public static final String LEDGER = "结算明细";
    public static final String OPEN_ITEMS = "未结算订单";
    public static final String FEES = "费用";
    public static final String INVOICES = "发票";
    private ReportWorkbook() {}

    public static void write(OutputStream out, PeriodReport report) throws IOException {
        write(out, report, null);
    }

    /**
     * @param segments where a day's workbook keeps its 结算明细 rows deflated and a month's takes those of its
     *     days; null to write every row
     */
    static void write(OutputStream out, PeriodReport report, LedgerSegments segments) throws IOException {
        WorkbookWriter workbook = new WorkbookWriter(out);
        summary(workbook, report);
        days(workbook, report);
        anomalies(workbook, report);
        trail(workbook, report);
        ledger(workbook, report, segments);
        openItems(workbook, report);
        fees(workbook, report);
        invoices(workbook, report);
        workbook.finish();
    }

    /** Label (A), value (B), field name of summary.json or code (C), severity (D), amount (E). */
    private static void summary(WorkbookWriter workbook, PeriodReport report) throws IOException {
        Summary rows = new Summary(CellText.safe("天猫对账报告  " + report.tenant() + " / " + report.store()
                + "  " + report.period().label()));
        // what makes the figures below doubtful comes before them
        IncompleteData incomplete = MissingExports.incomplete(report.files(), report.anomalies());
        if (!incomplete.isComplete()) {
            rows.warning(incomplete.text(), CellStyle.INCOMPLETE);
        }
        for (ContractRates.UnmatchedKey key : report.unmatchedKeys()) {
            rows.warning(key.warning(), CellStyle.WARNING);
        }
        if (!incomplete.isComplete() || !report.unmatchedKeys().isEmpty()) {
            rows.skip();
        }

        Totals t = report.totals();
        rows.heading("期间数字", "数值", "字段");
        rows.count("付款订单数", t.ordersPaid(), "ordersPaid");
        rows.count("结算笔数", t.settledCount(), "settledCount");
        rows.money("结算金额（元）", t.settledAmount(), "settledAmount");
        for (Channel channel : Channel.values()) {
            rows.money("　其中" + channel.label + "（元）", t.settledIn(channel), "settledByChannel." + channel.name());
        }
        rows.money("退款金额（元）", t.refundAmount(), "refundAmount");
        rows.money("天猫佣金（元）", t.commissionAmount(), "commissionAmount");
        rows.money("其他费用（元）", t.otherFeeAmount(), "otherFeeAmount");
        rows.money("转出，非损益（元）", t.transferAmount(), "transferAmount");
        rows.money("期初余额（元）", t.openingBalance(), "openingBalance");
        rows.money("期末余额（元）", t.closingBalance(), "closingBalance");
        rows.count("已核对订单数", t.matchedOrders(), "matchedOrders");
        rows.count("未结算订单数（截至 " + report.openItemsAsOf() + "）", t.openItems(), "openItems");
        long overdue = report.openItems().overdue();
        rows.count(report.period().isMonth() ? "　其中已逾期" : "　其中已逾期（未结算订单表只列这些）", overdue, "");
        rows.money("开票金额，蓝字减红字（元）", t.invoicedAmount(), "invoicedAmount");
        rows.count("开票张数", t.invoiceCount(), "invoiceCount");
        rows.money("本期订单待开票（元）", t.uninvoicedAmount(), "uninvoicedAmount");
        rows.count("异常笔数", t.anomalyCount(), "anomalies");
        rows.skip();

        BalanceCheck balance = report.balance();
        rows.heading("余额核对", "金额（元）", "");
        rows.money("期初余额", balance.openingFen(), "");
        rows.money("＋ 收入合计", balance.incomeFen(), "");
        rows.money("－ 支出合计", balance.expenseFen(), "");
        rows.money("＝ 应有期末余额", balance.checkable() ? balance.expectedClosingFen() : null, "");
        rows.money("实际期末余额", balance.closingFen(), "");
        rows.money("差额", balance.checkable() ? balance.differenceFen() : null, "");
        rows.text("结论", balanceVerdict(report));
        rows.skip();

        StatusCounts counts = StatusCounts.of(report.anomalies());
        rows.heading("核销状态", "笔数", "代码", "", "");
        for (AnomalyStatus status : AnomalyStatus.values()) {
            rows.status(status, counts.count(status));
        }
        rows.text("本期结论", counts.closed() ? "已对平：没有待补数据、待处理或申诉中的异常" : "未对平：还有待补数据、待处理或申诉中的异常");
        rows.skip();

        List<MissingExports.Missing> missing = MissingExports.of(report.anomalies());
        rows.heading("待补文件", "待补数据异常", "类型", "起始日期", "终止日期");
        if (missing.isEmpty()) {
            rows.text("无", "");
        }
        missing.forEach(rows::missing);
        rows.skip();

        rows.heading("异常类型", "笔数", "代码", "严重程度", "差额合计（元）");
        Map<AnomalyType, long[]> byType = anomaliesByType(report);
        if (byType.isEmpty()) {
            rows.text("无异常", "");
        }
        byType.forEach((type, countAndAmount) -> rows.anomalyType(type, countAndAmount[0], countAndAmount[1]));
        rows.skip();

        rows.heading("已接收文件", "行数", "类型", "状态", "");
        for (FileOutcome file : report.files()) {
            rows.file(file);
        }
        rows.write(workbook.sheet(SUMMARY, rows.size(), new double[] {30, 18, 26, 12, 18}));
    }

    static String balanceVerdict(PeriodReport report) {
        BalanceCheck balance = report.balance();
        if (!balance.hasLines()) {
            return "无账务明细";
        }
        if (!balance.checkable()) {
            return balance.uncheckable();
        }
        return balance.balanced(report.toleranceFen()) ? "平衡" : "不平衡，请查看异常";
    }

    /** Count and Σ|difference| of the period's anomalies, by type. */
    static Map<AnomalyType, long[]> anomaliesByType(PeriodReport report) {
        Map<AnomalyType, long[]> byType = new EnumMap<>(AnomalyType.class);
        for (Anomaly anomaly : report.anomalies()) {
            long[] sums = byType.computeIfAbsent(anomaly.type(), t -> new long[2]);
            sums[0]++;
            sums[1] += Math.abs(anomaly.differenceFen());
        }
        return byType;
    }

    /**
     * The rows of the 汇总 sheet, one after the other: gathered first and then written, as the sheet's size
     * comes before its rows. The title is row 1, the rows start at row 3.
     */
    private static final class Summary {
        /** Writes one row's cells. */
        private interface Row {
            void write(SheetWriter sheet) throws IOException;
        }

        /** By row index; null for an empty row. */
        private final List<Row> rows = new ArrayList<>();

        Summary(String title) {
            rows.add(sheet -> sheet.text(0, title, CellStyle.TITLE));
            rows.add(null);
        }

        int size() {
            return rows.size();
        }

        void write(SheetWriter sheet) throws IOException {
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r) != null) {
                    sheet.row(r);
                    rows.get(r).write(sheet);
                }
            }
            sheet.finish();
        }

        /** Titles in bold on light blue, the colour across the five columns. */
        void heading(String... titles) {
            rows.add(sheet -> {
                for (int c = 0; c < 5; c++) {
                    sheet.text(c, c < titles.length ? titles[c] : "", CellStyle.HEADING);
                }
            });
        }

        void count(String label, long value, String field) {
            rows.add(sheet -> {
                sheet.text(0, label, CellStyle.DEFAULT);
                sheet.number(1, value, CellStyle.DEFAULT);
                sheet.text(2, field, CellStyle.DEFAULT);
            });
        }

        void money(String label, Long fen, String field) {
            rows.add(sheet -> {
                sheet.text(0, label, CellStyle.DEFAULT);
                if (fen == null) {
                    sheet.text(1, "—", CellStyle.DEFAULT);
                } else {
                    sheet.fen(1, fen, CellStyle.MONEY);
                }
                sheet.text(2, field, CellStyle.DEFAULT);
            });
        }

        void text(String label, String value) {
            rows.add(sheet -> {
                sheet.text(0, label, CellStyle.DEFAULT);
                sheet.text(1, CellText.safe(value), CellStyle.DEFAULT);
            });
        }

        /** A line across the sheet, in bold and the colour of the style: something about the figures to know first. */
        void warning(String text, CellStyle style) {
            rows.add(sheet -> sheet.text(0, CellText.safe(text), style));
        }

        void anomalyType(AnomalyType type, long count, long amountFen) {
            rows.add(sheet -> {
                sheet.text(0, type.label, CellStyle.DEFAULT);
                sheet.number(1, count, CellStyle.DEFAULT);
                sheet.text(2, type.name(), CellStyle.DEFAULT);
                sheet.text(3, type.severity.name(), CellStyle.DEFAULT);
                sheet.fen(4, amountFen, CellStyle.MONEY);
            });
        }

        void file(FileOutcome file) {
            rows.add(sheet -> {
                sheet.text(0, CellText.safe(file.name()), CellStyle.DEFAULT);
                sheet.number(1, file.rows(), CellStyle.DEFAULT);
                sheet.text(2, file.kind().name(), CellStyle.DEFAULT);
                sheet.text(3, file.status(), CellStyle.DEFAULT);
                if (!file.accepted()) {
                    sheet.text(4, CellText.safe(file.error()), CellStyle.DEFAULT);
                }
            });
        }

        void skip() {
            rows.add(null);
        }

        void status(AnomalyStatus status, int count) {
            rows.add(sheet -> {
                sheet.text(0, status.label, CellStyle.DEFAULT);
                sheet.number(1, count, CellStyle.DEFAULT);
                sheet.text(2, status.name(), CellStyle.DEFAULT);
            });
        }

        void missing(MissingExports.Missing m) {
            rows.add(sheet -> {
                sheet.text(0, "请上传" + m.kind().label, CellStyle.DEFAULT);
                sheet.number(1, m.pending(), CellStyle.DEFAULT);
                sheet.text(2, m.kind().name(), CellStyle.DEFAULT);
                sheet.text(3, m.from().toString(), CellStyle.DEFAULT);
                sheet.text(4, m.to().toString(), CellStyle.DEFAULT);
            });
        }
    }

    private static void days(WorkbookWriter workbook, PeriodReport report) throws IOException {
        TableSheet sheet = new TableSheet(workbook, DAYS, report.days().size(),
                new Column("日期", 12), new Column("付款订单", 10), new Column("结算笔数", 10),
                new Column("结算金额（元）", 16), new Column("其中支付宝（元）", 16), new Column("其中微信支付（元）", 18),
                new Column("退款金额（元）", 14), new Column("天猫佣金（元）", 14),
                new Column("其他费用（元）", 14), new Column("转出，非损益（元）", 16), new Column("期初余额（元）", 16),
                new Column("期末余额（元）", 16), new Column("已核对订单", 10), new Column("未结算订单", 10),
                new Column("开票金额（元）", 14), new Column("开票张数", 10), new Column("待开票（元）", 14),
                new Column("异常笔数", 10));
        for (DayFigures day : report.days()) {
            sheet.day(0, day.day());
            sheet.count(1, day.ordersPaid());
            sheet.count(2, day.settledCount());
            sheet.money(3, day.settledAmount());
            sheet.money(4, day.settledIn(Channel.ALIPAY));
            sheet.money(5, day.settledIn(Channel.TAOTIAN_WECHAT));
            sheet.money(6, day.refundAmount());
            sheet.money(7, day.commissionAmount());
            sheet.money(8, day.otherFeeAmount());
            sheet.money(9, day.transferAmount());
            sheet.money(10, day.openingBalance());
            sheet.money(11, day.closingBalance());
            sheet.count(12, day.matchedOrders());
            sheet.count(13, day.openItems());
            sheet.money(14, day.invoicedAmount());
            sheet.count(15, day.invoiceCount());
            sheet.money(16, day.uninvoicedAmount());
            sheet.count(17, day.anomalies().values().stream().mapToInt(Integer::intValue).sum());
            sheet.endRow();
        }
        sheet.finish();
    }

    /** The anomaly list ({@link AnomalyList}), its 处理结果 cells a drop-down of the four choices. */
    private static void anomalies(WorkbookWriter workbook, PeriodReport report) throws IOException {
        double[] widths = {18, 12, 18, 26, 9, 10, 21, 24, 21, 24, 14, 14, 14, 40, 30, 30, 14, 12, 30, 10, 18};
        Column[] columns = new Column[widths.length];
        for (int c = 0; c < widths.length; c++) {
            columns[c] = new Column(AnomalyList.HEADER.get(c), widths[c]);
        }
        List<Anomaly> anomalies = AnomalyList.toDoFirst(report.anomalies());
        TableSheet sheet = new TableSheet(workbook, ANOMALIES, anomalies.size(), columns);
        sheet.dropDown(AnomalyList.TO_FILL, AnomalyList.ACTIONS);
        String store = report.tenant() + "/" + report.store();
        for (Anomaly a : anomalies) {
            sheet.text(0, a.id());
            sheet.day(1, a.day());
            sheet.text(2, a.type().label);
            sheet.text(3, a.type().name());
            sheet.text(4, a.severity().name());
            sheet.text(5, a.status().label);
            sheet.text(6, a.orderId());
            sheet.text(7, a.lineId());
            sheet.text(8, a.refundId());
            sheet.text(9, a.invoiceId());
            sheet.money(10, a.expectedFen());
            sheet.money(11, a.actualFen());
            sheet.money(12, a.differenceFen());
            sheet.text(13, a.message());
            sheet.text(14, AnomalyList.waitingText(a));
            sheet.text(15, AnomalyList.resolutionText(a));
            sheet.text(16, store);
            sheet.endRow();
        }
        sheet.finish();
    }

    /**
     * The audit trail of the period's anomalies: every resolution received for them (and those naming an
     * anomaly the data has since explained, on the day they were made), which one counts, from which file.
     */
    private static void trail(WorkbookWriter workbook, PeriodReport report) throws IOException {
        TableSheet sheet = new TableSheet(workbook, TRAIL, report.trail().size(),
                new Column("异常编号", 18), new Column("处理结果", 12), new Column("处理说明", 30), new Column("处理人", 10),
                new Column("处理时间", 20), new Column("来源文件", 30), new Column("文件指纹", 18), new Column("行", 6),
                new Column("异常当前状态", 14), new Column("是否生效", 10));
        Map<String, Anomaly> byId = new HashMap<>();
        report.anomalies().forEach(a -> byId.put(a.id(), a));
        for (Resolution r : report.trail()) {
            Anomaly anomaly = byId.get(r.anomalyId());
            sheet.text(0, r.anomalyId());
            sheet.text(1, r.action().label);
            sheet.text(2, r.note());
            sheet.text(3, r.by());
            if (Times.isPresent(r.at())) {
                sheet.time(4, r.at());
            }
            sheet.text(5, r.source());
            sheet.text(6, r.sourceHash());
            sheet.count(7, r.line());
            sheet.text(8, anomaly == null ? "已由数据解释，不再是异常" : anomaly.status().label);
            sheet.text(9, anomaly != null && r.equals(anomaly.resolution()) ? "生效" : "");
            sheet.endRow();
        }
        sheet.finish();
    }

    /**
     * Every line of the period. A row holds nothing of the period it is listed in (no reference, the line's
     * anomaly whatever its day), so a month takes its days' rows as they were deflated where it can.
     */
    private static void ledger(WorkbookWriter workbook, PeriodReport report, LedgerSegments segments) throws IOException {
        List<LedgerLine> lines = report.lines();
        TableSheet sheet = new TableSheet(workbook, LEDGER, lines.size(),
                new Column("发生时间", 20), new Column("账务流水号", 24), new Column("类别", 12), new Column("类别代码", 15),
                new Column("业务类型", 14), new Column("订单编号", 21), new Column("订单状态", 24),
                new Column("收入（元）", 14), new Column("支出（元）", 14), new Column("账户余额（元）", 16),
                new Column("渠道", 10), new Column("异常", 18));
        if (segments == null) {
            ledgerRows(sheet, report, 0, lines.size());
        } else if (!report.period().isMonth()) {
            boolean keep = !lines.isEmpty() && sheet.fitsInPart(lines.size());
            if (keep) {
                sheet.startSegment();
            }
            ledgerRows(sheet, report, 0, lines.size());
            if (keep) {
                segments.put(report.period().first(), sheet.endSegment(), lines.size());
            }
        } else {
            for (int from = 0; from < lines.size(); ) {
                LocalDate day = Times.day(lines.get(from).occurredAt());
                long nextDay = Times.startOf(day.plusDays(1));
                int to = from;
                while (to < lines.size() && lines.get(to).occurredAt() < nextDay) {
                    to++;
                }
                ZipParts.Deflated rows = sheet.fitsInPart(to - from) ? segments.take(day, to - from) : null;
                if (rows != null) {
                    sheet.append(rows, to - from);
                } else {
                    ledgerRows(sheet, report, from, to);
                }
                from = to;
            }
        }
        sheet.finish();
    }

    private static void ledgerRows(TableSheet sheet, PeriodReport report, int from, int to) throws IOException {
        for (LedgerLine line : report.lines().subList(from, to)) {
            sheet.time(0, line.occurredAt());
            sheet.id(1, line.lineNumber(), line.lineIdText());
            sheet.text(2, line.lineClass().label);
            sheet.text(3, line.lineClass().name());
            sheet.text(4, line.businessType());
            sheet.id(5, line.orderNumber(), line.orderIdText());
            sheet.text(6, orderStatus(report, line));
            sheet.money(7, line.incomeFen());
            sheet.money(8, line.expenseFen());
            sheet.money(9, line.hasBalance() ? line.balanceFen() : null);
            sheet.text(10, line.channel().label);
            AnomalyType anomaly = report.anomalyOfLine().apply(line);
            sheet.text(11, anomaly == null ? null : anomaly.label);
            sheet.endRow();
        }
    }

    /** The matched order's status, or why there is none. */
    private static String orderStatus(PeriodReport report, LedgerLine line) {
        if (!line.hasOrderId()) {
            return "";
        }
        Order order = report.orderOfLine().apply(line);
        return order == null ? "订单报表中没有此订单" : order.status().label;
    }

    /**
     * A day's workbook lists the open items overdue at its end, the ones to chase; those not yet due are
     * counted in 汇总 (the day after they would be listed again, nearly all of them: at a million orders a
     * month that was half the rows of the month's reports). A month's workbook lists them all at its end
     * ({@link ReportSource}).
     */
    private static void openItems(WorkbookWriter workbook, PeriodReport report) throws IOException {
        List<OpenItem> items = report.openItems().listed();
        TableSheet sheet = new TableSheet(workbook, OPEN_ITEMS, items.size(),
                new Column("订单编号", 21), new Column("订单日期", 12), new Column("实付（元）", 14),
                new Column("应结算（元）", 14), new Column("应结算日", 12), new Column("账龄（天）", 10),
                new Column("状态（截至 " + report.openItemsAsOf() + "）", 22));
        for (OpenItem item : items) {
            sheet.text(0, item.orderId());
            sheet.day(1, item.orderDay());
            sheet.money(2, item.paidFen());
            sheet.money(3, item.dueFen());
            sheet.day(4, item.dueDay());
            sheet.count(5, item.ageDays());
            sheet.text(6, item.overdue() ? "已逾期未结算" : "未到期");
            sheet.endRow();
        }
        sheet.finish();
    }

    private static void fees(WorkbookWriter workbook, PeriodReport report) throws IOException {
        Fees fees = report.fees();
        // the list by category, an empty row, the classes under their header, then three rows of totals
        int rows = fees.byCategory().size() + 2 + fees.byClass().size() + 3;
        TableSheet sheet = new TableSheet(workbook, FEES, rows,
                new Column("类目 / 费用类别", 22), new Column("结算金额（元）", 16), new Column("合同费率", 11),
                new Column("费率来源", 22), new Column("按合同佣金（元）", 16), new Column("实收佣金（元）", 16),
                new Column("实际费率", 11), new Column("差额（元）", 14));
        for (Fees.ByCategory category : fees.byCategory()) {
            sheet.text(0, category.category() == null ? "（订单报表中没有的订单）"
                    : category.category().isEmpty() ? "（无类目）" : category.category());
            sheet.money(1, category.settledFen());
            sheet.rate(2, category.contractRate());
            sheet.text(3, category.contract().source());
            sheet.money(4, category.contractFeeFen());
            sheet.money(5, category.chargedFen());
            sheet.rate(6, Fees.ratio(category.chargedFen(), category.settledFen()));
            sheet.money(7, category.chargedFen() - category.contractFeeFen());
            sheet.endRow();
        }
        sheet.endList();
        sheet.endRow();
        // the classes below reuse the columns: amount in B, rate of the settlements in G
        sheet.text(0, "费用类别");
        sheet.text(1, "金额（元）");
        sheet.text(2, "笔数");
        sheet.text(6, "占结算比例");
        sheet.endRow();
        for (Fees.ByClass byClass : fees.byClass()) {
            sheet.text(0, byClass.lineClass().label);
            sheet.money(1, byClass.amountFen());
            sheet.count(2, byClass.lines());
            sheet.rate(6, fees.rateOf(byClass.amountFen()));
            sheet.endRow();
        }
        sheet.text(0, "费用合计");
        sheet.money(1, fees.totalFen());
        sheet.rate(6, fees.rateOf(fees.totalFen()));
        sheet.endRow();
        sheet.text(0, "合同佣金率（按结算加权）");
        sheet.rate(2, fees.contractRate());
        sheet.endRow();
        sheet.text(0, "费用率预警线（合同 × " + fees.feeRatioFactor().toPlainString() + "）");
        sheet.rate(2, fees.contractRate() == null ? null : fees.contractRate().multiply(fees.feeRatioFactor()));
        sheet.endRow();
        sheet.finish();
    }

    /**
     * Every invoice issued in the period with its order and what the order is to be invoiced for, then the
     * orders that asked for an invoice and are still to be invoiced at the period's last day, oldest first.
     */
    private static void invoices(WorkbookWriter workbook, PeriodReport report) throws IOException {
        // the invoices, an empty row, then the orders still to invoice under their header
        int rows = report.invoices().size() + 2 + report.toInvoice().size();
        TableSheet sheet = new TableSheet(workbook, INVOICES, rows,
                new Column("开票日期", 12), new Column("发票号码", 24), new Column("订单编号", 21), new Column("蓝字/红字", 10),
                new Column("发票状态", 10), new Column("开票金额（元）", 14), new Column("冲红原因", 10),
                new Column("订单状态", 22), new Column("订单应开票（元）", 16), new Column("订单已开票净额（元）", 18));
        for (InvoiceBook.Issued issued : report.invoices()) {
            Invoice invoice = issued.invoice();
            sheet.day(0, Times.day(invoice.issuedAt()));
            sheet.text(1, invoice.invoiceId());
            sheet.text(2, invoice.hasOrder() ? invoice.orderId() : null);
            sheet.text(3, invoice.red() ? "红字" : "蓝字");
            sheet.text(4, invoice.status().label);
            sheet.money(5, invoice.amountFen());
            sheet.text(6, invoice.reversalReason());
            sheet.text(7, issued.order() == null ? "订单报表中没有此订单" : issued.order().status().label);
            sheet.money(8, issued.toInvoiceFen());
            sheet.money(9, issued.orderNetFen());
            sheet.endRow();
        }
        sheet.endList();
        sheet.endRow();
        // the orders still to invoice reuse the columns: order in C, amounts in F, I and J, age in E
        sheet.text(0, "待开票订单（截至 " + report.openItemsAsOf() + "）");
        sheet.text(2, "订单编号");
        sheet.text(4, "账龄（天）");
        sheet.text(5, "未开票（元）");
        sheet.text(7, "订单日期");
        sheet.text(8, "应开票（元）");
        sheet.text(9, "已开票（元）");
        sheet.endRow();
        for (InvoiceBook.ToInvoice order : report.toInvoice()) {
            sheet.id(2, order.order().orderNumber(), order.order().orderIdText());
            sheet.count(4, order.ageDays());
            sheet.money(5, order.remainingFen());
            sheet.day(7, order.orderDay());
            sheet.money(8, order.toInvoiceFen());
            sheet.money(9, order.invoicedFen());
            sheet.endRow();
        }
        sheet.finish();
    }
}
