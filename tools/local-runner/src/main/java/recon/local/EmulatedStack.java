package recon.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import recon.functions.aws.AwsClients;
import recon.functions.aws.Settings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The resources template.yaml declares, created in an emulator under names unique to one run: the
 * exports bucket, versioned (its events go to EventBridge, whose rule sends the uploads into a store's inbox/ to
 * the ingest queue, as {@link #UPLOADS_KEY_PATTERN} says and the template's UploadsToIngestRule), the ingest, match
 * and report queues each with a dead-letter queue (match and report FIFO, their messages grouped by store),
 * the table, the alerts topic, and a queue subscribed to the topic that collects the alerts (where AWS
 * would send e-mail and SMS).
 */
public record EmulatedStack(
        String runId,
        String bucket,
        String table,
        Queue ingest,
        Queue match,
        Queue report,
        String alertTopicArn,
        Queue alerts) {

    /** Receives after which a message goes to the dead-letter queue (the template's maxReceiveCount). */
    public static final int MAX_RECEIVE_COUNT = 3;
    /** What the template sets for the functions' retention; the runner passes the same. */
    public static final int RETENTION_DAYS = 400;
    public static final String UPLOAD_PREFIX = "tenants/";
    /** The keys the uploads rule sends to the ingest queue, an EventBridge wildcard ('*' spans '/' too). */
    public static final String UPLOADS_KEY_PATTERN = "tenants/*/stores/*/inbox/*";

    /** An SQS queue; deadLetterUrl is null for a queue without one. */
    public record Queue(String name, String url, String arn, String deadLetterUrl) {
        /** The region part of the ARN (arn:aws:sqs:REGION:account:name). */
        public String region() {
            return arn.split(":")[3];
        }
    }

    /**
     * Creates everything under names starting with recon-{runId}-.
     *
     * @param runId lower-case letters, digits and '-', short (it is part of a bucket name)
     * @param visibilityTimeout how long a received message stays hidden; after a failure it comes back this much later
     */
    public static EmulatedStack create(AwsClients clients, String runId, Duration visibilityTimeout) {
        if (!runId.matches("[a-z0-9-]{1,30}")) {
            throw new IllegalArgumentException("run id must be 1-30 of a-z, 0-9 and '-', got " + runId);
        }
        String prefix = "recon-" + runId + "-";
        SqsClient sqs = clients.sqs();
        Queue ingest = queueWithDeadLetters(sqs, prefix + "ingest", visibilityTimeout, Kind.STANDARD);
        // the template's content-based deduplication of the match queue serves its scheduled message only
        Queue match = queueWithDeadLetters(sqs, prefix + "match", visibilityTimeout, Kind.FIFO_DEDUPLICATED_BY_CONTENT);
        Queue report = queueWithDeadLetters(sqs, prefix + "report", visibilityTimeout, Kind.FIFO);
        Queue alerts = queue(sqs, prefix + "alerts", Map.of());

        String bucket = prefix + "exports";
        createBucket(clients.s3(), bucket);
        routeUploads(clients.client(EventBridgeClient.builder()), prefix + "uploads-to-ingest", bucket, ingest, sqs);
        String table = prefix + "records";
        createTable(clients.dynamo(), table);
        String topicArn = createTopic(clients.sns(), prefix + "alerts", alerts, sqs);
        return new EmulatedStack(runId, bucket, table, ingest, match, report, topicArn, alerts);
    }

    /**
     * The environment template.yaml gives the functions, naming these resources; as deployed without
     * ReportLinksPublicKeyId, so the alerts name the report folders (an emulator has no CloudFront).
     */
    public Settings settings() {
        return new Settings(Map.of(
                Settings.TABLE_NAME, table,
                Settings.BUCKET_NAME, bucket,
                Settings.MATCH_QUEUE_URL, match.url(),
                Settings.REPORT_QUEUE_URL, report.url(),
                Settings.ALERT_TOPIC_ARN, alertTopicArn,
                Settings.RETENTION_DAYS, Integer.toString(RETENTION_DAYS),
                Settings.REPORT_LINKS_DOMAIN, "",
                Settings.REPORT_LINKS_KEY_ID, "",
                Settings.REPORT_LINKS_SECRET, "recon-local-report-links",
                Settings.REPORT_LINKS_VALID_DAYS, "30"));
    }

    /** How a queue of the template keeps its messages. */
    private enum Kind { STANDARD, FIFO, FIFO_DEDUPLICATED_BY_CONTENT }

    private static Queue queueWithDeadLetters(SqsClient sqs, String name, Duration visibilityTimeout, Kind kind) {
        // a FIFO queue's name ends in .fifo, and its dead-letter queue is FIFO too
        String suffix = kind == Kind.STANDARD ? "" : ".fifo";
        Map<QueueAttributeName, String> fifo = kind == Kind.STANDARD ? Map.of() : Map.of(QueueAttributeName.FIFO_QUEUE, "true");
        Map<QueueAttributeName, String> deadLetterAttributes = new HashMap<>(fifo);
        deadLetterAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600");
        Queue deadLetters = queue(sqs, name + "-dlq" + suffix, deadLetterAttributes);
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}";
        Map<QueueAttributeName, String> attributes = new HashMap<>(fifo);
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(Math.max(0, visibilityTimeout.toSeconds())));
        attributes.put(QueueAttributeName.REDRIVE_POLICY, redrive);
        if (kind == Kind.FIFO_DEDUPLICATED_BY_CONTENT) {
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
        }
        Queue queue = queue(sqs, name + suffix, attributes);
        return new Queue(queue.name(), queue.url(), queue.arn(), deadLetters.url());
    }

    private static Queue queue(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(name, url, arn, null);
    }

    /** Lets one AWS service send to the queue, for one source only (the bucket, the topic), as in the template. */
    private static void allowSendFrom(SqsClient sqs, Queue queue, String service, String sourceArn) {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},\
                "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                .formatted(service, queue.arn(), sourceArn);
        sqs.setQueueAttributes(b -> b.queueUrl(queue.url()).attributes(Map.of(QueueAttributeName.POLICY, policy)));
    }

    private static void createBucket(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> {})));
    }

    /**
     * The template's UploadsToIngestRule: S3's Object Created events of this bucket's inbox keys go to the
     * ingest queue, nothing else. moto sends the bucket's events to the rules itself, like S3, with the key
     * as it is and the ETag spelt eTag (AWS: etag).
     */
    private static void routeUploads(EventBridgeClient events, String rule, String bucket, Queue ingest, SqsClient sqs) {
        String pattern = """
                {"source":["aws.s3"],"detail-type":["Object Created"],\
                "detail":{"bucket":{"name":["%s"]},"object":{"key":[{"wildcard":"%s"}]}}}"""
                .formatted(bucket, UPLOADS_KEY_PATTERN);
        String ruleArn = events.putRule(b -> b.name(rule).eventPattern(pattern)).ruleArn();
        allowSendFrom(sqs, ingest, "events.amazonaws.com", ruleArn);
        events.putTargets(b -> b.rule(rule).targets(t -> t.id("IngestQueue").arn(ingest.arn())));
    }

    private static void createTable(DynamoDbClient dynamo, String table) {
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
    }

    private static String createTopic(SnsClient sns, String name, Queue alerts, SqsClient sqs) {
        String topicArn = sns.createTopic(b -> b.name(name)).topicArn();
        allowSendFrom(sqs, alerts, "sns.amazonaws.com", topicArn);
        // raw delivery stays off: the collector sees the SNS envelope with Subject and MessageAttributes
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(alerts.arn()));
        return topicArn;
    }
}
