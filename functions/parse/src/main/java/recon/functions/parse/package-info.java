/** ParseFunction: upload events from the ingest queue, handed to the parse use case. */
package recon.functions.parse;
