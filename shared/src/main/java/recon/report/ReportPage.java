package recon.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.domain.IncompleteData;
import recon.domain.LineClass;
import recon.domain.Money;
import recon.reconcile.ContractRates;

/**
 * Writes {@code report.html}: one self-contained page (no script, no external font or image) that
 * reads on a phone — the warnings about the figures first (a red banner when data is incomplete, config keys
 * that matched nothing), the headline figures, the balance line, a chart of the month's daily
 * settlements, refunds and fees drawn as inline SVG, anomalies by type, the largest differences, the
 * open items and the fees. Every text from the data is escaped.
 */
public final class ReportPage {
    /** The anomalies listed one by one, largest difference first; the workbook has them all. */
    static final int LARGEST_SHOWN = 20;
    /** The oldest open items listed; the workbook has them all. */
    static final int OPEN_ITEMS_SHOWN = 10;

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;background:#f3f5f8;color:#1c2430;font:15px/1.5 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
            main{max-width:960px;margin:0 auto;padding:12px}
            h1{font-size:20px;margin:4px 0 0}
            h2{font-size:16px;margin:0 0 8px}
            .sub{color:#5b6675;margin:0 0 12px}
            section{background:#fff;border-radius:10px;padding:12px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;background:none;box-shadow:none;padding:0}
            .card{background:#fff;border-radius:10px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
            .card .label{display:block;color:#5b6675;font-size:13px}
            .card .value{display:block;font-size:18px;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
            .card.alert .value{color:#c62828}
            .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .ok{color:#2e7d32;font-weight:600}
            .bad{color:#c62828;font-weight:600}
            .balance{font-variant-numeric:tabular-nums}
            .balance div{display:flex;justify-content:space-between;border-bottom:1px solid #eef0f3;padding:3px 0}
            table{width:100%;border-collapse:collapse;font-size:14px}
            th,td{padding:5px 4px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
            th{color:#5b6675;font-weight:500}
            .scroll{overflow-x:auto}
            .open th,.open td{white-space:nowrap;font-size:13px}
            .meter{height:6px;background:#e53935;border-radius:3px;margin-top:3px;min-width:2px}
            .legend{display:flex;flex-wrap:wrap;gap:12px;font-size:13px;color:#5b6675;margin:0 0 6px}
            .key{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin-right:4px}
            svg{display:block;width:100%;height:auto}
            svg text{font-size:10px;fill:#5b6675}
            .item{border-bottom:1px solid #eef0f3;padding:6px 0}
            .item .head{display:flex;justify-content:space-between;gap:8px;font-weight:600}
            .item .meta{color:#5b6675;font-size:13px;overflow-wrap:anywhere}
            .id{white-space:nowrap}
            .sev-HIGH{color:#c62828}.sev-MEDIUM{color:#ef6c00}.sev-LOW{color:#5b6675}
            .incomplete{margin:12px 0;background:#fdecea;border-left:4px solid #c62828;color:#b71c1c;font-weight:600}
            .incomplete p{margin:0;overflow-wrap:anywhere}
            .warn{border-left:4px solid #ef6c00;color:#8a3b00}
            .warn p{margin:0}
            footer{color:#8a94a3;font-size:12px;padding:0 4px 16px;overflow-wrap:anywhere}
            """;

    private ReportPage() {}

    public static void write(OutputStream out, PeriodReport report) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(render(report));
        writer.flush();
    }

    static String render(PeriodReport report) {
        StringBuilder html = new StringBuilder(32_768);
        String title = "天猫对账报告 " + report.store() + " " + report.period().label();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        incomplete(html, report);
        html.append("<h1>天猫对账报告</h1>\n<p class=\"sub\">")
                .append(Html.escape(report.tenant())).append(" / ").append(Html.escape(report.store()))
                .append(" · ").append(Html.escape(report.period().label())).append("</p>\n");
        configWarnings(html, report);
        headline(html, report);
        closing(html, report);
        balance(html, report);
        chart(html, report);
        anomalyTypes(html, report);
        largestDifferences(html, report);
        openItems(html, report);
        invoicing(html, report);
        fees(html, report);
        footer(html, report);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The banner above everything when files were refused or exports are missing: the figures below lack them. */
    private static void incomplete(StringBuilder html, PeriodReport report) {
        IncompleteData incomplete = MissingExports.incomplete(report.files(), report.anomalies());
        if (!incomplete.isComplete()) {
            html.append("<section class=\"incomplete\" id=\"incomplete\" role=\"alert\"><p>")
                    .append(Html.escape(incomplete.text())).append("</p></section>\n");
        }
    }

    /** The byCategory keys that matched no order: the contract fees of their 类目 were taken at another rate. */
    private static void configWarnings(StringBuilder html, PeriodReport report) {
        if (report.unmatchedKeys().isEmpty()) {
            return;
        }
        html.append("<section class=\"warn\" id=\"config-warnings\">\n");
        for (ContractRates.UnmatchedKey key : report.unmatchedKeys()) {
            html.append("<p>").append(Html.escape(key.warning())).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private static void headline(StringBuilder html, PeriodReport report) {
        Totals t = report.totals();
        html.append("<section class=\"cards\">\n");
        moneyCard(html, "结算金额", "settledAmount", t.settledAmount());
        for (Channel channel : Channel.values()) {
            moneyCard(html, "其中" + channel.label, "settledByChannel." + channel.name(), t.settledIn(channel));
        }
        countCard(html, "结算笔数", "settledCount", t.settledCount(), false);
        moneyCard(html, "退款金额", "refundAmount", t.refundAmount());
        moneyCard(html, "天猫佣金", "commissionAmount", t.commissionAmount());
        moneyCard(html, "其他费用", "otherFeeAmount", t.otherFeeAmount());
        moneyCard(html, "转出（非损益）", "transferAmount", t.transferAmount());
        moneyCard(html, "期初余额", "openingBalance", t.openingBalance());
        moneyCard(html, "期末余额", "closingBalance", t.closingBalance());
        countCard(html, "付款订单", "ordersPaid", t.ordersPaid(), false);
        countCard(html, "已核对订单", "matchedOrders", t.matchedOrders(), false);
        countCard(html, "未结算订单", "openItems", t.openItems(), false);
        countCard(html, "异常", "anomalies", t.anomalyCount(), t.anomalyCount() > 0);
        html.append("</section>\n");
    }

    /**
     * Where closing the books stands: 已对平 or not, the counts by status, and the exports to upload for
     * what is PENDING.
     */
    private static void closing(StringBuilder html, PeriodReport report) {
        StatusCounts counts = StatusCounts.of(report.anomalies());
        html.append("<section id=\"closing\">\n<h2>核销</h2>\n<p class=\"").append(counts.closed() ? "ok" : "bad")
                .append("\" data-field=\"closed\" data-value=\"").append(counts.closed()).append("\">")
                .append(counts.closed() ? "已对平：本期没有待补数据、待处理或申诉中的异常。" : "未对平：还有异常需要补数据、处理或等待申诉结果。")
                .append("</p>\n<table>\n<tr><th>状态</th><th class=\"num\">笔数</th></tr>\n");
        for (AnomalyStatus status : AnomalyStatus.values()) {
            html.append("<tr data-status=\"").append(status.name()).append("\"><td>").append(status.label)
                    .append("</td><td class=\"num\">").append(counts.count(status)).append("</td></tr>\n");
        }
        html.append("</table>\n");
        List<MissingExports.Missing> missing = MissingExports.of(report.anomalies());
        if (!missing.isEmpty()) {
            html.append("<p>待补文件：上传这些导出文件后，待补数据的异常会自动确认或消失。</p>\n<ul class=\"missing\">\n");
            for (MissingExports.Missing m : missing) {
                html.append("<li data-kind=\"").append(m.kind().name()).append("\">").append(Html.escape(m.kind().label))
                        .append(" ").append(m.from()).append(" 至 ").append(m.to()).append("（").append(m.pending())
                        .append(" 笔异常等待）</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p class=\"sub\">在 report.xlsx 的“异常”表中填写处理结果、处理说明、处理人，再把这个文件上传回来，即可核销。</p>\n")
                .append("</section>\n");
    }

    private static void moneyCard(StringBuilder html, String label, String field, Long fen) {
        html.append("<div class=\"card\" data-field=\"").append(field).append("\" data-value=\"")
                .append(fen == null ? "" : Money.format(fen)).append("\"><span class=\"label\">")
                .append(label).append("（元）</span><span class=\"value\">")
                .append(fen == null ? "—" : yuan(fen)).append("</span></div>\n");
    }

    private static void countCard(StringBuilder html, String label, String field, long count, boolean alert) {
        html.append("<div class=\"card").append(alert ? " alert" : "").append("\" data-field=\"").append(field)
                .append("\" data-value=\"").append(count).append("\"><span class=\"label\">").append(label)
                .append("</span><span class=\"value\">").append(String.format(Locale.ROOT, "%,d", count)).append("</span></div>\n");
    }

    private static void balance(StringBuilder html, PeriodReport report) {
        BalanceCheck b = report.balance();
        html.append("<section class=\"balance\" id=\"balance\">\n<h2>余额核对</h2>\n");
        if (!b.hasLines()) {
            html.append("<p>本期没有账务明细。</p>\n</section>\n");
            return;
        }
        if (!b.checkable()) {
            html.append("<p class=\"bad\">").append(b.uncheckable()).append("。</p>\n");
            balanceRow(html, "＋ 收入合计", b.incomeFen());
            balanceRow(html, "－ 支出合计", b.expenseFen());
            html.append("</section>\n");
            return;
        }
        balanceRow(html, "期初余额", b.openingFen());
        balanceRow(html, "＋ 收入合计", b.incomeFen());
        balanceRow(html, "－ 支出合计", b.expenseFen());
        balanceRow(html, "＝ 应有期末余额", b.expectedClosingFen());
        balanceRow(html, "实际期末余额", b.closingFen());
        boolean balanced = b.balanced(report.toleranceFen());
        html.append("<div><span>差额</span><span class=\"").append(balanced ? "ok" : "bad").append("\">")
                .append(yuan(b.differenceFen())).append(balanced ? " ✓ 平衡" : " ✗ 不平衡").append("</span></div>\n")
                .append("</section>\n");
    }

    private static void balanceRow(StringBuilder html, String label, long fen) {
        html.append("<div><span>").append(label).append("</span><span>").append(yuan(fen)).append("</span></div>\n");
    }

    /**
     * The month to date: a bar per day for the settlements, a line each for refunds and fees, on one
     * scale. Drawn in a 360 × 200 box that the page stretches to its width.
     */
    private static void chart(StringBuilder html, PeriodReport report) {
        List<DayFigures> days = report.monthToDate();
        html.append("<section id=\"chart\">\n<h2>本月每日结算、退款与费用（元）</h2>\n")
                .append("<div class=\"legend\"><span><i class=\"key\" style=\"background:#4a90d9\"></i>结算</span>")
                .append("<span><i class=\"key\" style=\"background:#e53935\"></i>退款</span>")
                .append("<span><i class=\"key\" style=\"background:#f59e0b\"></i>费用</span></div>\n");
        if (days.isEmpty()) {
            html.append("<p>没有数据。</p>\n</section>\n");
            return;
        }
        double left = 48;
        double right = 354;
        double top = 8;
        double bottom = 176;
        long max = 1;
        for (DayFigures d : days) {
            max = Math.max(max, Math.max(d.settledAmount(), Math.max(d.refundAmount(), fees(d))));
        }
        double slot = (right - left) / days.size();
        html.append("<svg viewBox=\"0 0 360 200\" role=\"img\" aria-label=\"本月每日结算、退款与费用\">\n");
        for (int i = 0; i <= 4; i++) {
            double y = bottom - (bottom - top) * i / 4;
            html.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e7ec\"/>",
                    left, y, right, y));
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 4, y + 3, axisLabel(max * i / 4)));
        }
        for (int i = 0; i < days.size(); i++) {
            DayFigures d = days.get(i);
            double height = (bottom - top) * d.settledAmount() / max;
            boolean reported = report.period().contains(d.day());
            html.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                            + "<title>%s 结算 %s</title></rect>%n",
                    left + slot * i + slot * 0.15, bottom - height, slot * 0.7, height,
                    reported || report.period().isMonth() ? "#4a90d9" : "#b7d0ec",
                    d.day(), yuan(d.settledAmount())));
            if (i == 0 || i == days.size() - 1 || (d.day().getDayOfMonth() % 5 == 0 && i < days.size() - 2)) {
                html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"192\" text-anchor=\"middle\">%d日</text>%n",
                        left + slot * (i + 0.5), d.day().getDayOfMonth()));
            }
        }
        polyline(html, "refunds", "#e53935", days, left, slot, top, bottom, max, false);
        polyline(html, "fees", "#f59e0b", days, left, slot, top, bottom, max, true);
        html.append("</svg>\n</section>\n");
    }

    private static void polyline(StringBuilder html, String name, String colour, List<DayFigures> days,
            double left, double slot, double top, double bottom, long max, boolean fees) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            long value = fees ? fees(days.get(i)) : days.get(i).refundAmount();
            double x = left + slot * (i + 0.5);
            double y = bottom - (bottom - top) * Math.max(value, 0) / max;
            points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        html.append("<polyline class=\"").append(name).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"").append(points).append("\"/>\n");
    }

    private static long fees(DayFigures day) {
        return day.commissionAmount() + day.otherFeeAmount();
    }

    /** Whole yuan, shortened: 1234567 fen → "1.2万". */
    private static String axisLabel(long fen) {
        long yuan = fen / 100;
        if (yuan >= 10_000) {
            return BigDecimal.valueOf(yuan).movePointLeft(4).setScale(1, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() + "万";
        }
        return String.format(Locale.ROOT, "%,d", yuan);
    }

    private static void anomalyTypes(StringBuilder html, PeriodReport report) {
        Map<AnomalyType, long[]> byType = ReportWorkbook.anomaliesByType(report);
        html.append("<section id=\"anomaly-types\">\n<h2>异常类型</h2>\n");
        if (byType.isEmpty()) {
            html.append("<p class=\"ok\">本期没有发现异常。</p>\n</section>\n");
            return;
        }
        long most = byType.values().stream().mapToLong(c -> c[0]).max().orElse(1);
        html.append("<table>\n<tr><th>类型</th><th class=\"num\">笔数</th><th class=\"num\">差额合计</th></tr>\n");
        byType.forEach((type, c) -> html.append("<tr data-type=\"").append(type.name()).append("\"><td><span class=\"sev-")
                .append(type.severity.name()).append("\">").append(Html.escape(type.label)).append("</span><br><small>")
                .append(type.name()).append("</small><div class=\"meter\" style=\"width:")
                .append(Math.max(1, 100 * c[0] / most)).append("%\"></div></td><td class=\"num\">").append(c[0])
                .append("</td><td class=\"num\">").append(yuan(c[1])).append("</td></tr>\n"));
        html.append("</table>\n</section>\n");
    }

    private static void largestDifferences(StringBuilder html, PeriodReport report) {
        if (report.anomalies().isEmpty()) {
            return;
        }
        List<Anomaly> largest = new ArrayList<>(report.anomalies());
        // what still needs someone first, then the largest differences
        largest.sort(Comparator.comparing((Anomaly a) -> !a.status().isUnsettled())
                .thenComparingLong(a -> -Math.abs(a.differenceFen())).thenComparing(Anomaly.ORDER));
        int shown = Math.min(LARGEST_SHOWN, largest.size());
        html.append("<section id=\"largest\">\n<h2>待处理与差额最大的异常</h2>\n");
        if (largest.size() > shown) {
            html.append("<p class=\"sub\">共 ").append(largest.size()).append(" 笔，列出差额最大的 ").append(shown)
                    .append(" 笔；全部见 report.xlsx。</p>\n");
        }
        for (Anomaly a : largest.subList(0, shown)) {
            html.append("<div class=\"item anomaly\" data-status=\"").append(a.status().name())
                    .append("\"><div class=\"head\"><span class=\"sev-").append(a.severity().name())
                    .append("\">").append(Html.escape(a.type().label)).append(" · ").append(a.status().label)
                    .append("</span><span class=\"num\">")
                    .append(yuan(a.differenceFen())).append("</span></div><div class=\"meta\">").append(a.day());
            if (a.orderId() != null) {
                html.append(" · <span class=\"id\">订单 ").append(Html.escape(a.orderId())).append("</span>");
            }
            if (a.lineId() != null) {
                html.append(" · <span class=\"id\">流水 ").append(Html.escape(a.lineId())).append("</span>");
            }
            html.append("</div><div class=\"meta\">应为 ").append(yuan(a.expectedFen())).append(" · 实际 ")
                    .append(yuan(a.actualFen())).append(" · ").append(Html.escape(a.message())).append("</div>");
            String settled = AnomalyList.resolutionText(a) + AnomalyList.waitingText(a);
            if (!settled.isEmpty()) {
                html.append("<div class=\"meta\">").append(Html.escape(settled)).append("</div>");
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void openItems(StringBuilder html, PeriodReport report) {
        OpenItems.At items = report.openItems();
        long overdue = items.overdue();
        long dueFen = items.dueFen();
        html.append("<section id=\"open-items\">\n<h2>未结算订单（截至 ").append(report.openItemsAsOf()).append("）</h2>\n")
                .append("<p>").append(String.format(Locale.ROOT, "%,d", items.count())).append(" 笔，应结算 ").append(yuan(dueFen))
                .append(" 元；其中已逾期 <span class=\"").append(overdue > 0 ? "bad" : "ok").append("\">").append(overdue)
                .append("</span> 笔。</p>\n");
        if (items.count() > 0) {
            html.append("<div class=\"scroll\"><table class=\"open\">\n<tr><th>订单编号</th><th>订单日期</th><th class=\"num\">应结算</th>")
                    .append("<th class=\"num\">账龄</th></tr>\n");
            for (OpenItem item : items.oldest()) {
                html.append("<tr><td>").append(Html.escape(item.orderId())).append("</td><td>").append(item.orderDay())
                        .append("</td><td class=\"num\">").append(yuan(item.dueFen())).append("</td><td class=\"num")
                        .append(item.overdue() ? " bad" : "").append("\">").append(item.ageDays()).append(" 天</td></tr>\n");
            }
            html.append("</table></div>\n");
        }
        html.append("</section>\n");
    }

    /** Invoiced against settled, and what the orders that asked are still to be invoiced. */
    private static void invoicing(StringBuilder html, PeriodReport report) {
        Totals t = report.totals();
        List<InvoiceBook.ToInvoice> waiting = report.toInvoice();
        long remainingFen = waiting.stream().mapToLong(InvoiceBook.ToInvoice::remainingFen).sum();
        html.append("<section id=\"invoicing\">\n<h2>发票</h2>\n<table>\n")
                .append("<tr><th>项目</th><th class=\"num\">金额</th></tr>\n");
        invoiceRow(html, "结算金额", "settledAmount", t.settledAmount());
        invoiceRow(html, "开票金额（蓝字减红字，" + t.invoiceCount() + " 张）", "invoicedAmount", t.invoicedAmount());
        invoiceRow(html, "本期订单待开票", "uninvoicedAmount", t.uninvoicedAmount());
        html.append("</table>\n<p>截至 ").append(report.openItemsAsOf()).append("，要求开票而未开足的订单 ")
                .append(String.format(Locale.ROOT, "%,d", waiting.size())).append(" 笔，共 ").append(yuan(remainingFen))
                .append(" 元。</p>\n</section>\n");
    }

    private static void invoiceRow(StringBuilder html, String label, String field, long fen) {
        html.append("<tr data-field=\"").append(field).append("\" data-value=\"").append(yuan(fen)).append("\"><td>")
                .append(Html.escape(label)).append("</td><td class=\"num\">").append(yuan(fen)).append("</td></tr>\n");
    }

    private static void fees(StringBuilder html, PeriodReport report) {
        Fees fees = report.fees();
        html.append("<section id=\"fees\">\n<h2>费用</h2>\n<table>\n")
                .append("<tr><th>类别</th><th class=\"num\">金额</th><th class=\"num\">占结算</th></tr>\n");
        for (Fees.ByClass byClass : fees.byClass()) {
            feeRow(html, byClass.lineClass().label, byClass.amountFen(), fees.rateOf(byClass.amountFen()));
        }
        feeRow(html, "合计", fees.totalFen(), fees.rateOf(fees.totalFen()));
        html.append("</table>\n<p>合同佣金率 ").append(percent(fees.contractRate())).append("，实际佣金率 ")
                .append(percent(fees.rateOf(commission(fees)))).append("。</p>\n</section>\n");
    }

    private static long commission(Fees fees) {
        return fees.byClass().stream().filter(c -> c.lineClass() == LineClass.COMMISSION)
                .mapToLong(Fees.ByClass::amountFen).sum();
    }

    private static void feeRow(StringBuilder html, String label, long fen, BigDecimal rate) {
        html.append("<tr><td>").append(Html.escape(label)).append("</td><td class=\"num\">").append(yuan(fen))
                .append("</td><td class=\"num\">").append(percent(rate)).append("</td></tr>\n");
    }

    private static void footer(StringBuilder html, PeriodReport report) {
        html.append("<footer>文件：");
        List<FileOutcome> files = report.files();
        for (int i = 0; i < files.size(); i++) {
            FileOutcome file = files.get(i);
            html.append(i == 0 ? "" : "；").append(Html.escape(file.name()))
                    .append(file.accepted() ? "" : "（拒收：" + Html.escape(file.error()) + "）");
        }
        html.append("<br>金额单位：元。完整明细见同一目录下的 report.xlsx 与 report.csv。</footer>\n");
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 412350 fen → "4,123.50" (Money.format with thousands separators). */
    static String yuan(long fen) {
        String plain = Money.format(fen);
        boolean negative = plain.startsWith("-");
        String digits = plain.substring(negative ? 1 : 0, plain.length() - 3);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + grouped + plain.substring(plain.length() - 3);
    }
}
