/**
 * What the pipeline's use cases need from the world, named by intent — the bucket ({@link
 * recon.port.Blobs}), the file manifest, the record and result stores, the queues, the alerts topic and
 * its log, the store registry — and the values they carry (a store, its days, a file's entry, a record
 * chunk, a day result, an alert). Interfaces only: the AWS adapters live in {@code functions/aws}, the
 * in-memory ones in the tests. Depends on the domain only.
 */
package recon.port;
