package recon.functions.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import recon.port.StoreRef;

/**
 * The key layout of the one table, every item's pk and sk in one place (docs/architecture.md, "DynamoDB").
 * Every key of a store's items starts with "{tenant}#{store}", so one tenant's run never touches another's
 * items; the ids are {@code [a-z0-9-]{1,64}}, so "#" cannot occur inside them.
 * <pre>
 * what                 pk                      sk
 * file manifest entry  {t}#{s}                 FILE#{fileId}
 * alert claim          {t}#{s}                 ALERTED#{key}  (ALERTED#SHA256#{hex} when too long)
 * resolutions          {t}#{s}                 RESOLVED#{fileId}#{member}#{part:05d}
 * anomaly ever seen    {t}#{s}                 ANOMALY#{id}
 * record chunk         {t}#{s}#{yyyy-MM-dd}    R#{fileId}#{part:05d}  (parts 0 to 31 of a file and day)
 *                      {t}#{s}#{yyyy-MM-dd}#B{n}  R#{fileId}#{part:05d}  (the next 32 parts, n = part / 32)
 * day result, head     {t}#{s}#{yyyy-MM-dd}    RESULT
 * day result, part n   {t}#{s}#{yyyy-MM-dd}    RESULT#{hash}#{n:05d}
 * store registry       STORES                  {t}#{s}
 * </pre>
 */
final class TableKeys {
    static final String FILE = "FILE#";
    static final String ALERTED = "ALERTED#";
    static final String RECORDS = "R#";
    static final String RESOLVED = "RESOLVED#";
    static final String ANOMALY = "ANOMALY#";
    static final String RESULT = "RESULT";
    static final String STORES = "STORES";
    /**
     * Record chunks of one file and day under one partition key: about 1,000 write units (a chunk is some
     * 31 KB gzipped), one second of what one partition takes; the next parts go to the next key, so a
     * store-day of millions of rows is written at the table's rate, not one partition's.
     */
    static final int CHUNKS_PER_PARTITION = 32;
    /** DynamoDB's limit on a sort key, in UTF-8 bytes. */
    static final int MAX_SORT_KEY_BYTES = 1024;

    private TableKeys() {}

    /** The partition of a store's manifest and alert claims; the registry's sort key of the store. */
    static String store(StoreRef store) {
        return store.tenant() + "#" + store.store();
    }

    /** The partition of a store-day's record chunks and result. */
    static String day(StoreRef store, LocalDate day) {
        return store(store) + "#" + day;
    }

    /**
     * The partition of a store-day's record chunk: the day's own for the first {@value #CHUNKS_PER_PARTITION}
     * parts of each file, then {@code {day}#B{n}} for part / {@value #CHUNKS_PER_PARTITION} = n.
     */
    static String recordPartition(StoreRef store, LocalDate day, int part) {
        return recordShard(store, day, part / CHUNKS_PER_PARTITION);
    }

    /** The partition of a store-day's shard of record chunks ({@link #recordPartition}). */
    static String recordShard(StoreRef store, LocalDate day, int shard) {
        return shard == 0 ? day(store, day) : day(store, day) + "#B" + shard;
    }

    static String file(String fileId) {
        return FILE + fileId;
    }

    /** One part of the resolutions of one file (its id and member, {@code {fileId}#{n}}). */
    static String resolutions(String fileId, int part) {
        return "%s%s#%05d".formatted(RESOLVED, fileId, part);
    }

    static String anomaly(String id) {
        return ANOMALY + id;
    }

    static String recordChunk(String fileId, int part) {
        return "%s%s#%05d".formatted(RECORDS, fileId, part);
    }

    static String resultPart(String hash, int part) {
        return "%s#%s#%05d".formatted(RESULT, hash, part);
    }

    /** An alert claim; a key too long for a sort key (ids as long as an export's cell allows) goes by its SHA-256. */
    static String alerted(String key) {
        String sortKey = ALERTED + key;
        if (sortKey.getBytes(StandardCharsets.UTF_8).length <= MAX_SORT_KEY_BYTES) {
            return sortKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ALERTED + "SHA256#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
