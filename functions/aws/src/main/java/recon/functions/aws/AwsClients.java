package recon.functions.aws;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one way the project builds its SDK clients: one light HTTP client shared by all, region and
 * credentials from the environment (AWS_REGION, the Lambda role), and an optional endpoint for the
 * emulator. Built once per function instance, so that SnapStart captures them.
 */
public final class AwsClients {
    private final SdkHttpClient http;
    private final URI endpoint;
    private final List<ExecutionInterceptor> interceptors;
    private S3Client s3;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private SnsClient sns;
    private SecretsManagerClient secretsManager;

    private AwsClients(URI endpoint, List<ExecutionInterceptor> interceptors) {
        this.http = UrlConnectionHttpClient.builder().build();
        this.endpoint = endpoint;
        this.interceptors = List.copyOf(interceptors);
    }

    /** Clients for AWS itself; AWS_ENDPOINT_URL, when set, points them at an emulator instead. */
    public static AwsClients fromEnvironment() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        return endpoint == null || endpoint.isBlank() ? new AwsClients(null, List.of()) : forEndpoint(URI.create(endpoint));
    }

    /**
     * Clients for an emulator at this endpoint (the local runner and the tests). An emulator takes
     * any credentials; they and the region are set here unless the environment has its own. The
     * interceptors see every request (the demo counts them; tests record or disturb them).
     */
    public static AwsClients forEndpoint(URI endpoint, ExecutionInterceptor... interceptors) {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "emulator");
            System.setProperty("aws.secretAccessKey", "emulator");
        }
        if (System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null) {
            System.setProperty("aws.region", "us-east-1");
        }
        return new AwsClients(endpoint, List.of(interceptors));
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // emulators serve buckets as paths, not as host names
            s3 = client(S3Client.builder().forcePathStyle(endpoint != null));
        }
        return s3;
    }

    public synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = client(DynamoDbClient.builder());
        }
        return dynamo;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = client(SqsClient.builder());
        }
        return sqs;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = client(SnsClient.builder());
        }
        return sns;
    }

    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            secretsManager = client(SecretsManagerClient.builder());
        }
        return secretsManager;
    }

    /**
     * Any service's client with the shared HTTP client, the interceptors and the emulator's endpoint;
     * public for the tools' services (the emulated stack's EventBridge), which the functions do not call.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        builder.httpClient(http).overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
