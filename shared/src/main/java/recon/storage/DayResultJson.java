package recon.storage;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Money;
import recon.domain.Resolution;
import recon.domain.Severity;
import recon.domain.Times;
import recon.domain.Waiting;
import recon.port.DayResult;
import recon.port.StoreRef;
import recon.report.SummaryJson;

/**
 * A store-day's result as it is stored: the day's summary.json (the same writer as the reports, so the
 * same field names), and a hash of that text, so that an unchanged result is never written again — and
 * a new file, even one that changes no figure, changes the day's summary.json and so its hash.
 */
public final class DayResultJson {
    private DayResultJson() {}

    public static String json(DayResult result) {
        var out = new ByteArrayOutputStream();
        try {
            SummaryJson.write(out, result.store().tenant(), result.store().store(), result.files(),
                    List.of(result.figures()), result.anomalies());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** SHA-256 of {@link #json}, in hex: equal hashes, equal results. */
    public static String hash(DayResult result) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(result).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Reads back what {@link #json} wrote. */
    public static DayResult fromJson(String text) {
        try {
            Map<String, Object> root = JSON.std.mapFrom(text);
            StoreRef store = new StoreRef(text(root, "tenant"), text(root, "store"));
            List<Anomaly> anomalies = new ArrayList<>();
            for (Map<?, ?> a : objects(root, "anomalies")) {
                anomalies.add(anomaly(a));
            }
            List<FileOutcome> files = new ArrayList<>();
            for (Map<?, ?> f : objects(root, "files")) {
                boolean accepted = !text(f, "status").equals("REJECTED");
                files.add(new FileOutcome(text(f, "name"), FileKind.valueOf(text(f, "kind")), accepted,
                        number(f, "rows"), 0, text(f, "error")));
            }
            return new DayResult(store, files, figures(objects(root, "days").get(0)), anomalies);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored day result", e);
        }
    }

    private static Anomaly anomaly(Map<?, ?> a) {
        Map<?, ?> waiting = (Map<?, ?>) a.get("waitingFor");
        Map<?, ?> word = (Map<?, ?>) a.get("resolution");
        String id = text(a, "id");
        // results saved before statuses existed hold OPEN anomalies without an id
        String status = text(a, "status");
        return new Anomaly(
                AnomalyType.valueOf(text(a, "type")),
                Severity.valueOf(text(a, "severity")),
                LocalDate.parse(text(a, "day")),
                text(a, "orderId"),
                text(a, "lineId"),
                text(a, "refundId"),
                text(a, "invoiceId"),
                Money.parseYuan(text(a, "expected")),
                Money.parseYuan(text(a, "actual")),
                text(a, "message"),
                waiting == null ? null : new Waiting(FileKind.valueOf(text(waiting, "kind")),
                        LocalDate.parse(text(waiting, "from")), LocalDate.parse(text(waiting, "to"))),
                id,
                status == null ? AnomalyStatus.OPEN : AnomalyStatus.valueOf(status),
                word == null ? null : new Resolution(id, Resolution.Action.valueOf(text(word, "status")), text(word, "note"),
                        text(word, "by"), word.containsKey("at") ? OffsetDateTime.parse(text(word, "at")).toEpochSecond() : Times.NONE,
                        "", text(word, "source"), "", 0));
    }

    private static DayFigures figures(Map<?, ?> d) {
        Map<AnomalyType, Integer> counts = new EnumMap<>(AnomalyType.class);
        ((Map<?, ?>) d.get("anomalies")).forEach((type, count) ->
                counts.put(AnomalyType.valueOf((String) type), ((Number) count).intValue()));
        return new DayFigures(
                LocalDate.parse(text(d, "day")),
                number(d, "ordersPaid"),
                number(d, "settledCount"),
                amount(d, "settledAmount"),
                settledByChannel(d),
                amount(d, "refundAmount"),
                amount(d, "commissionAmount"),
                amount(d, "otherFeeAmount"),
                amount(d, "transferAmount"),
                optionalAmount(d, "openingBalance"),
                optionalAmount(d, "closingBalance"),
                number(d, "matchedOrders"),
                number(d, "openItems"),
                // results saved before invoices were read hold none
                d.containsKey("invoicedAmount") ? amount(d, "invoicedAmount") : 0,
                d.containsKey("invoiceCount") ? number(d, "invoiceCount") : 0,
                d.containsKey("uninvoicedAmount") ? amount(d, "uninvoicedAmount") : 0,
                counts);
    }

    /** Results saved before the WeChat channel existed: every settlement of theirs came in through Alipay. */
    private static Map<Channel, Long> settledByChannel(Map<?, ?> d) {
        Map<Channel, Long> settled = new EnumMap<>(Channel.class);
        if (!d.containsKey("settledByChannel")) {
            settled.put(Channel.ALIPAY, amount(d, "settledAmount"));
            return settled;
        }
        ((Map<?, ?>) d.get("settledByChannel")).forEach((channel, yuan) ->
                settled.put(Channel.valueOf((String) channel), Money.parseYuan((String) yuan)));
        return settled;
    }

    /** The text of a field, null where the field is absent or null. */
    private static String text(Map<?, ?> object, String field) {
        return (String) object.get(field);
    }

    private static long number(Map<?, ?> object, String field) {
        return ((Number) object.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> objects(Map<?, ?> object, String field) {
        return (List<Map<?, ?>>) object.get(field);
    }

    private static long amount(Map<?, ?> object, String field) {
        return Money.parseYuan(text(object, field));
    }

    private static Long optionalAmount(Map<?, ?> object, String field) {
        String amount = text(object, field);
        return amount == null ? null : Money.parseYuan(amount);
    }
}
