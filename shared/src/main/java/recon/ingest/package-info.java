/**
 * Export files into records: detects each file's kind from its headers, decodes GBK / GB18030 / UTF-8,
 * reads CSV, XLSX and ZIP bundles with bounded memory, and rejects a whole file with the line and a
 * reason an accountant understands. {@link recon.ingest.FileIngest} is the entry point. Depends on the
 * domain only.
 */
package recon.ingest;
