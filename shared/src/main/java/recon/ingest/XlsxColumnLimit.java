package recon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses a workbook whose cells name a column beyond Excel's last (XFD, the 16,384th) before the
 * XLSX reader sees it: the reader sizes each row by its highest column, so a 2 KB file with a cell
 * at {@code ZZZZZZ2} would make it allocate hundreds of millions of entries.
 */
final class XlsxColumnLimit {
    static final int LAST_EXCEL_COLUMN = 16_384;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XlsxColumnLimit() {}

    static void check(Path xlsx, String corruptMessage) {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        checkSheet(in);
                    }
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new Rejection(0, corruptMessage);
        }
    }

    private static void checkSheet(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                    String reference = xml.getAttributeValue(null, "r");
                    if (reference != null && column(reference) > LAST_EXCEL_COLUMN) {
                        throw new Rejection(0, "单元格 " + shortened(reference)
                                + " 超出 Excel 的最后一列 XFD，文件已损坏或被改动过");
                    }
                }
            }
        } finally {
            xml.close();
        }
    }

    /** The 1-based column of a reference like {@code AB12}; stops counting once past the limit. */
    static long column(String reference) {
        long column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > LAST_EXCEL_COLUMN) {
                return column;
            }
        }
        return column;
    }

    private static String shortened(String reference) {
        return reference.length() <= 12 ? reference : reference.substring(0, 12) + "…";
    }
}
