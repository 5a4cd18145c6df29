package recon.functions.match;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crac.Core;
import org.crac.Resource;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.functions.aws.Priming;
import recon.functions.aws.Settings;
import recon.functions.aws.StoreDaysMessage;
import recon.pipeline.MatchStores;
import recon.pipeline.StoreDays;
import recon.pipeline.StoreRef;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * MatchFunction: match requests and the daily {"recentDays": n} → {@link MatchStores}, one run per
 * store with all the days its messages ask for. A store that fails fails all of its messages.
 */
public final class MatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final MatchStores match;

    public MatchHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
    }

    public MatchHandler(AwsClients clients, Settings settings) {
        Adapters adapters = new Adapters(clients, settings, Clock.systemUTC());
        match = new MatchStores(adapters.blobs(), adapters.fileManifest(), adapters.recordStore(),
                adapters.resultStore(), adapters.alertLog(), adapters.alerts(), adapters.reportRequests(),
                adapters.storeRegistry(), Clock.systemUTC());
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Map<StoreRef, TreeSet<LocalDate>> daysByStore = new LinkedHashMap<>();
        Map<StoreRef, List<String>> messagesByStore = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            List<StoreDays> requests;
            try {
                requests = switch (StoreDaysMessage.decode(message.getBody())) {
                    case StoreDaysMessage.ForStore forStore -> List.of(forStore.request());
                    case StoreDaysMessage.Recent recent -> match.recent(recent.days());
                };
            } catch (IllegalArgumentException e) {
                System.err.println("dropped message " + message.getMessageId() + ": " + e.getMessage());
                continue;
            } catch (RuntimeException e) {
                e.printStackTrace();
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            for (StoreDays request : requests) {
                daysByStore.computeIfAbsent(request.store(), s -> new TreeSet<>()).addAll(request.days());
                messagesByStore.computeIfAbsent(request.store(), s -> new ArrayList<>()).add(message.getMessageId());
            }
        }
        daysByStore.forEach((store, days) -> {
            try {
                match.match(new StoreDays(store, days));
            } catch (RuntimeException e) {
                System.err.println("cannot match " + store + ": " + e);
                messagesByStore.get(store).stream().distinct()
                        .filter(id -> failures.stream().noneMatch(f -> f.getItemIdentifier().equals(id)))
                        .forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
            }
        });
        return new SQSBatchResponse(failures);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.exercise();
        Priming.exerciseReconcile();
        SdkWarmUp.warmUp(S3Client.class, DynamoDbClient.class, SqsClient.class, SnsClient.class);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {}
}
