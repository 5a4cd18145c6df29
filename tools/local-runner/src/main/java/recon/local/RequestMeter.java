package recon.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Counts the requests of the SDK clients it is given to ({@code AwsClients.forEndpoint(endpoint, meter)}),
 * per service and operation, with the DynamoDB capacity units they consume and the S3 bytes put and got.
 *
 * <p>Capacity units: taken from the response's ConsumedCapacity when the request asked for it
 * (ReturnConsumedCapacity). The adapters do not ask, and moto answers with fixed figures (a BatchWriteItem
 * reports 1.0 even unasked), so in practice they are computed from the items as on-demand DynamoDB bills them: a write is ceil(item size / 1 KB) per
 * item put (a conditional put whose condition fails included); a GetItem or a Query page is
 * ceil(size of the items returned / 4 KB), at least one, halved for eventually consistent reads. A put
 * that replaces a larger item is billed on the larger one by AWS; the meter sees only the new item.
 * The pipeline uses no other DynamoDB operation that consumes capacity; others are counted, with no units.
 */
public final class RequestMeter implements ExecutionInterceptor {
    static final int WRITE_UNIT_BYTES = 1024;
    static final int READ_UNIT_BYTES = 4096;

    /** What the requests of one operation added up to. */
    public record Usage(String service, String operation, long requests, double writeUnits, double readUnits,
            long bytesPut, long bytesGot) {}

    private final Map<String, Usage> usage = new TreeMap<>();

    /** Every operation seen, by service then operation name. */
    public synchronized List<Usage> usage() {
        return new ArrayList<>(usage.values());
    }

    /** What the requests of {@code later} added to {@code earlier}, two readings of one meter; operations with no new request left out. */
    public static List<Usage> difference(List<Usage> later, List<Usage> earlier) {
        Map<String, Usage> before = new TreeMap<>();
        earlier.forEach(u -> before.put(u.service() + " " + u.operation(), u));
        List<Usage> added = new ArrayList<>();
        for (Usage u : later) {
            Usage b = before.getOrDefault(u.service() + " " + u.operation(), new Usage(u.service(), u.operation(), 0, 0, 0, 0, 0));
            if (u.requests() > b.requests()) {
                added.add(new Usage(u.service(), u.operation(), u.requests() - b.requests(), u.writeUnits() - b.writeUnits(),
                        u.readUnits() - b.readUnits(), u.bytesPut() - b.bytesPut(), u.bytesGot() - b.bytesGot()));
            }
        }
        return added;
    }

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        // the body as given (a file, bytes), before any chunked encoding with checksums
        if (context.request() instanceof PutObjectRequest) {
            long bytes = context.requestBody().flatMap(RequestBody::optionalContentLength).orElse(0L);
            add(attributes, 0, 0, 0, bytes, 0);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        boolean reported = request.getValueForField("ReturnConsumedCapacity", String.class)
                .filter(asked -> !asked.equals("NONE")).isPresent();
        double writes = 0;
        double reads = 0;
        long bytesGot = 0;
        switch (response) {
            case PutItemResponse put when reported && put.consumedCapacity() != null -> writes = units(put.consumedCapacity(), true);
            case PutItemResponse put -> writes = writeUnits(((PutItemRequest) request).item());
            case BatchWriteItemResponse batch when reported && batch.hasConsumedCapacity() ->
                    writes = batch.consumedCapacity().stream().mapToDouble(c -> units(c, true)).sum();
            case BatchWriteItemResponse batch -> writes = batchWriteUnits((BatchWriteItemRequest) request, batch);
            case GetItemResponse get when reported && get.consumedCapacity() != null -> reads = units(get.consumedCapacity(), false);
            case GetItemResponse get -> reads = readUnits(get.hasItem() ? itemSize(get.item()) : 0,
                    Boolean.TRUE.equals(((GetItemRequest) request).consistentRead()));
            case QueryResponse query when reported && query.consumedCapacity() != null -> reads = units(query.consumedCapacity(), false);
            case QueryResponse query -> reads = readUnits(query.items().stream().mapToLong(RequestMeter::itemSize).sum(),
                    Boolean.TRUE.equals(((QueryRequest) request).consistentRead()));
            case GetObjectResponse get -> bytesGot = get.contentLength() == null ? 0 : get.contentLength();
            default -> {
            }
        }
        add(attributes, 1, writes, reads, 0, bytesGot);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // a conditional put whose condition fails consumes its write units all the same
        double writes = context.exception() instanceof ConditionalCheckFailedException
                && context.request() instanceof PutItemRequest put ? writeUnits(put.item()) : 0;
        add(attributes, 1, writes, 0, 0, 0);
    }

    private synchronized void add(ExecutionAttributes attributes, long requests, double writes, double reads, long bytesPut, long bytesGot) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        usage.merge(service + " " + operation, new Usage(service, operation, requests, writes, reads, bytesPut, bytesGot),
                (a, b) -> new Usage(a.service(), a.operation(), a.requests() + b.requests(), a.writeUnits() + b.writeUnits(),
                        a.readUnits() + b.readUnits(), a.bytesPut() + b.bytesPut(), a.bytesGot() + b.bytesGot()));
    }

    private static double units(ConsumedCapacity capacity, boolean write) {
        Double specific = write ? capacity.writeCapacityUnits() : capacity.readCapacityUnits();
        return specific != null ? specific : capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    /** The items DynamoDB processed: those sent less those it returned unprocessed (sent again later, and counted then). */
    private static double batchWriteUnits(BatchWriteItemRequest request, BatchWriteItemResponse response) {
        double units = 0;
        for (List<WriteRequest> writes : request.requestItems().values()) {
            for (WriteRequest write : writes) {
                // a delete's item is unknown here: the minimum
                units += write.putRequest() != null ? writeUnits(write.putRequest().item()) : 1;
            }
        }
        if (response.hasUnprocessedItems()) {
            for (List<WriteRequest> writes : response.unprocessedItems().values()) {
                for (WriteRequest write : writes) {
                    units -= write.putRequest() != null ? writeUnits(write.putRequest().item()) : 1;
                }
            }
        }
        return units;
    }

    /** On-demand write units of putting this item: one per started kilobyte. */
    static long writeUnits(Map<String, AttributeValue> item) {
        return Math.max(1, ceilDiv(itemSize(item), WRITE_UNIT_BYTES));
    }

    /** On-demand read units of one read returning items of this total size: one per started 4 KB, at least one, half when eventually consistent. */
    static double readUnits(long bytes, boolean consistent) {
        long units = Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES));
        return consistent ? units : units / 2.0;
    }

    /** The size DynamoDB bills for an item: every attribute's name (UTF-8) and value. */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    /** S: UTF-8 bytes; N: a byte per two significant digits plus one; B: bytes; BOOL, NULL: 1; L, M: 3 plus their elements; sets: their members. */
    static long valueSize(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> numberSize(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case L -> 3 + value.l().stream().mapToLong(RequestMeter::valueSize).sum();
            case M -> 3 + itemSize(value.m());
            case SS -> value.ss().stream().mapToLong(RequestMeter::utf8).sum();
            case NS -> value.ns().stream().mapToLong(RequestMeter::numberSize).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** Leading and trailing zeros do not count; a number has at least one digit. */
    static long numberSize(String number) {
        String mantissa = number.replaceFirst("^[+-]", "").replaceFirst("[eE].*$", "").replace(".", "");
        String digits = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return ceilDiv(Math.max(1, digits.length()), 2) + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
