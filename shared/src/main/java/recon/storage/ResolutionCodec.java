package recon.storage;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import recon.domain.Resolution;

/**
 * How one resolutions file's rows are stored: a JSON array of their fields, gzipped. A file holds far
 * fewer rows than an export, and a person's words compress well, so no packing by day is needed.
 */
public final class ResolutionCodec {
    private ResolutionCodec() {}

    public static byte[] encode(List<Resolution> resolutions) {
        List<Map<String, Object>> rows = new ArrayList<>(resolutions.size());
        for (Resolution r : resolutions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.anomalyId());
            row.put("action", r.action().name());
            row.put("note", r.note());
            row.put("by", r.by());
            row.put("at", r.at());
            row.put("store", r.store());
            row.put("source", r.source());
            row.put("hash", r.sourceHash());
            row.put("line", r.line());
            rows.add(row);
        }
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(JSON.std.asBytes(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    public static List<Resolution> decode(byte[] data) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            List<Resolution> resolutions = new ArrayList<>();
            for (Object item : JSON.std.listFrom(in)) {
                Map<?, ?> row = (Map<?, ?>) item;
                resolutions.add(new Resolution((String) row.get("id"), Resolution.Action.valueOf((String) row.get("action")),
                        (String) row.get("note"), (String) row.get("by"), ((Number) row.get("at")).longValue(),
                        (String) row.get("store"), (String) row.get("source"), (String) row.get("hash"),
                        ((Number) row.get("line")).intValue()));
            }
            return resolutions;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not stored resolutions", e);
        }
    }
}
