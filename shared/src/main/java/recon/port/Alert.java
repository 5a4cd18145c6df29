package recon.port;

import recon.alert.AlertText;
import recon.domain.Severity;

/**
 * One message to a store's subscribers (docs/contracts.md, "Alert (SNS)"), written by {@link AlertText}.
 *
 * @param subject at most 100 characters
 * @param text the full message
 * @param sms at most 70 characters
 * @param severity the highest severity of what the message is about
 * @param anomalyCount the anomalies it reports (0 for a rejected file)
 */
public record Alert(StoreRef store, String subject, String text, String sms, Severity severity, int anomalyCount) {}
