package recon.local;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Disturbs the calls of the clients it is given to, the ways AWS and Lambda can: an error answer
 * instead of the call (throttling, a 5xx, a refusal), a call done whose answer is lost (a 5xx after
 * the fact), a batch write leaving items unprocessed, an object stream breaking off, the function
 * dying in the middle of a call. Each {@link Rule} picks an operation, optionally only some of its
 * requests, and which of those calls (counted per HTTP attempt, so the SDK's own retries count).
 */
final class FaultInjector implements ExecutionInterceptor {
    /** The function dying in a call (out of memory, killed at its timeout): nothing in the function may catch it. */
    static final class Crash extends Error {
        Crash(String message) {
            super(message);
        }
    }

    /** What happens to a call that a rule hits. */
    sealed interface Fault {}

    /** AWS answers with this error and does nothing: the SDK retries it when it deems it retryable. */
    record ErrorAnswer(int status, String errorCode) implements Fault {}

    /** AWS does the call but the answer is lost to a 500: the SDK sends it again. DynamoDB only (its JSON errors). */
    record LostAnswer() implements Fault {}

    /** DynamoDB takes only the first half of a BatchWriteItem and returns the rest as UnprocessedItems. */
    record HalfUnprocessed() implements Fault {}

    /** The response stream fails with an IOException after this many bytes. */
    record BrokenStream(long afterBytes) implements Fault {}

    /** The function dies as the call is about to go out. */
    record Dies() implements Fault {}

    static Fault throttling() {
        return new ErrorAnswer(400, "ProvisionedThroughputExceededException");
    }

    static Fault serverError() {
        return new ErrorAnswer(500, "InternalServerError");
    }

    /** An error no retry of the SDK would cure (the call as such is refused). */
    static Fault refusal() {
        return new ErrorAnswer(400, "ValidationException");
    }

    /** Which calls of a rule: the n-th matching call (from 1) is hit when this says so. */
    interface Calls {
        boolean hit(int number);
    }

    static Calls calls(int... numbers) {
        Set<Integer> set = IntStream.of(numbers).boxed().collect(Collectors.toSet());
        return set::contains;
    }

    static Calls everyCall() {
        return number -> true;
    }

    /** About this fraction of the calls, chosen by a seeded generator: the same calls in the same order each run. */
    static Calls fraction(double share, long seed) {
        Random random = new Random(seed);
        return number -> {
            synchronized (random) {
                return random.nextDouble() < share;
            }
        };
    }

    /** A fault for some calls of one operation (the SDK's operation name: "BatchWriteItem", "Publish", "GetObject"). */
    static final class Rule {
        private final String operation;
        private final Predicate<SdkRequest> requests;
        private final Calls calls;
        private final Fault fault;
        private final AtomicInteger seen = new AtomicInteger();
        private final AtomicInteger hits = new AtomicInteger();

        private Rule(String operation, Predicate<SdkRequest> requests, Calls calls, Fault fault) {
            this.operation = operation;
            this.requests = requests;
            this.calls = calls;
            this.fault = fault;
        }

        /** How many calls this rule disturbed. */
        int hits() {
            return hits.get();
        }

        /** How many calls it looked at. */
        int seen() {
            return seen.get();
        }

        private boolean hit(String operationName, SdkRequest request) {
            if (!operation.equals(operationName) || !requests.test(request)) {
                return false;
            }
            if (calls.hit(seen.incrementAndGet())) {
                hits.incrementAndGet();
                return true;
            }
            return false;
        }

        @Override
        public String toString() {
            return operation + " " + fault + ": " + hits + " of " + seen;
        }
    }

    private static final ExecutionAttribute<Boolean> LOSE_ANSWER = new ExecutionAttribute<>("recon.faults.loseAnswer");
    private static final ExecutionAttribute<Long> BREAK_AFTER = new ExecutionAttribute<>("recon.faults.breakAfter");
    private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD_BACK = new ExecutionAttribute<>("recon.faults.heldBack");

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    Rule add(String operation, Calls calls, Fault fault) {
        return add(operation, request -> true, calls, fault);
    }

    Rule add(String operation, Predicate<SdkRequest> requests, Calls calls, Fault fault) {
        Rule rule = new Rule(operation, requests, calls, fault);
        rules.add(rule);
        return rule;
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** The fault of the first rule of this kind that hits the call; every rule of the kind counts the call. */
    private <F extends Fault> Optional<F> hit(Class<F> kind, ExecutionAttributes attributes, SdkRequest request) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Optional<F> first = Optional.empty();
        for (Rule rule : rules) {
            if (kind.isInstance(rule.fault) && rule.hit(operation, request) && first.isEmpty()) {
                first = Optional.of(kind.cast(rule.fault));
            }
        }
        return first;
    }

    /** Once per call, before the SDK's retries: the adapter's own retry of unprocessed items is a new call. */
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof BatchWriteItemRequest batch)
                || hit(HalfUnprocessed.class, attributes, batch).isEmpty()) {
            return context.request();
        }
        Map<String, List<WriteRequest>> kept = new HashMap<>();
        Map<String, List<WriteRequest>> heldBack = new HashMap<>();
        batch.requestItems().forEach((table, writes) -> {
            int keep = (writes.size() + 1) / 2;
            kept.put(table, writes.subList(0, keep));
            if (keep < writes.size()) {
                heldBack.put(table, writes.subList(keep, writes.size()));
            }
        });
        attributes.putAttribute(HELD_BACK, heldBack);
        return batch.toBuilder().requestItems(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        Map<String, List<WriteRequest>> heldBack = attributes.getAttribute(HELD_BACK);
        if (heldBack == null || heldBack.isEmpty() || !(context.response() instanceof BatchWriteItemResponse response)) {
            return context.response();
        }
        Map<String, List<WriteRequest>> unprocessed = new HashMap<>(response.unprocessedItems());
        heldBack.forEach((table, writes) -> unprocessed.merge(table, writes, (a, b) -> {
            List<WriteRequest> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }));
        return response.toBuilder().unprocessedItems(unprocessed).build();
    }

    /** Once per HTTP attempt. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (hit(Dies.class, attributes, request).isPresent()) {
            throw new Crash("died calling " + operation);
        }
        Optional<ErrorAnswer> error = hit(ErrorAnswer.class, attributes, request);
        if (error.isPresent()) {
            int status = error.get().status();
            String code = error.get().errorCode();
            throw AwsServiceException.builder()
                    .message("injected " + code)
                    .statusCode(status)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode(code)
                            .errorMessage("injected")
                            .serviceName(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                            .build())
                    .build();
        }
        attributes.putAttribute(LOSE_ANSWER, hit(LostAnswer.class, attributes, request).isPresent());
        attributes.putAttribute(BREAK_AFTER, hit(BrokenStream.class, attributes, request).map(BrokenStream::afterBytes).orElse(null));
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(LOSE_ANSWER))) {
            return context.httpResponse();
        }
        // without the checksum of the answer that was replaced
        return context.httpResponse().toBuilder().statusCode(500).removeHeader("x-amz-crc32").build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(LOSE_ANSWER))) {
            return Optional.of(new ByteArrayInputStream(
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"injected: answer lost\"}"
                            .getBytes(StandardCharsets.UTF_8)));
        }
        Long breakAfter = attributes.getAttribute(BREAK_AFTER);
        if (breakAfter == null || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        return Optional.of(new BreakingStream(context.responseBody().get(), breakAfter));
    }

    /** Passes the first bytes, then fails as a connection reset would. */
    private static final class BreakingStream extends FilterInputStream {
        private long left;

        BreakingStream(InputStream in, long afterBytes) {
            super(in);
            this.left = afterBytes;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new IOException("injected: connection reset");
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                throw new IOException("injected: connection reset");
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
