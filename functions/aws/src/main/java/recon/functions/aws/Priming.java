package recon.functions.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import recon.config.StoreConfigJson;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.Refund;
import recon.domain.StoreConfig;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;
import recon.ingest.RecordSink;
import recon.pipeline.DayResult;
import recon.pipeline.RecordCodec;
import recon.pipeline.StoreDays;
import recon.pipeline.StoreRef;
import recon.reconcile.ReconcileFiles;
import recon.report.Period;
import recon.report.ReportFiles;
import recon.report.ReportSource;

/**
 * Runs the functions' own code paths offline before the SnapStart snapshot — a tiny order export
 * through the ingest, the record codec, a day result and a queue message; the reconciliation and the
 * reports for the functions that do them — so that their classes are loaded and warm in the
 * snapshot. No network (the SDK clients are warmed by the SDK's own SdkWarmUp, in the handlers).
 */
public final class Priming {
    private static final String ORDERS = "订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间\r\n"
            + "3553498017448001,199.00,交易成功,2026-11-02 10:15:00,2026-11-02 10:16:00\r\n";

    private Priming() {}

    /** @return the outcome of the tiny export, so a test can see that the path really ran */
    public static FileOutcome exercise() {
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
                            public void ledgerCoverage(LocalDate firstDay, LocalDate lastDay) {}
                        };
                    }

                    @Override
                    public void finish(FileOutcome outcome) {
                        outcomes.add(outcome);
                    }
                });
        RecordCodec.decode(encoder.pack(), RecordSink.DISCARD);
        StoreRef store = new StoreRef("priming", "priming");
        LocalDate day = LocalDate.of(2026, 11, 2);
        DayResult result = new DayResult(store, List.of(), new DayFigures(day, 1, 0, 0, 0, 0, 0, 0, null, null, 0, 1, Map.of()), List.of());
        DayResult.fromJson(result.json()).hash();
        StoreDaysMessage.decode(StoreDaysMessage.encode(new StoreDays(store, new TreeSet<>(List.of(day)))));
        return outcomes.get(0);
    }

    /**
     * The match function's path as well: the store's config.json read, and the tiny export reconciled.
     *
     * @return the reconciled export, so a test can see that the path really ran
     */
    public static ReconcileFiles.Result exerciseReconcile() {
        StoreConfig config;
        try {
            config = StoreConfigJson.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read from memory: does not happen
        }
        var export = new ReconcileFiles.Input("priming.csv",
                () -> new ByteArrayInputStream(ORDERS.getBytes(StandardCharsets.UTF_8)));
        return ReconcileFiles.run(List.of(export), config, outcome -> {});
    }

    /**
     * The report function's path as well: the tiny export reconciled and its day's report folder
     * written, to nowhere.
     *
     * @return the names of the files written
     */
    public static List<String> exerciseReports() {
        ReconcileFiles.Result result = exerciseReconcile();
        ReportSource source = new ReportSource("priming", "priming", result.files(), result.records(),
                result.reconciliation(), StoreConfig.DEFAULT);
        List<String> written = new ArrayList<>();
        try {
            ReportFiles.writeFolder(source.report(Period.day(LocalDate.of(2026, 11, 2))), name -> {
                written.add(name);
                return OutputStream.nullOutputStream();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to nowhere: does not happen
        }
        return written;
    }
}
