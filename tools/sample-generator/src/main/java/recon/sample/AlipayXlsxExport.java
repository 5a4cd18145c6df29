package recon.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Alipay account log saved as XLSX: two title rows, the header on row 3, no preamble and no
 * trailer (so its coverage is the days of its lines). Amounts are numeric cells; ids are text.
 * FastExcel stamps the workbook with the current time, so the file is rewritten at the end with the
 * export time instead: the same seed must give the same bytes.
 */
final class AlipayXlsxExport implements LedgerExport {
    private static final String[] HEADER = {"账务流水号", "业务流水号", "商户订单号", "商品名称", "发生时间", "对方账号",
        "收入金额（+元）", "支出金额（-元）", "账户余额（元）", "交易渠道", "业务类型", "备注"};
    private static final int FLUSH_EVERY = 5_000;

    private final Path file;
    private final Path draft;
    private final OutputStream out;
    private final long exportedAt;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int nextRow;

    AlipayXlsxExport(Path file, String account, long exportedAt) throws IOException {
        this.file = file;
        this.draft = file.resolveSibling(file.getFileName() + ".part");
        this.out = new BufferedOutputStream(Files.newOutputStream(draft), 1 << 16);
        this.exportedAt = exportedAt;
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
        stampWithExportTime();
        Files.delete(draft);
    }

    private void stampWithExportTime() throws IOException {
        LocalDateTime local = LocalDateTime.ofEpochSecond(exportedAt, 0, ZoneOffset.ofHours(8));
        String created = LocalDateTime.ofEpochSecond(exportedAt, 0, ZoneOffset.UTC).toString() + "Z";
        try (ZipFile source = new ZipFile(draft.toFile());
                ZipOutputStream target = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (ZipEntry entry : Collections.list(source.entries())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(local);
                target.putNextEntry(copy);
                try (InputStream in = source.getInputStream(entry)) {
                    if (entry.getName().equals("docProps/core.xml")) {
                        String core = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        core = core.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + created + "$2");
                        target.write(core.getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(target);
                    }
                }
                target.closeEntry();
            }
        }
    }
}
