package recon.functions.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The table in memory: get, put (with the replaced item), delete, batch write and query (a key and a
 * sort key prefix, in sort key order, one page), refusing an item bigger than DynamoDB's 400 KB counted
 * as DynamoDB counts (names and values, in bytes).
 */
final class TableStub implements DynamoDbClient {
    static final int MAX_ITEM_BYTES = 400 * 1024;
    final Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
    Runnable beforeNextPartRead;
    boolean failHeadPuts;

    private static String key(Map<String, AttributeValue> key) {
        return key.get("pk").s() + "|" + key.get("sk").s();
    }

    private void store(Map<String, AttributeValue> item) {
        long size = 0;
        for (var attribute : item.entrySet()) {
            AttributeValue value = attribute.getValue();
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + (value.b() != null
                    ? value.b().asByteArray().length
                    : (value.s() != null ? value.s() : value.n()).getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > MAX_ITEM_BYTES) {
            throw DynamoDbException.builder().message("Item size has exceeded the maximum allowed size").build();
        }
        items.put(key(item), Map.copyOf(item));
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        if (!request.key().get("sk").s().equals("RESULT") && beforeNextPartRead != null) {
            Runnable run = beforeNextPartRead;
            beforeNextPartRead = null;
            run.run();
        }
        var item = items.get(key(request.key()));
        return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        if (failHeadPuts && request.item().get("sk").s().equals("RESULT")) {
            throw DynamoDbException.builder().message("the function died").build();
        }
        var old = items.get(key(request.item()));
        store(request.item());
        return old != null && request.returnValues() == ReturnValue.ALL_OLD
                ? PutItemResponse.builder().attributes(old).build()
                : PutItemResponse.builder().build();
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        items.remove(key(request.key()));
        return DeleteItemResponse.builder().build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        request.requestItems().values().forEach(writes -> writes.stream().map(WriteRequest::putRequest)
                .forEach(put -> store(put.item())));
        return BatchWriteItemResponse.builder().build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(Consumer<BatchWriteItemRequest.Builder> request) {
        return batchWriteItem(BatchWriteItemRequest.builder().applyMutation(request).build());
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        Map<String, List<Map<String, AttributeValue>>> found = new java.util.HashMap<>();
        request.requestItems().forEach((table, keys) -> found.put(table, keys.keys().stream()
                .map(key -> items.get(key(key))).filter(java.util.Objects::nonNull).toList()));
        return BatchGetItemResponse.builder().responses(found).build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(Consumer<BatchGetItemRequest.Builder> request) {
        return batchGetItem(BatchGetItemRequest.builder().applyMutation(request).build());
    }

    /** The queries asked, by partition key, in their order. */
    final List<String> queried = new ArrayList<>();

    @Override
    public QueryResponse query(QueryRequest request) {
        String pk = request.expressionAttributeValues().get(":pk").s();
        AttributeValue prefix = request.expressionAttributeValues().get(":prefix");
        queried.add(pk);
        List<Map<String, AttributeValue>> found = items.values().stream()
                .filter(item -> item.get("pk").s().equals(pk))
                .filter(item -> prefix == null || item.get("sk").s().startsWith(prefix.s()))
                .toList();
        return QueryResponse.builder().items(found).count(found.size()).build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
