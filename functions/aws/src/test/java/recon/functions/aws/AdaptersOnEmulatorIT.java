package recon.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.DayFigures;
import recon.domain.StoreConfig;
import recon.pipeline.DayResult;
import recon.pipeline.MatchStores;
import recon.pipeline.ParseUpload;
import recon.pipeline.StoreDays;
import recon.pipeline.StoreRef;
import recon.pipeline.WriteReports;
import recon.reconcile.ReconcileFiles;
import recon.report.Period;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The adapters against a running emulator at AWS_ENDPOINT_URL (e.g. moto_server): the parse, match
 * and report use cases on S3, DynamoDB, SQS and SNS give the offline run's day results.
 */
class AdaptersOnEmulatorIT {
    @TempDir
    Path samples;

    @Test
    void theUseCasesOnTheEmulatorGiveTheOfflineResults() throws IOException {
        AwsClients clients = AwsClients.forEndpoint(URI.create(System.getenv().getOrDefault("AWS_ENDPOINT_URL", "http://127.0.0.1:5055")));
        String suffix = Long.toString(System.nanoTime());
        String bucket = "recon-it-" + suffix;
        String table = "recon-it-" + suffix;
        clients.s3().createBucket(b -> b.bucket(bucket));
        clients.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        String matchQueue = clients.sqs().createQueue(b -> b.queueName("match-" + suffix)).queueUrl();
        String reportQueue = clients.sqs().createQueue(b -> b.queueName("report-" + suffix)).queueUrl();
        String alertQueue = clients.sqs().createQueue(b -> b.queueName("alerts-" + suffix)).queueUrl();
        String topic = clients.sns().createTopic(b -> b.name("alerts-" + suffix)).topicArn();
        String alertQueueArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(alertQueue).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        clients.sns().subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(alertQueueArn));
        Settings settings = new Settings(Map.of(Settings.TABLE_NAME, table, Settings.BUCKET_NAME, bucket,
                Settings.MATCH_QUEUE_URL, matchQueue, Settings.REPORT_QUEUE_URL, reportQueue,
                Settings.ALERT_TOPIC_ARN, topic, Settings.RETENTION_DAYS, "400"));
        Adapters adapters = new Adapters(clients, settings, Clock.systemUTC());
        ParseUpload parse = new ParseUpload(adapters.blobs(), adapters.fileManifest(), adapters.recordStore(),
                adapters.storeRegistry(), adapters.matchRequests(), adapters.alerts(), Clock.systemUTC());
        MatchStores match = new MatchStores(adapters.blobs(), adapters.fileManifest(), adapters.recordStore(),
                adapters.resultStore(), adapters.alertLog(), adapters.alerts(), adapters.reportRequests(),
                adapters.storeRegistry(), Clock.systemUTC());
        WriteReports report = new WriteReports(adapters.blobs(), adapters.fileManifest(), adapters.recordStore());

        Manifest manifest = new SampleGenerator(new SampleGenerator.Options(300, 31, 5, LocalDate.of(2026, 11, 1))).generate(samples);
        StoreSample sample = manifest.stores().get(1);
        StoreRef store = new StoreRef(sample.tenant(), sample.store());
        List<String> files = new ArrayList<>(sample.files());
        files.addAll(sample.rejectedFiles());
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        for (String file : files) {
            String key = store.prefix() + "inbox/2026-11/支付宝 " + file;
            String etag = clients.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(sample.dir().resolve(file))).eTag();
            uploads.add(new ParseUpload.Upload(key, etag));
        }
        clients.s3().putObject(b -> b.bucket(bucket).key(store.configKey()), RequestBody.fromFile(sample.dir().resolve("config.json")));

        assertThat(parse.parseAll(uploads)).isEmpty();
        assertThat(parse.parseAll(uploads)).isEmpty(); // already done: skipped
        List<Message> matchMessages = receive(clients, matchQueue);
        assertThat(matchMessages).hasSize(1);
        StoreDays request = ((StoreDaysMessage.ForStore) StoreDaysMessage.decode(matchMessages.get(0).body())).request();
        match.match(request);
        match.match(request);
        for (Message m : receive(clients, reportQueue)) {
            report.write(((StoreDaysMessage.ForStore) StoreDaysMessage.decode(m.body())).request());
        }

        ReconcileFiles.Result offline = offline(sample, files);
        Map<LocalDate, List<Anomaly>> anomalies = new HashMap<>();
        offline.reconciliation().anomalies().forEach(a -> anomalies.computeIfAbsent(a.day(), d -> new ArrayList<>()).add(a));
        for (DayFigures day : offline.reconciliation().days()) {
            DayResult stored = adapters.resultStore().result(store, day.day()).orElseThrow();
            assertThat(stored.figures()).isEqualTo(day);
            assertThat(stored.anomalies()).isEqualTo(anomalies.getOrDefault(day.day(), List.of()));
            assertThat(clients.s3().headObject(b -> b.bucket(bucket).key(store.reportPrefix(day.day()) + "summary.json")).contentLength()).isPositive();
        }
        String monthWorkbook = store.reportPrefix(Period.month(YearMonth.of(2026, 11))) + "report.xlsx";
        assertThat(clients.s3().headObject(b -> b.bucket(bucket).key(monthWorkbook)).contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(adapters.storeRegistry().stores()).contains(store);
        List<Message> alerts = receive(clients, alertQueue);
        System.out.println("alerts: " + alerts.size());
        alerts.forEach(a -> System.out.println(a.body()));
        assertThat(alerts).hasSize(sample.rejectedFiles().size() + 1);
        assertThat(clients.s3().listObjectsV2(b -> b.bucket(bucket).prefix(store.rejectedPrefix())).contents())
                .hasSize(sample.rejectedFiles().size());
    }

    private static List<Message> receive(AwsClients clients, String queue) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> got = clients.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (got.isEmpty()) {
                return all;
            }
            all.addAll(got);
            got.forEach(m -> clients.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())));
        }
    }

    private static ReconcileFiles.Result offline(StoreSample sample, List<String> files) throws IOException {
        StoreConfig config;
        try (InputStream in = Files.newInputStream(sample.dir().resolve("config.json"))) {
            config = StoreConfigJson.read(in);
        }
        return ReconcileFiles.run(files.stream()
                .map(f -> new ReconcileFiles.Input("支付宝 " + f, () -> Files.newInputStream(sample.dir().resolve(f)))).toList(),
                config, o -> {});
    }
}
