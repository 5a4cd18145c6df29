/**
 * The rules: a store's records merged by content ({@link recon.reconcile.StoreRecords}) and reconciled
 * order by order and day by day ({@link recon.reconcile.Reconciler}) into figures and anomalies. No
 * file, no format, no clock: the same records give the same result whatever their order of arrival.
 * Depends on the domain only.
 */
package recon.reconcile;
