package recon.report;

/**
 * Text written into a CSV or XLSX cell. Text that starts with {@code = + - @}, a tab or a carriage
 * return is taken by Excel (and by LibreOffice, WPS) as a formula when the file is opened or the cell
 * edited; a leading apostrophe keeps it plain text. Only text goes through here: amounts are written
 * as numbers, and ids are digits.
 */
final class CellText {
    private CellText() {}

    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
