package recon.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An XLSX package opened for reading ({@link XlsxXml}): its sheets in the workbook's order, its date
 * system, which cell styles show a date, and its shared strings, read the first time a cell needs one. A
 * package that lacks a part it names, or whose parts are not well-formed, is refused as damaged; the
 * optional parts (styles, shared strings) may be missing.
 */
final class XlsxPackage implements Closeable {
    /** A sheet: its name and the part that holds it. */
    record Sheet(String name, String part) {}

    /** The number formats Excel has built in that show a date or time (in every locale, and in Chinese ones). */
    private static final int[][] BUILT_IN_DATE_FORMATS = {{14, 22}, {27, 36}, {45, 47}, {50, 58}};
    private static final String RELATIONSHIPS = "/relationships/";

    private final ZipFile zip;
    private final List<Sheet> sheets = new ArrayList<>();
    private boolean date1904;
    /** By cell style (the {@code s} of a cell): whether its number format shows a date. */
    private boolean[] dateStyles = new boolean[0];
    private String sharedStringsPart;
    private String[] sharedStrings;

    private XlsxPackage(ZipFile zip) {
        this.zip = zip;
    }

    /** @throws Rejection when the file is not a readable XLSX package */
    static XlsxPackage open(Path file) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            // the copy was written whole: what cannot be read in it is the file's
            throw new Rejection(0, FileIngest.CORRUPT_XLSX);
        }
        XlsxPackage workbook = new XlsxPackage(zip);
        try {
            workbook.readWorkbook();
            return workbook;
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    List<Sheet> sheets() {
        return Collections.unmodifiableList(sheets);
    }

    Optional<Sheet> sheet(String name) {
        return sheets.stream().filter(sheet -> sheet.name().equals(name)).findFirst();
    }

    /** The rows of a sheet, streamed; they are closed with the package. */
    XlsxTable table(Sheet sheet) {
        return new XlsxTable(new XlsxXml(part(sheet.part())), this);
    }

    boolean date1904() {
        return date1904;
    }

    /** The cell style of that index shows a date. */
    boolean isDateStyle(int style) {
        return style < dateStyles.length && dateStyles[style];
    }

    /** The shared string of that index. */
    String sharedString(String index) {
        if (sharedStrings == null) {
            sharedStrings = readSharedStrings();
        }
        try {
            return sharedStrings[Integer.parseInt(index.strip())];
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new Rejection(0, FileIngest.CORRUPT_XLSX);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // a file only read: nothing is lost
        }
    }

    private void readWorkbook() {
        String workbookPart = target(relationships("_rels/.rels"), "/officeDocument", "").orElse("xl/workbook.xml");
        String folder = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
        Map<String, String[]> related = relationships(folder + "_rels/" + workbookPart.substring(folder.length()) + ".rels");
        List<String[]> named = new ArrayList<>();
        boolean seenProperties = false; // the first workbookPr counts
        XlsxXml xml = new XlsxXml(part(workbookPart));
        for (int event = xml.next(); event != XlsxXml.EOF; event = xml.next()) {
            if (event != XlsxXml.START) {
                continue;
            }
            if (xml.is("workbookPr") && !seenProperties) {
                String value = xml.attribute("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
                seenProperties = true;
            } else if (xml.is("sheet")) {
                named.add(new String[] {xml.attribute("name"), xml.attribute("id")});
            }
        }
        for (String[] sheet : named) {
            String[] relation = sheet[1] == null ? null : related.get(sheet[1]);
            if (sheet[0] == null || relation == null || relation[1] == null) {
                throw new Rejection(0, FileIngest.CORRUPT_XLSX);
            }
            sheets.add(new Sheet(sheet[0], resolve(folder, relation[1])));
        }
        Optional<String> styles = target(related, "/styles", folder);
        if (styles.isPresent()) {
            readStyles(styles.get());
        }
        sharedStringsPart = target(related, "/sharedStrings", folder).orElse(null);
    }

    /** A package's relationships by id: type and target; none when the part is missing. */
    private Map<String, String[]> relationships(String name) {
        Map<String, String[]> byId = new HashMap<>();
        if (entry(name) == null) {
            return byId;
        }
        XlsxXml xml = new XlsxXml(part(name));
        for (int event = xml.next(); event != XlsxXml.EOF; event = xml.next()) {
            if (event == XlsxXml.START && xml.is("Relationship") && !"External".equals(xml.attribute("TargetMode"))) {
                byId.put(xml.attribute("Id"), new String[] {xml.attribute("Type"), xml.attribute("Target")});
            }
        }
        return byId;
    }

    /** The part of the first relationship of that type ({@code …/relationships/styles}). */
    private static Optional<String> target(Map<String, String[]> related, String type, String folder) {
        return related.values().stream()
                .filter(r -> r[0] != null && r[1] != null && r[0].endsWith(type) && r[0].contains(RELATIONSHIPS))
                .findFirst().map(r -> resolve(folder, r[1]));
    }

    /** A relationship's target as a part name: from the package's root when it starts with a slash. */
    private static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.removeLast();
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    /** Which cell styles show a date: the number format of each {@code xf} of {@code cellXfs}. */
    private void readStyles(String name) {
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> styleFormats = new ArrayList<>();
        XlsxXml xml = new XlsxXml(part(name));
        boolean inCellFormats = false;
        for (int event = xml.next(); event != XlsxXml.EOF; event = xml.next()) {
            if (xml.is("cellXfs")) {
                inCellFormats = event == XlsxXml.START && !xml.isEmpty();
            } else if (event == XlsxXml.START && xml.is("numFmt")) {
                formats.put(number(xml.attribute("numFmtId")), xml.attribute("formatCode"));
            } else if (event == XlsxXml.START && inCellFormats && xml.is("xf")) {
                String id = xml.attribute("numFmtId");
                styleFormats.add(id == null ? 0 : number(id));
            }
        }
        dateStyles = new boolean[styleFormats.size()];
        for (int i = 0; i < dateStyles.length; i++) {
            int id = styleFormats.get(i);
            dateStyles[i] = formats.containsKey(id) ? XlsxTable.isDateFormat(formats.get(id)) : isBuiltInDate(id);
        }
    }

    private static boolean isBuiltInDate(int id) {
        return Arrays.stream(BUILT_IN_DATE_FORMATS).anyMatch(range -> id >= range[0] && id <= range[1]);
    }

    private String[] readSharedStrings() {
        if (sharedStringsPart == null) {
            throw new Rejection(0, FileIngest.CORRUPT_XLSX); // a cell names a shared string the package lacks
        }
        List<String> strings = new ArrayList<>();
        XlsxXml xml = new XlsxXml(part(sharedStringsPart));
        StringBuilder text = new StringBuilder();
        boolean phonetic = false;
        for (int event = xml.next(); event != XlsxXml.EOF; event = xml.next()) {
            if (xml.is("rPh")) {
                phonetic = event == XlsxXml.START && !xml.isEmpty();
            } else if (event == XlsxXml.START && xml.is("si")) {
                text.setLength(0);
                if (xml.isEmpty()) {
                    strings.add("");
                }
            } else if (event == XlsxXml.END && xml.is("si")) {
                strings.add(unescaped(text.toString()));
            } else if (event == XlsxXml.START && xml.is("t") && !phonetic) {
                text.append(xml.text());
            }
        }
        return strings.toArray(String[]::new);
    }

    /** Excel's escapes of characters XML cannot hold: {@code _x000D_} is a carriage return, {@code _x005F_} an underscore. */
    static String unescaped(String text) {
        int at = text.indexOf("_x");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (; at >= 0; at = text.indexOf("_x", from)) {
            if (at + 7 <= text.length() && text.charAt(at + 6) == '_' && isHex(text, at + 2, at + 6)) {
                out.append(text, from, at).append((char) Integer.parseInt(text.substring(at + 2, at + 6), 16));
                from = at + 7;
            } else {
                out.append(text, from, at + 2);
                from = at + 2;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Rejection(0, FileIngest.CORRUPT_XLSX);
        }
    }

    private InputStream part(String name) {
        ZipEntry entry = entry(name);
        if (entry == null) {
            throw new Rejection(0, FileIngest.CORRUPT_XLSX);
        }
        try {
            return zip.getInputStream(entry);
        } catch (IOException e) {
            throw new Rejection(0, FileIngest.CORRUPT_XLSX);
        }
    }

    /** A part by name; part names are not case-sensitive. */
    private ZipEntry entry(String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry != null) {
            return entry;
        }
        return zip.stream().filter(e -> e.getName().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
