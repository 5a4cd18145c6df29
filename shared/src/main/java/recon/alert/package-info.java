/**
 * Alerts: their words ({@link recon.alert.AlertText}: counts, amounts, where the reports are, nothing
 * personal) and their dispatch, once each ({@link recon.alert.AlertDispatch}, through the alerts topic
 * and the alert log ports).
 */
package recon.alert;
