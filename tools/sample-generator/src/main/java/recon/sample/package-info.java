/**
 * The sample generator (a tool, not the product): realistic exports of several stores — order and
 * refund reports, Alipay ledgers as CSV, XLSX and ZIP, GBK and UTF-8 — with anomalies planted on purpose
 * and listed in {@code manifest.json}, and files that must be rejected. {@code ./recon generate}, the demo,
 * the benchmarks and the tests use it; the product's main code never does. Depends on the domain only.
 */
package recon.sample;
