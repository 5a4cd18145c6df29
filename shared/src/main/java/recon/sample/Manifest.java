package recon.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import recon.domain.AnomalyType;

/**
 * What the generator wrote: every store with its files and the anomalies planted in them. Saved as
 * {@code manifest.json} next to the stores' folders, with folders relative to it so the same seed
 * gives the same bytes wherever the samples are written.
 */
public record Manifest(List<StoreSample> stores) {
    public static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        stores = List.copyOf(stores);
    }

    /** Writes the manifest as {@code root/manifest.json}; store folders are written relative to root. */
    public void write(Path root) throws IOException {
        ObjectNode top = JSON.createObjectNode();
        ArrayNode storeNodes = top.putArray("stores");
        for (StoreSample store : stores) {
            ObjectNode node = storeNodes.addObject();
            node.put("tenant", store.tenant());
            node.put("store", store.store());
            node.put("dir", root.relativize(store.dir()).toString().replace('\\', '/'));
            store.files().forEach(node.putArray("files")::add);
            store.rejectedFiles().forEach(node.putArray("rejectedFiles")::add);
            node.put("cleanOrders", store.cleanOrders());
            ArrayNode anomalies = node.putArray("anomalies");
            for (PlantedAnomaly anomaly : store.anomalies()) {
                ObjectNode a = anomalies.addObject();
                a.put("type", anomaly.type().name());
                a.put("day", anomaly.day().toString());
                if (anomaly.orderId() != null) {
                    a.put("orderId", anomaly.orderId());
                }
                if (anomaly.lineId() != null) {
                    a.put("lineId", anomaly.lineId());
                }
            }
        }
        Files.writeString(root.resolve(FILE_NAME), JSON.writeValueAsString(top) + "\n");
    }

    /** Reads a {@code manifest.json}; store folders are resolved against the file's folder. */
    public static Manifest read(Path manifestFile) throws IOException {
        Path root = manifestFile.toAbsolutePath().getParent();
        JsonNode top = JSON.readTree(manifestFile.toFile());
        List<StoreSample> stores = new ArrayList<>();
        for (JsonNode node : top.path("stores")) {
            List<PlantedAnomaly> anomalies = new ArrayList<>();
            for (JsonNode a : node.path("anomalies")) {
                anomalies.add(new PlantedAnomaly(
                        AnomalyType.valueOf(a.path("type").asText()),
                        LocalDate.parse(a.path("day").asText()),
                        a.hasNonNull("orderId") ? a.get("orderId").asText() : null,
                        a.hasNonNull("lineId") ? a.get("lineId").asText() : null));
            }
            stores.add(new StoreSample(
                    node.path("tenant").asText(),
                    node.path("store").asText(),
                    root.resolve(node.path("dir").asText()),
                    texts(node.path("files")),
                    texts(node.path("rejectedFiles")),
                    anomalies,
                    node.path("cleanOrders").asInt()));
        }
        return new Manifest(stores);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
