package recon.functions.aws;

import static recon.functions.aws.DynamoTable.n;
import static recon.functions.aws.DynamoTable.s;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import recon.port.DayResult;
import recon.port.ResultStore;
import recon.port.StoreRef;
import recon.storage.DayResultJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Day result items ({@link TableKeys#day} partition). The result's text ({@link DayResult#json()}) is stored
 * gzipped and cut into parts of at most {@link #PART_BYTES}, so that a day of any size fits
 * DynamoDB's 400 KB item limit:
 * <ul>
 * <li>sk "RESULT", the head: hash (of the text), parts (their number), data (the first part), updatedAt;</li>
 * <li>sk "RESULT#{hash}#{n:05d}", n = 1 … parts − 1: data, the n-th part.</li>
 * </ul>
 * A save writes its parts first and its head last: the head's put is the moment the new result
 * shows, and it names only parts already there. Parts are keyed by the hash of the text they
 * hold, so they never hold another version's bytes, and saving the same text again rewrites the
 * same items. The parts of the head a save replaced are deleted then; if the save dies before,
 * they are named by no head, never read, and expire. This takes the saves of one store-day one at
 * a time, as the match stage runs a store (two at once flipping A, B, A could delete the parts of
 * the A the last head names). A reader that finds a part of its head gone (replaced meanwhile)
 * reads the head again; a result it still cannot read whole counts as none, so that the next match
 * writes it again, and is never returned in part.
 */
final class DynamoResultStore implements ResultStore {
    private static final System.Logger LOG = System.getLogger(DynamoResultStore.class.getName());
    /** The most bytes of gzipped text in one item: well under 400 KB with the key and the other attributes. */
    static final int PART_BYTES = 300 * 1024;
    /** Reads of one result, each finding a part of its head gone, before it counts as none. */
    static final int MAX_READS = 5;

    private final DynamoTable table;

    DynamoResultStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<DayResult> result(StoreRef store, LocalDate day) {
        String pk = TableKeys.day(store, day);
        for (int read = 1; read <= MAX_READS; read++) {
            Optional<Map<String, AttributeValue>> head = table.get(pk, TableKeys.RESULT);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            if (head.get().containsKey("json")) {
                // written before results were gzipped: the text itself, in the head alone
                return Optional.of(DayResultJson.fromJson(head.get().get("json").s()));
            }
            Optional<byte[]> data = data(pk, head.get());
            if (data.isPresent()) {
                DayResult result = DayResultJson.fromJson(gunzip(data.get()));
                if (DayResultJson.hash(result).equals(head.get().get("hash").s())) {
                    return Optional.of(result);
                }
                LOG.log(System.Logger.Level.WARNING, "the stored result of {0} {1} does not match its hash: taken as none",
                        store, day);
                return Optional.empty();
            }
        }
        LOG.log(System.Logger.Level.WARNING, "the stored result of {0} {1} lacked a part in {2} reads: taken as none",
                store, day, MAX_READS);
        return Optional.empty();
    }

    /** The head's gzipped text joined from its parts; empty when a part is gone. */
    private Optional<byte[]> data(String pk, Map<String, AttributeValue> head) {
        int parts = Integer.parseInt(head.get("parts").n());
        String hash = head.get("hash").s();
        List<byte[]> data = new ArrayList<>(parts);
        data.add(head.get("data").b().asByteArray());
        for (int part = 1; part < parts; part++) {
            Optional<Map<String, AttributeValue>> item = table.get(pk, TableKeys.resultPart(hash, part));
            if (item.isEmpty()) {
                return Optional.empty();
            }
            data.add(item.get().get("data").b().asByteArray());
        }
        return Optional.of(join(data));
    }

    @Override
    public Map<String, LocalDate> anomalyDays(StoreRef store, Collection<String> ids) {
        Map<String, LocalDate> days = new HashMap<>();
        table.getAll(TableKeys.store(store), ids.stream().distinct().map(TableKeys::anomaly).toList(), item ->
                days.put(item.get("sk").s().substring(TableKeys.ANOMALY.length()), LocalDate.parse(item.get("day").s())));
        return days;
    }

    /**
     * Writes the result (below) after its anomalies' ids: one small item each, put again unchanged when
     * the day changes, so that an id any result held stays known.
     */
    @Override
    public void save(DayResult result) {
        table.putAll(result.anomalies().stream()
                .map(a -> table.item(TableKeys.store(result.store()),
                        TableKeys.anomaly(Objects.requireNonNull(a.id(), "a saved anomaly has its id")),
                        Map.of("day", s(a.day().toString()))))
                .toList());
        String pk = TableKeys.day(result.store(), result.day());
        String hash = DayResultJson.hash(result);
        List<byte[]> parts = split(gzip(DayResultJson.json(result)), PART_BYTES);
        List<Map<String, AttributeValue>> rest = new ArrayList<>();
        for (int part = 1; part < parts.size(); part++) {
            rest.add(table.item(pk, TableKeys.resultPart(hash, part), Map.of("data", binary(parts.get(part)))));
        }
        table.putAll(rest);
        Optional<Map<String, AttributeValue>> replaced = table.replace(table.item(pk, TableKeys.RESULT, Map.of(
                "hash", s(hash),
                "parts", n(parts.size()),
                "data", binary(parts.getFirst()),
                "updatedAt", s(table.clock().instant().toString()))));
        // the same text saved again names the same parts: they stay
        replaced.filter(old -> old.containsKey("parts") && !old.get("hash").s().equals(hash)).ifPresent(old -> {
            for (int part = 1; part < Integer.parseInt(old.get("parts").n()); part++) {
                table.delete(pk, TableKeys.resultPart(old.get("hash").s(), part));
            }
        });
    }

    private static AttributeValue binary(byte[] bytes) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    }

    /** The bytes cut into pieces of at most {@code size} bytes, in order; at least one. */
    static List<byte[]> split(byte[] bytes, int size) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        do {
            parts.add(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
            from += size;
        } while (from < bytes.length);
        return parts;
    }

    static byte[] join(List<byte[]> parts) {
        var out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] gzip(String text) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] data) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a stored result is not readable gzip", e);
        }
    }
}
