package recon.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Alipay download bundle: a ZIP whose member names are Chinese in GBK without the UTF-8 flag (as
 * Windows tools write them), holding the detail CSV and the summary CSV (支付宝账务汇总查询).
 */
final class AlipayZipExport implements LedgerExport {
    private static final Charset GBK = Charset.forName("GBK");

    private final ZipOutputStream zip;
    private final Writer text;
    private final AlipayCsvExport detail;
    private final String memberStem;
    private final String account;
    private final String period;
    private final long exportedAt;

    AlipayZipExport(OutputStream out, String memberStem, String account, long firstSecond, long lastSecond,
            long exportedAt) throws IOException {
        this.zip = new ZipOutputStream(out, GBK);
        this.memberStem = memberStem;
        this.account = account;
        this.exportedAt = exportedAt;
        this.period = "#起始日期：[" + Text.chineseDateTime(firstSecond) + "]   终止日期：["
                + Text.chineseDateTime(lastSecond) + "]";
        zip.putNextEntry(entry(memberStem + "账务明细.csv"));
        this.text = new BufferedWriter(new OutputStreamWriter(zip, GBK), 1 << 16);
        this.detail = new AlipayCsvExport(text, AlipayCsvExport.Style.CLASSIC, account, firstSecond, lastSecond,
                exportedAt, 0);
    }

    @Override
    public void write(LedgerRow row) throws IOException {
        detail.write(row);
    }

    @Override
    public void finish() throws IOException {
        detail.writeTrailer();
        zip.closeEntry();
        zip.putNextEntry(entry(memberStem + "账务汇总.csv"));
        text.append("#支付宝账务汇总查询\r\n");
        text.append("#账号：[").append(account).append("]\r\n");
        text.append(period).append("\r\n");
        text.append("#-----------------------------------------账务汇总列表----------------------------------------\r\n");
        text.append("业务类型,收入笔数,收入金额（+元）,支出笔数,支出金额（-元）\r\n");
        StringBuilder row = new StringBuilder();
        for (Map.Entry<String, long[]> type : detail.totalsByBusinessType().entrySet()) {
            long[] t = type.getValue();
            row.setLength(0);
            Text.field(row, type.getKey());
            Text.field(row, Long.toString(t[0]));
            Text.field(row, Text.groupedYuan(t[1]));
            Text.field(row, Long.toString(t[2]));
            Text.field(row, Text.groupedYuan(t[3]));
            text.append(row).append("\r\n");
        }
        text.append("#-----------------------------------------账务汇总列表结束------------------------------------\r\n");
        text.append("#导出时间：[").append(Text.chineseDateTime(exportedAt)).append("]\r\n");
        text.flush();
        zip.closeEntry();
        zip.close();
    }

    /** A member with a fixed local time, so the bytes do not depend on the clock or the time zone. */
    private ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(LocalDateTime.ofEpochSecond(exportedAt, 0, java.time.ZoneOffset.ofHours(8)));
        return entry;
    }
}
