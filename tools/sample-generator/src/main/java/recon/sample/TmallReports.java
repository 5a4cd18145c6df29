package recon.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import recon.domain.Money;
import recon.domain.OrderStatus;
import recon.domain.RefundStatus;
import recon.domain.Times;

/** Writes the Tmall back-office exports: order reports (GBK) and the refund report (UTF-8 with BOM). */
final class TmallReports {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] CITIES = {"浙江省杭州市西湖区", "上海市浦东新区", "广东省深圳市南山区", "北京市朝阳区",
        "江苏省南京市鼓楼区", "四川省成都市武侯区"};
    private static final String[] REFUND_REASONS = {"七天无理由退换货", "尺码不合适", "质量问题", "少件/漏发", "不想要了"};

    enum OrderStyle {
        /** 订单编号 as {@code ="…"}, the canonical headers. */
        FIRST,
        /** A later export: other column order, alias headers (主订单编号, 买家实付金额), 等待卖家发货. */
        LATER,
        /** FIRST after a round trip through Excel: ids became {@code 3.55349801744800E+18}. */
        EXCEL_DAMAGED
    }

    private TmallReports() {}

    /**
     * The orders created up to {@code asOf}, with their status at that time; of those, only the ones created
     * or changed (paid, shipped, confirmed, closed) after {@code changedAfter}: a daily export's.
     *
     * @return the rows written
     */
    static int writeOrders(Path file, OrderStyle style, List<PlannedOrder> orders, String shopName, long changedAfter,
            long asOf) throws IOException {
        try (ExportTable table = ExportTable.gbkCsv(file)) {
            return writeOrders(table, style, orders, shopName, changedAfter, asOf);
        }
    }

    /** The same order report saved as XLSX, as a seller's tool saves it: amounts and times as typed cells. */
    static int writeOrdersXlsx(Path file, OrderStyle style, List<PlannedOrder> orders, String shopName, long asOf)
            throws IOException {
        try (ExportTable table = ExportTable.xlsx(file, "订单报表")) {
            return writeOrders(table, style, orders, shopName, Long.MIN_VALUE, asOf);
        }
    }

    private static int writeOrders(ExportTable table, OrderStyle style, List<PlannedOrder> orders, String shopName,
            long changedAfter, long asOf) throws IOException {
        int rows = 0;
        table.row(List.of((style == OrderStyle.LATER
                ? "主订单编号,订单状态,买家实付金额,订单创建时间,订单付款时间,确认收货时间,类目,宝贝标题,店铺名称,买家会员名,收货人姓名,联系手机,收货地址,发票抬头,物流单号"
                : "订单编号,买家会员名,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,店铺名称,发票抬头,确认收货时间,类目")
                .split(",")));
        List<String> row = new ArrayList<>(20);
        for (PlannedOrder o : orders) {
            if (o.phantom || o.createdAt > asOf) {
                continue;
            }
            OrderStatus status = o.statusAt(asOf);
            if (o.createdAt <= changedAfter && status == o.statusAt(changedAfter)) {
                continue;
            }
            boolean paid = o.paid() && o.paidAt <= asOf;
            String id = switch (style) {
                case FIRST -> Text.excelText(o.orderId());
                case LATER -> o.orderId();
                case EXCEL_DAMAGED -> excelScientific(o.id);
            };
            String statusLabel = style == OrderStyle.LATER && status == OrderStatus.AWAITING_SHIPMENT
                    ? "等待卖家发货" : status.label;
            String paidAmount = Money.format(paid ? o.priceFen : 0);
            String paidTime = paid ? Text.dateTime(o.paidAt) : "";
            String confirmed = status == OrderStatus.SUCCESS && o.buyerConfirmed ? Text.dateTime(o.successAt) : "";
            boolean shipped = Times.isPresent(o.shippedAt) && o.shippedAt <= asOf;
            String tracking = shipped ? "YT" + (7_000_000_000L + o.index * 37L) : "";
            Catalog.Item item = o.catalogItem();
            row.clear();
            if (style == OrderStyle.LATER) {
                row.add(id);
                row.add(statusLabel);
                row.add(paidAmount);
                row.add(Text.dateTime(o.createdAt));
                row.add(paidTime);
                row.add(confirmed);
                row.add(item.category());
                row.add(item.title());
                row.add(shopName);
                row.add(buyerNick(o));
                row.add(receiver(o));
                row.add(phone(o));
                row.add(address(o));
                row.add(o.invoiceTitle);
                row.add(tracking);
            } else {
                row.add(id);
                row.add(buyerNick(o));
                row.add(Money.format(o.priceFen));
                row.add("0.00");
                row.add(Money.format(o.priceFen));
                row.add(paidAmount);
                row.add(statusLabel);
                row.add(receiver(o));
                row.add(address(o));
                row.add(phone(o));
                row.add(Text.dateTime(o.createdAt));
                row.add(paidTime);
                row.add(item.title());
                row.add("1");
                row.add(tracking.isEmpty() || style == OrderStyle.EXCEL_DAMAGED ? tracking : Text.excelText(tracking));
                row.add(shopName);
                row.add(o.invoiceTitle);
                row.add(confirmed);
                row.add(item.category());
            }
            table.row(row);
            rows++;
        }
        return rows;
    }

    /**
     * The refunds applied for or completed from {@code from} to {@code to}, with their state at {@code to}
     * (one not completed by then waits for the seller): every refund of the period, as it ended, for the
     * whole span.
     *
     * @return the rows written
     */
    static int writeRefunds(Path file, List<PlannedOrder> orders, long from, long to) throws IOException {
        int rows = 0;
        try (Writer out = writer(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            out.append('\uFEFF');
            out.append("订单编号,退款编号,支付宝交易号,买家实际支付金额,买家退款金额,退款状态,退款的申请时间,退款完结时间,是否需要退货,退款原因,售中或售后\r\n");
            StringBuilder row = new StringBuilder(256);
            for (PlannedOrder o : orders) {
                for (PlannedRefund r : new PlannedRefund[] {o.preRefund, o.afterRefund, o.closedRefund}) {
                    if (r == null || r.appliedAt > to) {
                        continue;
                    }
                    boolean completed = Times.isPresent(r.completedAt) && r.completedAt <= to;
                    if (r.appliedAt < from && !(completed && r.completedAt >= from)) {
                        continue;
                    }
                    row.setLength(0);
                    Text.field(row, Text.excelText(o.orderId()));
                    Text.field(row, Long.toString(r.id));
                    Text.field(row, Text.compactDate(Times.day(o.paidAt)) + "22001" + (100_000_000_000L + o.index));
                    Text.field(row, Money.format(o.priceFen));
                    Text.field(row, Money.format(r.fen));
                    Text.field(row, r.status == RefundStatus.PENDING || !completed ? "等待卖家同意" : r.status.label);
                    Text.field(row, Text.dateTime(r.appliedAt));
                    Text.field(row, completed ? Text.dateTime(r.completedAt) : "");
                    Text.field(row, r.afterSale ? "是" : "否");
                    Text.field(row, REFUND_REASONS[(int) (r.id % REFUND_REASONS.length)]);
                    Text.field(row, r.afterSale ? "售后" : "售中");
                    out.append(row).append("\r\n");
                    rows++;
                }
            }
        }
        return rows;
    }

    /** What Excel shows for a long number: 15 significant digits, {@code 3.55349801744800E+18}. */
    static String excelScientific(long id) {
        BigDecimal rounded = new BigDecimal(id).round(new MathContext(15, RoundingMode.HALF_UP));
        String digits = rounded.unscaledValue().toString();
        digits = (digits + "000000000000000").substring(0, 15);
        int exponent = rounded.precision() - rounded.scale() - 1;
        return digits.charAt(0) + "." + digits.substring(1) + "E+" + (exponent < 10 ? "0" : "") + exponent;
    }

    private static Writer writer(OutputStream out, Charset charset) {
        return new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
    }

    private static String buyerNick(PlannedOrder o) {
        return "tb" + (1_000_000_000L + (o.id % 9_000_000_000L));
    }

    private static String receiver(PlannedOrder o) {
        return SURNAMES[o.index % SURNAMES.length] + "**";
    }

    private static String phone(PlannedOrder o) {
        return "138****" + (1000 + o.index % 9000);
    }

    private static String address(PlannedOrder o) {
        return CITIES[o.index % CITIES.length] + "***";
    }
}
