package recon.port;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The packed records of every store, by the day they count on. */
public interface RecordStore {
    /** Writes the chunks, replacing any with the same day, file and part. */
    void save(StoreRef store, List<RecordChunk> chunks);

    /** Hands over every chunk the store has for these days, of every file. */
    void load(StoreRef store, Collection<LocalDate> days, Consumer<RecordChunk> each);
}
