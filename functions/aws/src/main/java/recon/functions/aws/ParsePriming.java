package recon.functions.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.Resolution;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;
import recon.port.StoreDays;
import recon.port.StoreRef;
import recon.storage.RecordCodec;

/**
 * The parse function's path, run offline before the SnapStart snapshot so that its classes are loaded
 * and warm in it: a tiny order export read, its records packed for the record store, and the match
 * request it sends. No network (the SDK's side is {@link SdkPriming}, in the handler).
 * Each function primes in a class of its own: a function's jar holds only the classes its handler reaches.
 */
public final class ParsePriming {
    private static final String ORDERS = "订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间\r\n"
            + "3553498017448001,199.00,交易成功,2026-11-02 10:15:00,2026-11-02 10:16:00\r\n";

    private ParsePriming() {}

    /** @return the outcome of the tiny export, so a test can see that the path really ran */
    public static FileOutcome run() {
        RecordCodec.Encoder encoder = new RecordCodec.Encoder();
        List<FileOutcome> outcomes = new ArrayList<>();
        new FileIngest().read("priming.csv", () -> new ByteArrayInputStream(ORDERS.getBytes(StandardCharsets.UTF_8)),
                new IngestListener() {
                    @Override
                    public RecordSink start(String fileName) {
                        return new RecordSink() {
                            @Override
                            public void order(Order order) {
                                encoder.order(order);
                            }

                            @Override
                            public void ledgerLine(LedgerLine line) {
                                encoder.ledgerLine(line);
                            }

                            @Override
                            public void refund(Refund refund) {
                                encoder.refund(refund);
                            }

                            @Override
                            public void invoice(Invoice invoice) {
                                encoder.invoice(invoice);
                            }

                            @Override
                            public void resolution(Resolution resolution) {}

                            @Override
                            public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {}
                        };
                    }

                    @Override
                    public void finish(FileOutcome outcome) {
                        outcomes.add(outcome);
                    }
                });
        RecordCodec.decode(encoder.pack(), RecordSink.DISCARD);
        StoreDays request = new StoreDays(new StoreRef("priming", "priming"), new TreeSet<>(List.of(LocalDate.of(2026, 11, 2))));
        StoreDaysMessage.decode(StoreDaysMessage.encode(request));
        return outcomes.get(0);
    }
}
