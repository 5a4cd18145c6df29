/**
 * The model: orders, refunds, Alipay ledger lines, anomalies, day figures, money in fen and times in
 * Asia/Shanghai, the store contract, and {@link recon.domain.RecordSink}, where a reader puts the
 * records it reads. Plain Java: no format, no I/O, no other package of the project. Everything else
 * depends on it.
 */
package recon.domain;
