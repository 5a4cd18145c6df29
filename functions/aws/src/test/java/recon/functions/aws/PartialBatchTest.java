package recon.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static recon.functions.aws.SqsEvents.event;
import static recon.functions.aws.SqsEvents.message;
import static recon.functions.aws.SqsEvents.retried;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialBatchTest {

    /** Bodies are comma-separated items; "?" is unreadable. */
    private static List<String> items(String body) {
        if (body.equals("?")) {
            throw new IllegalArgumentException("unreadable");
        }
        return Arrays.asList(body.split(","));
    }

    private static String readable(String body) {
        return items(body).getFirst();
    }

    @Test
    void togetherRetriesEveryMessageHoldingAFailedItemAndDropsUnreadableOnes() {
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = PartialBatch.together(
                event(message("A", null, "a1,a2"), message("B", null, "b1"), message("C", null, "?")),
                PartialBatchTest::items,
                all -> {
                    handled.addAll(all);
                    return List.of("a2");
                });

        assertThat(handled).containsExactly("a1", "a2", "b1");
        assertThat(retried(response)).containsExactly("A");
    }

    @Test
    void togetherRetriesEveryReadableMessageWhenTheWorkThrows() {
        SQSBatchResponse response = PartialBatch.together(
                event(message("A", null, "a1"), message("B", null, "b1"), message("C", null, "?")),
                PartialBatchTest::items,
                all -> {
                    throw new IllegalStateException("the table is unavailable");
                });

        assertThat(retried(response)).containsExactly("A", "B");
    }

    @Test
    void byGroupHandsEachGroupOverInOrderAndRetriesOnlyTheGroupThatFailed() {
        List<List<String>> groups = new ArrayList<>();

        SQSBatchResponse response = PartialBatch.byGroup(
                event(message("1", "s1", "x1"), message("2", "s2", "y1"), message("3", "s1", "x2"),
                        message("4", "s2", "?"), message("5", "s3", "z1")),
                PartialBatchTest::readable,
                bodies -> {
                    groups.add(bodies);
                    if (bodies.contains("y1")) {
                        throw new IllegalStateException("config.json of s2 cannot be used");
                    }
                });

        assertThat(groups).containsExactly(List.of("x1", "x2"), List.of("y1"), List.of("z1"));
        assertThat(retried(response)).containsExactly("2");
    }

    @Test
    void inOrderRetriesTheFailedMessageAndTheLaterOnesOfItsGroupUnhandled() {
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = PartialBatch.inOrder(
                event(message("1", "s1", "x1"), message("2", "s2", "y1"), message("3", "s1", "x2"),
                        message("4", "s2", "y2"), message("5", "s1", "x3")),
                PartialBatchTest::readable,
                body -> {
                    handled.add(body);
                    if (body.equals("x1")) {
                        throw new IllegalStateException("the bucket is unavailable");
                    }
                });

        assertThat(handled).containsExactly("x1", "y1", "y2");
        assertThat(retried(response)).containsExactly("1", "3", "5");
    }

    @Test
    void inOrderDropsUnreadableMessagesWithoutStoppingTheirGroup() {
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = PartialBatch.inOrder(
                event(message("1", "s1", "?"), message("2", "s1", "x2")),
                PartialBatchTest::readable, handled::add);

        assertThat(handled).containsExactly("x2");
        assertThat(retried(response)).isEmpty();
    }

    @Test
    void messagesWithoutAGroupAreEachAGroupOfTheirOwn() {
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = PartialBatch.inOrder(
                event(message("1", null, "x1"), message("2", null, "x2")),
                PartialBatchTest::readable,
                body -> {
                    handled.add(body);
                    if (body.equals("x1")) {
                        throw new IllegalStateException("fails");
                    }
                });

        assertThat(handled).containsExactly("x1", "x2");
        assertThat(retried(response)).containsExactly("1");
    }

    @Test
    void theWorkSeesTheIdsOfTheMessagesItDoes() {
        List<List<String>> seen = new ArrayList<>();

        PartialBatch.byGroup(event(message("1", "s1", "x1"), message("2", "s1", "x2")),
                PartialBatchTest::readable, bodies -> seen.add(LogContext.current()));
        PartialBatch.inOrder(event(message("3", "s1", "x3")), PartialBatchTest::readable, body -> seen.add(LogContext.current()));

        assertThat(seen).containsExactly(List.of("1", "2"), List.of("3"));
        assertThat(LogContext.current()).isEmpty();
    }
}
