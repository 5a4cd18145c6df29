package recon.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.Resolution;

/** Everything {@link FileIngest} told its listener, for assertions. */
final class Collected implements IngestListener, RecordSink {
    record Coverage(LocalDate first, LocalDate last) {}

    final List<String> started = new ArrayList<>();
    final List<FileOutcome> outcomes = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<LedgerLine> lines = new ArrayList<>();
    final List<Refund> refunds = new ArrayList<>();
    final List<Invoice> invoices = new ArrayList<>();
    /** What the bills covered; {@link #reportSpans} holds what the order and refund reports did. */
    final List<Coverage> coverage = new ArrayList<>();
    final List<String> reportSpans = new ArrayList<>();
    final List<Resolution> resolutions = new ArrayList<>();

    static Collected ingest(String name, byte[] bytes) {
        Collected collected = new Collected();
        new FileIngest().read(name, () -> new ByteArrayInputStream(bytes), collected);
        return collected;
    }

    static Collected ingest(String name, String text, Charset charset) {
        return ingest(name, text.getBytes(charset));
    }

    /** The only outcome, for tests of a single file. */
    FileOutcome outcome() {
        if (outcomes.size() != 1) {
            throw new AssertionError("expected one outcome, got " + outcomes);
        }
        return outcomes.get(0);
    }

    @Override
    public RecordSink start(String fileName) {
        started.add(fileName);
        return this;
    }

    @Override
    public void finish(FileOutcome outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void order(Order order) {
        orders.add(order);
    }

    @Override
    public void ledgerLine(LedgerLine line) {
        lines.add(line);
    }

    @Override
    public void refund(Refund refund) {
        refunds.add(refund);
    }

    @Override
    public void invoice(Invoice invoice) {
        invoices.add(invoice);
    }

    @Override
    public void resolution(Resolution resolution) {
        resolutions.add(resolution);
    }

    @Override
    public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
        if (kind == FileKind.ALIPAY_LEDGER || kind == FileKind.TAOTIAN_WECHAT) {
            coverage.add(new Coverage(firstDay, lastDay));
        } else {
            reportSpans.add(kind + " " + firstDay + ".." + lastDay);
        }
    }
}
