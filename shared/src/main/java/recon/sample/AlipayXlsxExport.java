package recon.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Alipay account log saved as XLSX: two title rows, the header on row 3, no preamble and no
 * trailer (so its coverage is the days of its lines). Amounts are numeric cells; ids are text.
 */
final class AlipayXlsxExport implements LedgerExport {
    private static final String[] HEADER = {"账务流水号", "业务流水号", "商户订单号", "商品名称", "发生时间", "对方账号",
        "收入金额（+元）", "支出金额（-元）", "账户余额（元）", "交易渠道", "业务类型", "备注"};
    private static final int FLUSH_EVERY = 5_000;

    private final OutputStream out;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int nextRow;

    AlipayXlsxExport(OutputStream out, String account, long exportedAt) {
        this.out = out;
        this.workbook = new Workbook(out, "recon", "1.0");
        this.sheet = workbook.newWorksheet("账务明细");
        sheet.value(0, 0, "支付宝账务明细");
        sheet.value(1, 0, "账号：[" + account + "]   导出时间：[" + Text.chineseDateTime(exportedAt) + "]");
        for (int c = 0; c < HEADER.length; c++) {
            sheet.value(2, c, HEADER[c]);
        }
        nextRow = 3;
    }

    @Override
    public void write(LedgerRow r) throws IOException {
        int row = nextRow++;
        sheet.inlineString(row, 0, r.lineId());
        sheet.inlineString(row, 1, r.businessId());
        sheet.inlineString(row, 2, r.merchantOrderNo());
        sheet.value(row, 3, r.itemName());
        sheet.inlineString(row, 4, Text.dateTime(r.occurredAt()));
        sheet.inlineString(row, 5, r.counterparty());
        sheet.value(row, 6, BigDecimal.valueOf(r.incomeFen(), 2));
        sheet.value(row, 7, BigDecimal.valueOf(-r.expenseFen(), 2));
        sheet.value(row, 8, BigDecimal.valueOf(r.balanceFen(), 2));
        sheet.value(row, 9, r.channel());
        sheet.value(row, 10, r.businessType());
        sheet.inlineString(row, 11, r.remark());
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
        out.close();
    }
}
