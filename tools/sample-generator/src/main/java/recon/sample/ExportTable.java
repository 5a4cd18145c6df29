package recon.sample;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Where a report's rows go: a GBK CSV file as the back office exports it, or an XLSX workbook as a seller's
 * tool saves the same table (amounts as numbers, times as date cells, ids and the rest as text).
 */
abstract class ExportTable implements Closeable {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+\\.\\d\\d");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    private static final DateTimeFormatter TIME_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int FLUSH_EVERY = 5_000;

    abstract void row(List<String> fields) throws IOException;

    static ExportTable gbkCsv(Path file) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), GBK), 1 << 16);
        return new ExportTable() {
            private final StringBuilder line = new StringBuilder(512);

            @Override
            void row(List<String> fields) throws IOException {
                line.setLength(0);
                for (String field : fields) {
                    Text.field(line, field);
                }
                out.append(line).append("\r\n");
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    static ExportTable xlsx(Path file, String sheetName) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        Workbook workbook = new Workbook(out, "recon-sample", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        return new ExportTable() {
            private int row;
            /** The rows not yet flushed start here; the number format each column's typed cells need. */
            private int firstPending = 1;
            private final List<String> formats = new ArrayList<>();

            @Override
            void row(List<String> fields) throws IOException {
                for (int c = 0; c < fields.size(); c++) {
                    String field = fields.get(c);
                    if (row > 0 && AMOUNT.matcher(field).matches()) {
                        sheet.value(row, c, new BigDecimal(field));
                        format(c, "0.00");
                    } else if (row > 0 && TIME.matcher(field).matches()) {
                        sheet.value(row, c, LocalDateTime.parse(field, TIME_TEXT));
                        format(c, "yyyy-mm-dd hh:mm:ss");
                    } else if (!field.isEmpty()) {
                        // the CSV's ="…" guard against Excel is no part of the id
                        boolean guarded = field.startsWith("=\"") && field.endsWith("\"");
                        sheet.inlineString(row, c, guarded ? field.substring(2, field.length() - 1) : field);
                    }
                }
                row++;
                if (row - firstPending == FLUSH_EVERY) {
                    flush();
                }
            }

            private void format(int column, String format) {
                while (formats.size() <= column) {
                    formats.add(null);
                }
                formats.set(column, format);
            }

            /** One style per typed column and block of rows: FastExcel resolves a style per call. */
            private void flush() throws IOException {
                for (int c = 0; c < formats.size(); c++) {
                    if (formats.get(c) != null && row > firstPending) {
                        sheet.range(firstPending, c, row - 1, c).style().format(formats.get(c)).set();
                    }
                }
                sheet.flush();
                firstPending = row;
            }

            @Override
            public void close() throws IOException {
                flush();
                sheet.finish();
                workbook.finish();
                out.close();
            }
        };
    }
}
