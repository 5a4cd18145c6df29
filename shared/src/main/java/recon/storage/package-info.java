/**
 * How the pipeline stores what it read and found: records packed by day into chunks ({@link
 * recon.storage.RecordPacker}, {@link recon.storage.RecordCodec}) and a day's result as its
 * summary.json with a hash ({@link recon.storage.DayResultJson}). Byte formats only, no storage service.
 */
package recon.storage;
