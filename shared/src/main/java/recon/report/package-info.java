/**
 * The report files of a day or a month: {@code summary.json}, the CSV, the workbook and the HTML page,
 * written from a reconciliation ({@link recon.report.ReportFiles}). Depends on the domain and the rules.
 */
package recon.report;
