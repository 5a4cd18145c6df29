package recon.sample;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.Times;

/**
 * A small reader of exactly the files the generator writes, for the tests: it knows their layout
 * and is no substitute for the real parser (which must tolerate far more).
 */
final class SampleFiles {
    static final Charset GBK = Charset.forName("GBK");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern PERIOD = Pattern.compile(
            "起始日期：\\[(\\d{4})年(\\d{2})月(\\d{2})日.*终止日期：\\[(\\d{4})年(\\d{2})月(\\d{2})日");
    private static final Pattern TRAILER = Pattern.compile("#(支出|收入)合计：(\\d+)笔，共([\\d,.]+)元");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<!\\d)\\d{15,20}(?!\\d)");

    private SampleFiles() {}

    /** One ledger export as written: its lines in file order, its period and its trailer. */
    record LedgerFile(String name, List<LedgerLine> lines, LocalDate from, LocalDate to,
            long trailerIncomeCount, long trailerIncomeFen, long trailerExpenseCount, long trailerExpenseFen,
            boolean hasTrailer) {}

    static LedgerFile ledger(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".xlsx")) {
            return xlsxLedger(file);
        }
        if (name.endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), GBK)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().endsWith("账务明细.csv")) {
                        return csvLedger(name, new String(zip.readAllBytes(), GBK));
                    }
                }
            }
            throw new IOException("no detail member in " + name);
        }
        return csvLedger(name, Files.readString(file, GBK));
    }

    /** The members of a ZIP, names decoded as GBK, contents decoded as GBK. */
    static Map<String, String> zipMembers(Path file) throws IOException {
        Map<String, String> members = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), GBK)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                members.put(entry.getName(), new String(zip.readAllBytes(), GBK));
            }
        }
        return members;
    }

    static boolean isLedger(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".zip") || name.endsWith(".xlsx")) {
            return true;
        }
        byte[] head = new byte[3];
        try (InputStream in = Files.newInputStream(file)) {
            in.read(head);
        }
        return head[0] == '#';
    }

    private static LedgerFile csvLedger(String name, String text) {
        List<LedgerLine> lines = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        long[] trailer = new long[4];
        boolean hasTrailer = false;
        Map<String, Integer> columns = null;
        for (String raw : text.split("\r\n")) {
            if (raw.startsWith("#")) {
                Matcher period = PERIOD.matcher(raw);
                if (period.find()) {
                    from = LocalDate.of(Integer.parseInt(period.group(1)), Integer.parseInt(period.group(2)),
                            Integer.parseInt(period.group(3)));
                    to = LocalDate.of(Integer.parseInt(period.group(4)), Integer.parseInt(period.group(5)),
                            Integer.parseInt(period.group(6)));
                }
                Matcher total = TRAILER.matcher(raw);
                if (total.find()) {
                    int at = total.group(1).equals("收入") ? 0 : 2;
                    trailer[at] = Long.parseLong(total.group(2));
                    trailer[at + 1] = fen(total.group(3));
                    hasTrailer = true;
                }
                continue;
            }
            List<String> fields = split(raw);
            if (columns == null) {
                columns = header(fields);
                continue;
            }
            lines.add(line(fields, columns));
        }
        return new LedgerFile(name, lines, from, to, trailer[0], trailer[1], trailer[2], trailer[3], hasTrailer);
    }

    private static LedgerFile xlsxLedger(Path file) throws IOException {
        List<LedgerLine> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            List<Row> rows = workbook.getFirstSheet().read();
            Map<String, Integer> columns = header(texts(rows.get(2)));
            for (Row row : rows.subList(3, rows.size())) {
                lines.add(line(texts(row), columns));
            }
        }
        LocalDate from = Times.day(lines.get(0).occurredAt());
        LocalDate to = Times.day(lines.get(lines.size() - 1).occurredAt());
        return new LedgerFile(file.getFileName().toString(), lines, from, to, 0, 0, 0, 0, false);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            texts.add(row.getCell(c) == null ? "" : row.getCell(c).getText());
        }
        return texts;
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int paren = n.indexOf('(') >= 0 ? n.indexOf('(') : n.indexOf('（');
            columns.put(paren >= 0 ? n.substring(0, paren) : n, i);
        }
        return columns;
    }

    private static LedgerLine line(List<String> f, Map<String, Integer> c) {
        String merchant = clean(f.get(c.get("商户订单号")));
        String remark = clean(f.get(c.get("备注")));
        String type = clean(f.get(c.get("业务类型")));
        String orderId = null;
        if (merchant.startsWith("T200P")) {
            orderId = merchant.substring(5);
        } else {
            Matcher m = LONG_NUMBER.matcher(remark);
            if (m.find()) {
                orderId = m.group();
            }
        }
        return new LedgerLine(clean(f.get(c.get("账务流水号"))), orderId, time(clean(f.get(c.get("发生时间")))),
                Math.abs(fen(f.get(c.get("收入金额")))), Math.abs(fen(f.get(c.get("支出金额")))),
                fen(f.get(c.get("账户余额"))), classify(type, remark), type);
    }

    private static LineClass classify(String type, String remark) {
        if (type.equals("交易付款")) {
            return LineClass.SETTLEMENT;
        }
        if (type.equals("交易退款")) {
            return LineClass.REFUND;
        }
        if (remark.startsWith("天猫佣金") || remark.contains("软件服务费")) {
            return LineClass.COMMISSION;
        }
        if (remark.startsWith("天猫积分")) {
            return LineClass.POINTS;
        }
        if (remark.startsWith("花呗支付服务费")) {
            return LineClass.PAYMENT_FEE;
        }
        if (remark.startsWith("淘宝客佣金")) {
            return LineClass.AFFILIATE_FEE;
        }
        if (type.equals("提现")) {
            return LineClass.WITHDRAWAL;
        }
        if (remark.contains("直通车")) {
            return LineClass.AD_TOPUP;
        }
        if (type.equals("保证金")) {
            return LineClass.DEPOSIT;
        }
        return LineClass.OTHER;
    }

    /** The orders of an order report written in the LATER style (主订单编号 …). */
    static List<Order> laterOrders(Path file) throws IOException {
        List<Order> orders = new ArrayList<>();
        String[] lines = Files.readString(file, GBK).split("\r\n");
        Map<String, Integer> c = header(split(lines[0]));
        for (int i = 1; i < lines.length; i++) {
            List<String> f = split(lines[i]);
            orders.add(new Order(clean(f.get(c.get("主订单编号"))), fen(f.get(c.get("买家实付金额"))),
                    status(f.get(c.get("订单状态"))), time(f.get(c.get("订单创建时间"))),
                    time(f.get(c.get("订单付款时间"))), time(f.get(c.get("确认收货时间"))), f.get(c.get("类目")),
                    false, ""));
        }
        return orders;
    }

    static List<Refund> refunds(Path file) throws IOException {
        List<Refund> refunds = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        Map<String, Integer> c = header(split(lines[0]));
        for (int i = 1; i < lines.length; i++) {
            List<String> f = split(lines[i]);
            String label = f.get(c.get("退款状态"));
            RefundStatus status = label.equals("退款成功") ? RefundStatus.SUCCESS
                    : label.equals("退款关闭") ? RefundStatus.CLOSED : RefundStatus.PENDING;
            refunds.add(new Refund(f.get(c.get("退款编号")), clean(f.get(c.get("订单编号"))),
                    fen(f.get(c.get("买家退款金额"))), status, time(f.get(c.get("退款的申请时间"))),
                    time(f.get(c.get("退款完结时间"))), f.get(c.get("售中或售后")).equals("售后")));
        }
        return refunds;
    }

    static OrderStatus status(String label) {
        if (label.equals("等待卖家发货")) {
            return OrderStatus.AWAITING_SHIPMENT;
        }
        for (OrderStatus s : OrderStatus.values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException(label);
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static String clean(String value) {
        String v = value.strip();
        if (v.startsWith("=\"") && v.endsWith("\"")) {
            v = v.substring(2, v.length() - 1);
        }
        return v;
    }

    static long fen(String yuan) {
        String v = clean(yuan).replace(",", "");
        return v.isEmpty() ? 0 : new BigDecimal(v).movePointRight(2).longValueExact();
    }

    static long time(String text) {
        return text.isEmpty() ? Times.NONE : Times.of(LocalDateTime.parse(text, TIME));
    }
}
