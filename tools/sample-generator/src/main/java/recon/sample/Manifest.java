package recon.sample;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import recon.domain.AnomalyType;

/**
 * What the generator wrote: every store with its files and the anomalies planted in them. Saved as
 * {@code manifest.json} next to the stores' folders, with folders relative to it so the same seed
 * gives the same bytes wherever the samples are written.
 */
public record Manifest(List<StoreSample> stores) {
    public static final String FILE_NAME = "manifest.json";
    private static final JSON PRETTY_JSON = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    public Manifest {
        stores = List.copyOf(stores);
    }

    /** Writes the manifest as {@code root/manifest.json}; store folders are written relative to root. */
    public void write(Path root) throws IOException {
        List<Map<String, Object>> storeObjects = new ArrayList<>();
        for (StoreSample store : stores) {
            List<Map<String, Object>> anomalies = new ArrayList<>();
            for (PlantedAnomaly anomaly : store.anomalies()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("type", anomaly.type().name());
                a.put("day", anomaly.day().toString());
                if (anomaly.orderId() != null) {
                    a.put("orderId", anomaly.orderId());
                }
                if (anomaly.lineId() != null) {
                    a.put("lineId", anomaly.lineId());
                }
                anomalies.add(a);
            }
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("tenant", store.tenant());
            object.put("store", store.store());
            object.put("dir", root.relativize(store.dir()).toString().replace('\\', '/'));
            object.put("files", store.files());
            object.put("rejectedFiles", store.rejectedFiles());
            object.put("cleanOrders", store.cleanOrders());
            object.put("anomalies", anomalies);
            storeObjects.add(object);
        }
        Files.writeString(root.resolve(FILE_NAME), PRETTY_JSON.asString(Map.of("stores", storeObjects)) + "\n");
    }

    /** Reads a {@code manifest.json}; store folders are resolved against the file's folder. */
    public static Manifest read(Path manifestFile) throws IOException {
        Path root = manifestFile.toAbsolutePath().getParent();
        Map<String, Object> top = JSON.std.mapFrom(manifestFile.toFile());
        List<StoreSample> stores = new ArrayList<>();
        for (Object storeObject : (List<?>) top.get("stores")) {
            Map<?, ?> store = (Map<?, ?>) storeObject;
            List<PlantedAnomaly> anomalies = new ArrayList<>();
            for (Object anomalyObject : (List<?>) store.get("anomalies")) {
                Map<?, ?> a = (Map<?, ?>) anomalyObject;
                anomalies.add(new PlantedAnomaly(
                        AnomalyType.valueOf((String) a.get("type")),
                        LocalDate.parse((String) a.get("day")),
                        (String) a.get("orderId"),
                        (String) a.get("lineId")));
            }
            stores.add(new StoreSample(
                    (String) store.get("tenant"),
                    (String) store.get("store"),
                    root.resolve((String) store.get("dir")),
                    texts(store.get("files")),
                    texts(store.get("rejectedFiles")),
                    anomalies,
                    ((Number) store.get("cleanOrders")).intValue()));
        }
        return new Manifest(stores);
    }

    private static List<String> texts(Object array) {
        List<String> texts = new ArrayList<>();
        ((List<?>) array).forEach(text -> texts.add((String) text));
        return texts;
    }
}
