package recon.functions.aws;

import java.util.Map;

/**
 * The resource names a function works with, from the environment variables template.yaml sets. The
 * local runner builds the same from the emulated resources. A function reads only the ones it needs,
 * and a missing one is an error at start, not a surprise at the first message.
 */
public record Settings(Map<String, String> values) {
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String BUCKET_NAME = "BUCKET_NAME";
    public static final String MATCH_QUEUE_URL = "MATCH_QUEUE_URL";
    public static final String REPORT_QUEUE_URL = "REPORT_QUEUE_URL";
    public static final String ALERT_TOPIC_ARN = "ALERT_TOPIC_ARN";
    /** Days records and results are kept (DynamoDB TTL). */
    public static final String RETENTION_DAYS = "RETENTION_DAYS";
    /** The CloudFront domain that serves the reports; blank when the deployment gives no links. */
    public static final String REPORT_LINKS_DOMAIN = "REPORT_LINKS_DOMAIN";
    /** The id of the CloudFront public key whose private half signs the links. */
    public static final String REPORT_LINKS_KEY_ID = "REPORT_LINKS_KEY_ID";
    /** The Secrets Manager secret that holds that private key (PKCS#8 PEM). */
    public static final String REPORT_LINKS_SECRET = "REPORT_LINKS_SECRET";
    /** Days a link works. */
    public static final String REPORT_LINKS_VALID_DAYS = "REPORT_LINKS_VALID_DAYS";

    public Settings {
        values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public int requireDays(String name) {
        String value = require(name);
        try {
            int days = Integer.parseInt(value);
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("environment variable " + name + " must be a positive number of days, got " + value);
    }
}
