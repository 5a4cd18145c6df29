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
import recon.functions.aws.MatchPriming;
import recon.functions.aws.SdkPriming;
import recon.functions.aws.Settings;
import recon.functions.aws.StoreDaysMessage;
import recon.port.StoreDays;
import recon.port.StoreRef;
import recon.usecase.MatchStores;
import recon.usecase.RematchRecent;

/**
 * MatchFunction: match requests → {@link MatchStores}, one run per store with all the days its
 * messages ask for. A store that fails fails all of its messages. The daily {"recentDays": n} is not
 * matched here: it becomes one match request per known store, sent back to the queue in the store's
 * message group, so that it runs in turn with the store's other runs and never beside them.
 */
public final class MatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final MatchStores match;
    private final RematchRecent rematch;

    public MatchHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
    }

    public MatchHandler(AwsClients clients, Settings settings) {
        Adapters adapters = new Adapters(clients, settings, Clock.systemUTC());
        match = new MatchStores(adapters.storeFiles(), adapters.resultStore(), adapters.reportRequests(),
                adapters.alertDispatch());
        rematch = new RematchRecent(adapters.storeRegistry(), adapters.matchRequests(), Clock.systemUTC());
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Map<StoreRef, TreeSet<LocalDate>> daysByStore = new LinkedHashMap<>();
        Map<StoreRef, List<String>> messagesByStore = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            StoreDaysMessage.Body body;
            try {
                body = StoreDaysMessage.decode(message.getBody());
            } catch (IllegalArgumentException e) {
                System.err.println("dropped message " + message.getMessageId() + ": " + e.getMessage());
                continue;
            }
            switch (body) {
                case StoreDaysMessage.Recent recent -> {
                    try {
                        rematch.request(recent.days());
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                    }
                }
                case StoreDaysMessage.ForStore forStore -> {
                    StoreRef store = forStore.request().store();
                    daysByStore.computeIfAbsent(store, s -> new TreeSet<>()).addAll(forStore.request().days());
                    messagesByStore.computeIfAbsent(store, s -> new ArrayList<>()).add(message.getMessageId());
                }
            }
        }
        daysByStore.forEach((store, days) -> {
            try {
                match.match(new StoreDays(store, days));
            } catch (RuntimeException e) {
                System.err.println("cannot match " + store + ": " + e);
                messagesByStore.get(store).forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
            }
        });
        return new SQSBatchResponse(failures);
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
