package recon.port;

import java.time.LocalDate;
import recon.storage.RecordCodec;

/**
 * A pack of up to about 2,000 records of one file for one day ({@link RecordCodec}). The key — day,
 * file and part — follows from the file's content, so reading the same file again rewrites the same chunks.
 *
 * @param part numbers the chunks of one file and day from 0
 */
public record RecordChunk(LocalDate day, String fileId, int part, int count, byte[] data) {}
