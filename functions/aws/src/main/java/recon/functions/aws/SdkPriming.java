package recon.functions.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK's side of a function's SnapStart priming, without network: each kind of client the function
 * uses, built on an HTTP client that answers every request at once with a canned response, sends the
 * kinds of request the function's adapters send — request pipeline, signing, endpoint rules, and the
 * marshalling of those operations. (The SDK's own SdkWarmUp does the like with one listing request per
 * client, but its warm-up providers name the async clients as well, which then fill half a megabyte
 * of each Lambda jar.)
 */
public final class SdkPriming {
    private static final URI NOWHERE = URI.create("http://localhost");
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("priming"),
            "sk", AttributeValue.fromS("priming"));

    private SdkPriming() {}

    public static void s3() {
        try (S3Client s3 = configure(S3Client.builder().forcePathStyle(true), "<Response/>").build()) {
            s3.getObject(b -> b.bucket("priming").key("priming.csv")).abort();
            s3.putObject(b -> b.bucket("priming").key("priming.json").contentType("application/json"),
                    RequestBody.fromString("{}"));
        }
    }

    public static void dynamo() {
        try (DynamoDbClient dynamo = configure(DynamoDbClient.builder(), "{}").build()) {
            dynamo.getItem(b -> b.tableName("priming").key(KEY).consistentRead(true));
            dynamo.putItem(b -> b.tableName("priming").item(KEY));
            dynamo.query(b -> b.tableName("priming").keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("priming"))));
            dynamo.batchWriteItem(b -> b.requestItems(Map.of("priming",
                    List.of(WriteRequest.builder().putRequest(p -> p.item(KEY)).build()))));
        }
    }

    public static void sqs() {
        try (SqsClient sqs = configure(SqsClient.builder(), "{}").build()) {
            sqs.sendMessageBatch(b -> b.queueUrl("http://localhost/priming").entries(e -> e.id("1").messageBody("{}")));
        }
    }

    public static void sns() {
        try (SnsClient sns = configure(SnsClient.builder(), "<Response/>").build()) {
            sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:000000000000:priming").message("{}"));
        }
    }

    /** Signed like the real clients (with made-up credentials), but answered by the canned response. */
    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder,
            String cannedResponse) {
        SdkHttpClient canned = CannedResponseHttpClient.builder().statusCode(200)
                .responseBody(cannedResponse.getBytes(StandardCharsets.UTF_8)).build();
        return builder.httpClient(canned)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .region(Region.US_EAST_1)
                .endpointOverride(NOWHERE);
    }
}
