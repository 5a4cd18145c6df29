package recon.testdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import recon.domain.Resolution;
import recon.port.AlertLog;
import recon.port.Blobs;
import recon.port.DayResult;
import recon.port.FileEntry;
import recon.port.FileManifest;
import recon.port.RecordChunk;
import recon.port.RecordStore;
import recon.port.ResolutionStore;
import recon.port.ResultStore;
import recon.port.StoreRef;
import recon.port.StoreRegistry;
import recon.storage.DayResultJson;

/** The pipeline's ports held in memory, with counters the tests look at. */
public final class InMemory {
    private InMemory() {}

    public static final class MemoryBlobs implements Blobs {
        public final Map<String, byte[]> objects = new TreeMap<>();
        public final List<String> opened = new ArrayList<>();
        public final List<String> written = new ArrayList<>();
        public final Map<String, String> fingerprints = new HashMap<>();

        @Override
        public Optional<InputStream> open(String key) {
            opened.add(key);
            byte[] content = objects.get(key);
            return content == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(content));
        }

        @Override
        public void write(String key, byte[] content, String contentType) {
            written.add(key);
            objects.put(key, content.clone());
            fingerprints.remove(key);
        }

        @Override
        public void write(String key, Path content, String contentType, String fingerprint) throws IOException {
            write(key, Files.readAllBytes(content), contentType);
            fingerprints.put(key, fingerprint);
        }

        @Override
        public Optional<String> fingerprint(String key) {
            return objects.containsKey(key) ? Optional.ofNullable(fingerprints.get(key)) : Optional.empty();
        }

        public Map<String, byte[]> under(String prefix) {
            Map<String, byte[]> found = new TreeMap<>();
            objects.forEach((key, content) -> {
                if (key.startsWith(prefix)) {
                    found.put(key, content);
                }
            });
            return found;
        }
    }

    public static final class MemoryManifest implements FileManifest {
        public final Map<StoreRef, Map<String, FileEntry>> entries = new HashMap<>();

        @Override
        public Optional<FileEntry> file(StoreRef store, String fileId) {
            return Optional.ofNullable(entries.getOrDefault(store, Map.of()).get(fileId));
        }

        @Override
        public List<FileEntry> files(StoreRef store) {
            return List.copyOf(entries.getOrDefault(store, Map.of()).values());
        }

        @Override
        public void save(FileEntry entry) {
            entries.computeIfAbsent(entry.store(), s -> new TreeMap<>()).put(entry.fileId(), entry);
        }
    }

    public static final class MemoryRecords implements RecordStore {
        /** Chunks by store, day, and "fileId#part". */
        public final Map<StoreRef, Map<LocalDate, Map<String, RecordChunk>>> chunks = new HashMap<>();
        public int saves;

        @Override
        public void save(StoreRef store, List<RecordChunk> batch) {
            saves++;
            for (RecordChunk chunk : batch) {
                chunks.computeIfAbsent(store, s -> new TreeMap<>())
                        .computeIfAbsent(chunk.day(), d -> new TreeMap<>())
                        .put(chunk.fileId() + "#" + chunk.part(), chunk);
            }
        }

        @Override
        public void load(StoreRef store, Collection<LocalDate> days, Consumer<RecordChunk> each) {
            Map<LocalDate, Map<String, RecordChunk>> byDay = chunks.getOrDefault(store, Map.of());
            for (LocalDate day : days) {
                byDay.getOrDefault(day, Map.of()).values().forEach(each);
            }
        }

        public int count(StoreRef store) {
            return chunks.getOrDefault(store, Map.of()).values().stream()
                    .flatMap(m -> m.values().stream()).mapToInt(RecordChunk::count).sum();
        }
    }

    public static final class MemoryResults implements ResultStore {
        public final Map<StoreRef, Map<LocalDate, DayResult>> results = new HashMap<>();
        /** Every anomaly id a saved result held, with its day, as the table remembers them. */
        public final Map<StoreRef, Map<String, LocalDate>> anomalyDays = new HashMap<>();
        public int saves;

        @Override
        public Optional<DayResult> result(StoreRef store, LocalDate day) {
            return Optional.ofNullable(results.getOrDefault(store, Map.of()).get(day))
                    // stored as text, as in the table
                    .map(r -> DayResultJson.fromJson(DayResultJson.json(r)));
        }

        @Override
        public void save(DayResult result) {
            saves++;
            results.computeIfAbsent(result.store(), s -> new TreeMap<>()).put(result.day(), result);
            result.anomalies().forEach(a ->
                    anomalyDays.computeIfAbsent(result.store(), s -> new HashMap<>()).put(a.id(), a.day()));
        }

        @Override
        public Map<String, LocalDate> anomalyDays(StoreRef store, Collection<String> ids) {
            Map<String, LocalDate> known = new HashMap<>();
            Map<String, LocalDate> days = anomalyDays.getOrDefault(store, Map.of());
            ids.stream().filter(days::containsKey).forEach(id -> known.put(id, days.get(id)));
            return known;
        }
    }

    public static final class MemoryAlertLog implements AlertLog {
        public final Set<String> seen = new LinkedHashSet<>();

        @Override
        public boolean claim(StoreRef store, String key) {
            return seen.add(store + "#" + key);
        }

        @Override
        public void release(StoreRef store, String key) {
            seen.remove(store + "#" + key);
        }
    }

    public static final class MemoryResolutions implements ResolutionStore {
        /** The rows by store and file id. */
        public final Map<StoreRef, Map<String, List<Resolution>>> byFile = new HashMap<>();

        @Override
        public void save(StoreRef store, String fileId, List<Resolution> resolutions) {
            byFile.computeIfAbsent(store, s -> new TreeMap<>()).put(fileId, List.copyOf(resolutions));
        }

        @Override
        public List<Resolution> all(StoreRef store) {
            List<Resolution> all = new ArrayList<>();
            byFile.getOrDefault(store, Map.of()).values().forEach(all::addAll);
            return all;
        }
    }

    public static final class MemoryRegistry implements StoreRegistry {
        public final Set<StoreRef> stores = new LinkedHashSet<>();

        @Override
        public void register(StoreRef store) {
            stores.add(store);
        }

        @Override
        public List<StoreRef> stores() {
            return List.copyOf(stores);
        }
    }
}
