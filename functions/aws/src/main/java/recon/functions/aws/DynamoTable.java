package recon.functions.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The one table (docs/architecture.md, "DynamoDB: one table"): key pk + sk, TTL attribute expiresAt. The calls every
 * adapter needs — put, conditional put, get, batch get, paginated query, batch write with retries — and
 * nothing about what the items mean.
 */
final class DynamoTable {
    static final int BATCH_SIZE = 25;
    static final int GET_BATCH_SIZE = 100;
    static final int MAX_ATTEMPTS = 8;
    private static final long BASE_DELAY_MS = 50;
    private static final long MAX_DELAY_MS = 5_000;

    /** Waits between retries; a test replaces it to run without waiting. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Duration retention;
    private final Clock clock;
    private final Sleeper sleeper;

    DynamoTable(DynamoDbClient dynamo, String tableName, Duration retention, Clock clock, Sleeper sleeper) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.retention = retention;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    Clock clock() {
        return clock;
    }

    /** The item with its key and expiresAt = now + retention. */
    Map<String, AttributeValue> item(String pk, String sk, Map<String, AttributeValue> attributes) {
        var item = new java.util.HashMap<>(attributes);
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("expiresAt", n(clock.instant().plus(retention).getEpochSecond()));
        return item;
    }

    void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(tableName).item(item));
    }

    /** Puts the item; the item it replaced, if any. */
    Optional<Map<String, AttributeValue>> replace(Map<String, AttributeValue> item) {
        var response = dynamo.putItem(b -> b.tableName(tableName).item(item).returnValues(ReturnValue.ALL_OLD));
        return response.hasAttributes() && !response.attributes().isEmpty() ? Optional.of(response.attributes()) : Optional.empty();
    }

    /**
     * Puts the item unless one with its key exists that another call put; true when this call put
     * it. The item's {@code claim} attribute, new for each call, lets the SDK's retry of a put whose
     * answer was lost find its own item rather than another's.
     */
    boolean claim(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR claim = :claim")
                    .expressionAttributeValues(Map.of(":claim", item.get("claim"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    void delete(String pk, String sk) {
        dynamo.deleteItem(b -> b.tableName(tableName).key(Map.of("pk", s(pk), "sk", s(sk))));
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = dynamo.getItem(b -> b.tableName(tableName).key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * The items of these sort keys in one partition that exist, 100 keys a call, with the keys
     * DynamoDB left unprocessed asked again (back-off as for writes).
     */
    void getAll(String pk, List<String> sortKeys, Consumer<Map<String, AttributeValue>> each) {
        for (int from = 0; from < sortKeys.size(); from += GET_BATCH_SIZE) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String sk : sortKeys.subList(from, Math.min(sortKeys.size(), from + GET_BATCH_SIZE))) {
                keys.add(Map.of("pk", s(pk), "sk", s(sk)));
            }
            Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder().keys(keys).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB left keys unprocessed after " + MAX_ATTEMPTS + " attempts");
                }
                if (attempt > 0) {
                    pause(attempt);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(tableName, List.of()).forEach(each);
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
    }

    /** Every item of the partition whose sort key starts with the prefix (null: every item), page after page. */
    void query(String pk, String skPrefix, Consumer<Map<String, AttributeValue>> each) {
        QueryRequest.Builder builder = QueryRequest.builder().tableName(tableName).consistentRead(true);
        QueryRequest request = skPrefix == null
                ? builder.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk))).build()
                : builder.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(skPrefix))).build();
        dynamo.queryPaginator(request).items().forEach(each);
    }

    /**
     * Writes the items in batches of 25, retrying what DynamoDB left unprocessed with exponential
     * back-off and full jitter; gives up after {@link #MAX_ATTEMPTS} attempts of one batch.
     */
    void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            List<WriteRequest> batch = new ArrayList<>();
            for (var item : items.subList(from, Math.min(items.size(), from + BATCH_SIZE))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeBatch(batch);
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            pending = response.unprocessedItems();
        }
        throw new IllegalStateException("DynamoDB left " + pending.getOrDefault(tableName, List.of()).size()
                + " items unprocessed after " + MAX_ATTEMPTS + " attempts");
    }

    private void pause(int attempt) {
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << Math.min(attempt, 20));
        try {
            sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch write", e);
        }
    }
}
