package recon.functions.match;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crac.Core;
import org.crac.Resource;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.functions.aws.JsonLog;
import recon.functions.aws.MatchPriming;
import recon.functions.aws.PartialBatch;
import recon.functions.aws.SdkPriming;
import recon.functions.aws.Settings;
import recon.functions.aws.StoreDaysMessage;
import recon.port.StoreDays;
import recon.port.StoreRef;
import recon.usecase.MatchStores;
import recon.usecase.RematchRecent;

/**
 * MatchFunction: match requests → {@link MatchStores}, a store's message group at a time, one run with
 * all the days its messages ask for; when the run fails, all of them are retried. The daily
 * {"recentDays": n} (its own group) is not matched here: {@link RematchRecent} sends one request per
 * known store into the store's group, so that it runs in turn with the store's other runs, never beside them.
 */
public final class MatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final MatchStores match;
    private final RematchRecent rematch;

    public MatchHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
        JsonLog.toStandardOutput();
    }

    public MatchHandler(AwsClients clients, Settings settings) {
        this(new Adapters(clients, settings, Clock.systemUTC()));
    }

    private MatchHandler(Adapters adapters) {
        this(new MatchStores(adapters.storeFiles(), adapters.resultStore(), adapters.reportRequests(),
                        adapters.alertDispatch()),
                new RematchRecent(adapters.storeRegistry(), adapters.matchRequests(), Clock.systemUTC()));
    }

    /** The handler around use cases built from other ports (the tests' in-memory ones). */
    MatchHandler(MatchStores match, RematchRecent rematch) {
        this.match = match;
        this.rematch = rematch;
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.byGroup(event, StoreDaysMessage::decode, this::handleGroup);
    }

    private void handleGroup(List<StoreDaysMessage.Body> bodies) {
        Map<StoreRef, TreeSet<LocalDate>> daysByStore = new LinkedHashMap<>();
        for (StoreDaysMessage.Body body : bodies) {
            switch (body) {
                case StoreDaysMessage.Recent recent -> rematch.request(recent.days());
                case StoreDaysMessage.ForStore forStore -> daysByStore
                        .computeIfAbsent(forStore.request().store(), s -> new TreeSet<>())
                        .addAll(forStore.request().days());
            }
        }
        daysByStore.forEach((store, days) -> match.match(new StoreDays(store, days)));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        MatchPriming.run();
        SdkPriming.s3();
        SdkPriming.dynamo();
        SdkPriming.sqs();
        SdkPriming.sns();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {}
}
