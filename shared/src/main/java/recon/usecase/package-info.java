/**
 * The use cases, each a class: the offline run on a folder of exports ({@link
 * recon.usecase.ReconcileFiles}), and the pipeline's stages — parse an upload ({@link
 * recon.usecase.ParseUpload}), match a store ({@link recon.usecase.MatchStores}), write its reports
 * ({@link recon.usecase.WriteReports}), the daily re-match ({@link recon.usecase.RematchRecent}). They
 * use the same ingest, rules and reports; the pipeline's reach the world only through the ports. The
 * top of the core: nothing in the core depends on them.
 */
package recon.usecase;
