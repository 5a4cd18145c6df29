package recon.port;

/**
 * Where a store's files and what was read from them are kept: the bucket's objects, the manifest of
 * the processed uploads, their records and their resolutions. Every stage reads a store through these.
 */
public record StoreFiles(Blobs blobs, FileManifest manifest, RecordStore records, ResolutionStore resolutions) {}
