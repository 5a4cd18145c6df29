package recon.functions.aws;

import java.time.Clock;
import java.time.Duration;
import recon.alert.AlertDispatch;
import recon.port.AlertLog;
import recon.port.Alerts;
import recon.port.Blobs;
import recon.port.FileManifest;
import recon.port.MatchRequests;
import recon.port.RecordStore;
import recon.port.ReportLinks;
import recon.port.ReportRequests;
import recon.port.ResultStore;
import recon.port.StoreFiles;
import recon.port.StoreRegistry;

/**
 * The pipeline's ports on AWS, for one function. Each reads the settings it needs when asked for,
 * so a function asks only for what it uses and a missing variable fails its start.
 */
public final class Adapters {
    private final AwsClients clients;
    private final Settings settings;
    private final Clock clock;
    private DynamoTable table;

    public Adapters(AwsClients clients, Settings settings, Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.clock = clock;
    }

    /** The bucket, the file manifest, the record store and the resolution store. */
    public StoreFiles storeFiles() {
        return new StoreFiles(blobs(), fileManifest(), recordStore(), new DynamoResolutionStore(table()));
    }

    /** The alerts topic with the log of what was alerted. */
    public AlertDispatch alertDispatch() {
        return new AlertDispatch(alerts(), alertLog(), reportLinks());
    }

    /** Signed links to the reports when the stack has a distribution for them, none otherwise. */
    public ReportLinks reportLinks() {
        String domain = settings.values().get(Settings.REPORT_LINKS_DOMAIN);
        if (domain == null || domain.isBlank()) {
            return ReportLinks.NONE;
        }
        String secret = settings.require(Settings.REPORT_LINKS_SECRET);
        return new CloudFrontLinks(domain, settings.require(Settings.REPORT_LINKS_KEY_ID),
                Duration.ofDays(settings.requireDays(Settings.REPORT_LINKS_VALID_DAYS)), clock,
                () -> clients.secretsManager().getSecretValue(r -> r.secretId(secret)).secretString());
    }

    public Blobs blobs() {
        return new S3Blobs(clients.s3(), settings.require(Settings.BUCKET_NAME));
    }

    public FileManifest fileManifest() {
        return new DynamoFileManifest(table());
    }

    public RecordStore recordStore() {
        return new DynamoRecordStore(table());
    }

    public ResultStore resultStore() {
        return new DynamoResultStore(table());
    }

    public AlertLog alertLog() {
        return new DynamoAlertLog(table());
    }

    public StoreRegistry storeRegistry() {
        return new DynamoStoreRegistry(table());
    }

    public MatchRequests matchRequests() {
        return new SqsStoreDays(clients.sqs(), settings.require(Settings.MATCH_QUEUE_URL))::send;
    }

    public ReportRequests reportRequests() {
        return new SqsStoreDays(clients.sqs(), settings.require(Settings.REPORT_QUEUE_URL))::send;
    }

    public Alerts alerts() {
        return new SnsAlerts(clients.sns(), settings.require(Settings.ALERT_TOPIC_ARN));
    }

    private synchronized DynamoTable table() {
        if (table == null) {
            // the report function writes no item that expires: it keeps the template's default
            int retentionDays = settings.values().containsKey(Settings.RETENTION_DAYS)
                    ? settings.requireDays(Settings.RETENTION_DAYS) : DEFAULT_RETENTION_DAYS;
            table = new DynamoTable(clients.dynamo(), settings.require(Settings.TABLE_NAME),
                    Duration.ofDays(retentionDays), clock, Thread::sleep);
        }
        return table;
    }

    /** The template's default, used only by a function that writes no expiring item. */
    private static final int DEFAULT_RETENTION_DAYS = 400;
}
