package recon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class RequestMeterTest {
    /** A record item as the pipeline writes it: 18 + 13 + 2,504 + 8 = 2,543 bytes. */
    private static final Map<String, AttributeValue> RECORD_ITEM = Map.of(
            "pk", AttributeValue.fromS("t1#s1#2026-11-02"),            // 2 + 16
            "sk", AttributeValue.fromS("R#abc#00001"),                 // 2 + 11
            "data", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[2_500])), // 4 + 2,500
            "count", AttributeValue.fromN("1834"));                    // 5 + 4 digits / 2 + 1

    private static final Map<String, AttributeValue> SMALL_ITEM = Map.of("pk", AttributeValue.fromS("t1#s1"));

    private final RequestMeter meter = new RequestMeter();

    @Test
    void sizesAnItemByAttributeNamesAndValues() {
        assertThat(RequestMeter.itemSize(RECORD_ITEM)).isEqualTo(2_543);
        assertThat(RequestMeter.writeUnits(RECORD_ITEM)).isEqualTo(3);
        assertThat(RequestMeter.writeUnits(SMALL_ITEM)).isEqualTo(1);
    }

    @Test
    void sizesStringsInUtf8AndNumbersBySignificantDigits() {
        assertThat(RequestMeter.valueSize(AttributeValue.fromS("天猫"))).isEqualTo(6);
        assertThat(RequestMeter.numberSize("1798761600")).as("trailing zeros trimmed: 8 digits").isEqualTo(5);
        assertThat(RequestMeter.numberSize("-12345")).isEqualTo(4);
        assertThat(RequestMeter.numberSize("0.05")).isEqualTo(2);
        assertThat(RequestMeter.numberSize("0")).isEqualTo(2);
    }

    @Test
    void sizesListsAndMapsWithThreeBytesOverheadAndTheirElements() {
        AttributeValue map = AttributeValue.fromM(Map.of("a", AttributeValue.fromS("xy"), "b", AttributeValue.fromBool(true)));
        AttributeValue list = AttributeValue.fromL(List.of(AttributeValue.fromN("7"), AttributeValue.fromNul(true)));

        assertThat(RequestMeter.valueSize(map)).isEqualTo(3 + (1 + 2) + (1 + 1));
        assertThat(RequestMeter.valueSize(list)).isEqualTo(3 + 2 + 1);
        assertThat(RequestMeter.itemSize(Map.of("m", map))).isEqualTo(1 + 8);
    }

    @Test
    void readsCostOneUnitPerStartedFourKilobytesHalvedWhenEventuallyConsistent() {
        assertThat(RequestMeter.readUnits(3 * 2_543, true)).isEqualTo(2.0);
        assertThat(RequestMeter.readUnits(3 * 2_543, false)).isEqualTo(1.0);
        assertThat(RequestMeter.readUnits(4_096, true)).isEqualTo(1.0);
        assertThat(RequestMeter.readUnits(0, false)).as("an empty read still costs the minimum").isEqualTo(0.5);
    }

    @Test
    void countsRequestsAndWriteUnitsOfBatchWritesLessTheUnprocessedItems() {
        WriteRequest record = WriteRequest.builder().putRequest(PutRequest.builder().item(RECORD_ITEM).build()).build();
        WriteRequest small = WriteRequest.builder().putRequest(PutRequest.builder().item(SMALL_ITEM).build()).build();
        var request = BatchWriteItemRequest.builder().requestItems(Map.of("table", List.of(record, record, small))).build();
        // moto reports 1.0 consumed even when not asked: not taken
        var response = BatchWriteItemResponse.builder().unprocessedItems(Map.of("table", List.of(record)))
                .consumedCapacity(ConsumedCapacity.builder().capacityUnits(1.0).build()).build();

        meter.afterExecution(context(request, response), attributes("DynamoDb", "BatchWriteItem"));
        meter.afterExecution(context(request, BatchWriteItemResponse.builder().build()), attributes("DynamoDb", "BatchWriteItem"));

        assertThat(meter.usage()).containsExactly(
                new RequestMeter.Usage("DynamoDb", "BatchWriteItem", 2, (3 + 1) + (3 + 3 + 1), 0, 0, 0));
    }

    @Test
    void countsTheWriteUnitsOfAConditionalPutWhoseConditionFailed() {
        var request = PutItemRequest.builder().item(RECORD_ITEM).conditionExpression("attribute_not_exists(pk)").build();

        meter.afterExecution(context(request, PutItemResponse.builder().build()), attributes("DynamoDb", "PutItem"));
        meter.onExecutionFailure(failure(request, ConditionalCheckFailedException.builder().message("exists").build()),
                attributes("DynamoDb", "PutItem"));

        assertThat(meter.usage()).containsExactly(new RequestMeter.Usage("DynamoDb", "PutItem", 2, 6, 0, 0, 0));
    }

    @Test
    void takesConsumedCapacityFromTheResponseOnlyWhenTheRequestAskedForIt() {
        var asking = QueryRequest.builder().consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        var notAsking = QueryRequest.builder().consistentRead(true).build();
        var response = QueryResponse.builder().items(List.of(RECORD_ITEM, RECORD_ITEM))
                .consumedCapacity(ConsumedCapacity.builder().capacityUnits(7.5).build()).build();

        meter.afterExecution(context(asking, response), attributes("DynamoDb", "Query"));
        meter.afterExecution(context(notAsking, response), attributes("DynamoDb", "Query"));

        assertThat(meter.usage()).containsExactly(new RequestMeter.Usage("DynamoDb", "Query", 2, 0, 7.5 + 2, 0, 0));
    }

    private static InterceptorContext context(SdkRequest request, SdkResponse response) {
        return InterceptorContext.builder().request(request).response(response).build();
    }

    private static ExecutionAttributes attributes(String service, String operation) {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, service);
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
        return attributes;
    }

    private static Context.FailedExecution failure(SdkRequest request, Throwable exception) {
        return new Context.FailedExecution() {
            @Override
            public Throwable exception() {
                return exception;
            }

            @Override
            public SdkRequest request() {
                return request;
            }

            @Override
            public Optional<SdkHttpRequest> httpRequest() {
                return Optional.empty();
            }

            @Override
            public Optional<SdkHttpResponse> httpResponse() {
                return Optional.empty();
            }

            @Override
            public Optional<SdkResponse> response() {
                return Optional.empty();
            }
        };
    }
}
