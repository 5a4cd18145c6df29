package recon.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a file's name says before a byte is read: operating-system clutter to ignore without a word
 * (a Mac's {@code __MACOSX/} and {@code ._*}, {@code .DS_Store}, Windows' {@code Thumbs.db} and
 * {@code desktop.ini}), a document that is no export to skip with the reason, a format an export was
 * wrongly saved in to refuse with what to do instead; anything else is read, and its bytes tell its
 * format (an {@code .xls} that is really CSV or HTML is read as what it is). The platforms export CSV,
 * XLSX and ZIP, never .txt: a .txt beside them is a note (说明.txt), skipped.
 */
public final class FileNames {
    public enum Verdict { READ, IGNORE, SKIP, REFUSE }

    /** What to do instead, for formats an export is saved in by mistake. */
    private static final Map<String, String> REFUSED = Map.of(
            "numbers", "Apple Numbers 文件无法读取，请在 Numbers 中导出为 CSV 或 Excel（.xlsx）后上传",
            "pdf", "PDF 文件无法对账，请下载 CSV 或 Excel 格式的明细后上传",
            "et", "WPS 表格文件无法读取，请另存为 .xlsx 或 .csv 后上传",
            "ods", "OpenDocument 表格无法读取，请另存为 .xlsx 或 .csv 后上传",
            "rar", "RAR 压缩包无法读取，请解压后上传，或改用 ZIP 压缩",
            "7z", "7z 压缩包无法读取，请解压后上传，或改用 ZIP 压缩");
    /** Documents, pictures and data files that sit beside exports and are none. */
    private static final Set<String> NOT_EXPORTS = Set.of("txt", "json", "md", "doc", "docx", "ppt",
            "pptx", "png", "jpg", "jpeg", "gif", "bmp", "heic", "webp", "log", "html", "htm", "xml", "lnk");

    private FileNames() {}

    /** @param path a file name or a ZIP member's path ({@code bundle/说明.txt}) */
    public static Verdict of(String path) {
        String name = lastSegment(path);
        if (path.startsWith("__MACOSX/") || path.contains("/__MACOSX/") || name.startsWith("._")
                || name.equals(".DS_Store") || name.equalsIgnoreCase("Thumbs.db") || name.equalsIgnoreCase("desktop.ini")) {
            return Verdict.IGNORE;
        }
        String extension = extension(name);
        if (REFUSED.containsKey(extension)) {
            return Verdict.REFUSE;
        }
        return NOT_EXPORTS.contains(extension) ? Verdict.SKIP : Verdict.READ;
    }

    /** Why a file of this name is refused (for {@link Verdict#REFUSE}). */
    static String refusal(String path) {
        return REFUSED.get(extension(lastSegment(path)));
    }

    /** Why a file of this name is skipped (for {@link Verdict#SKIP}). */
    static String skipReason(String path) {
        return "不是导出文件（." + extension(lastSegment(path)) + "），未读取";
    }

    private static String lastSegment(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
