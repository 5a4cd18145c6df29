package recon.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds XLSX and ZIP files in memory. */
final class Fixtures {
    private Fixtures() {}

    static byte[] xlsx(Consumer<Worksheet> sheet) {
        return xlsx(List.of("Sheet1"), List.of(sheet));
    }

    /** A workbook of these sheets, in this order. */
    static byte[] xlsx(List<String> names, List<Consumer<Worksheet>> sheets) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "recon-test", "1.0");
            for (int i = 0; i < names.size(); i++) {
                sheets.get(i).accept(workbook.newWorksheet(names.get(i)));
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP whose names are written in {@code charset} (GBK: without the UTF-8 flag). */
    static byte[] zip(Charset charset, Object... namesAndContents) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out, charset)) {
                for (int i = 0; i < namesAndContents.length; i += 2) {
                    zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                    zip.write((byte[]) namesAndContents[i + 1]);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
