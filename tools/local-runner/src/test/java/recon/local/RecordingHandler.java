package recon.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A stand-in for a pipeline function: keeps every message it saw, fails those the test says, may act on each. */
final class RecordingHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    final List<SQSEvent.SQSMessage> seen = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    private final Predicate<SQSEvent.SQSMessage> fails;
    private final Consumer<SQSEvent.SQSMessage> action;

    RecordingHandler(Predicate<SQSEvent.SQSMessage> fails, Consumer<SQSEvent.SQSMessage> action) {
        this.fails = fails;
        this.action = action;
    }

    static RecordingHandler succeeding() {
        return new RecordingHandler(m -> false, m -> {});
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        batchSizes.add(event.getRecords().size());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            seen.add(message);
            if (fails.test(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                action.accept(message);
            }
        }
        return new SQSBatchResponse(failures);
    }

    List<String> bodies() {
        return seen.stream().map(SQSEvent.SQSMessage::getBody).toList();
    }
}
