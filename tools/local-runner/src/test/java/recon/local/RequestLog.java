package recon.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.s3.model.S3Request;

/**
 * Records the S3 and DynamoDB requests of every SDK client in the test JVM while a recording is
 * open: the SDK loads this interceptor for all clients from
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test class path, so
 * the clients the real functions build for themselves are recorded too. Without an open recording
 * it does nothing.
 */
public final class RequestLog implements ExecutionInterceptor {
    private static final Pattern PK_CONDITION = Pattern.compile("\\bpk\\s*=\\s*(:\\w+)");
    private static volatile Recording current;

    /** What one request touched: an S3 object key or key prefix, or a DynamoDB item's pk and sk (sk null when a whole partition). */
    public record Touch(String service, String operation, String key, String sortKey) {}

    /** The requests recorded until closed. Open one at a time. */
    public static final class Recording implements AutoCloseable {
        private final List<Touch> touches = new CopyOnWriteArrayList<>();

        public List<Touch> touches() {
            return List.copyOf(touches);
        }

        @Override
        public void close() {
            current = null;
        }
    }

    public static Recording start() {
        Recording recording = new Recording();
        current = recording;
        return recording;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Recording recording = current;
        if (recording == null) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkRequest request = context.request();
        if (request instanceof S3Request) {
            String key = request.getValueForField("Key", String.class)
                    .or(() -> request.getValueForField("Prefix", String.class))
                    .orElse(null);
            recording.touches.add(new Touch("S3", operation, key, null));
        } else if (request instanceof DynamoDbRequest) {
            for (Map<String, AttributeValue> key : dynamoKeys(request)) {
                recording.touches.add(new Touch("DynamoDB", operation, text(key.get("pk")), text(key.get("sk"))));
            }
        }
    }

    /** The keys (pk, sk) a DynamoDB request names; a query names its pk only; a scan names nothing, so it shows as a null pk. */
    private static List<Map<String, AttributeValue>> dynamoKeys(SdkRequest request) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        switch (request) {
            case PutItemRequest put -> keys.add(put.item());
            case GetItemRequest get -> keys.add(get.key());
            case UpdateItemRequest update -> keys.add(update.key());
            case DeleteItemRequest delete -> keys.add(delete.key());
            case BatchWriteItemRequest batch -> batch.requestItems().values().forEach(writes -> writes.forEach(w ->
                    keys.add(w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key())));
            case BatchGetItemRequest batch -> batch.requestItems().values().forEach(k -> keys.addAll(k.keys()));
            case QueryRequest query -> {
                Matcher pk = PK_CONDITION.matcher(query.keyConditionExpression());
                keys.add(pk.find() ? Map.of("pk", query.expressionAttributeValues().get(pk.group(1))) : Map.of());
            }
            default -> keys.add(Map.of());
        }
        return keys;
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
