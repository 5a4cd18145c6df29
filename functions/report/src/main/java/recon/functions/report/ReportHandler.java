package recon.functions.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crac.Core;
import org.crac.Resource;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.functions.aws.ReportPriming;
import recon.functions.aws.SdkPriming;
import recon.functions.aws.Settings;
import recon.functions.aws.StoreDaysMessage;
import recon.port.StoreRef;
import recon.usecase.WriteReports;

/** ReportFunction: report requests → {@link WriteReports}, message by message. */
public final class ReportHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final WriteReports reports;

    public ReportHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
    }

    public ReportHandler(AwsClients clients, Settings settings) {
        Adapters adapters = new Adapters(clients, settings, Clock.systemUTC());
        reports = new WriteReports(adapters.storeFiles());
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        // the queue keeps a store's requests in order (FIFO): after one fails, the store's later ones wait for it
        Set<StoreRef> failedStores = new HashSet<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            StoreDaysMessage.Body body;
            try {
                body = StoreDaysMessage.decode(message.getBody());
            } catch (IllegalArgumentException e) {
                System.err.println("dropped message " + message.getMessageId() + ": " + e.getMessage());
                continue;
            }
            if (!(body instanceof StoreDaysMessage.ForStore forStore)) {
                System.err.println("dropped message " + message.getMessageId() + ": not a report request");
                continue;
            }
            StoreRef store = forStore.request().store();
            if (failedStores.contains(store)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            try {
                reports.write(forStore.request());
            } catch (RuntimeException e) {
                System.err.println("cannot write the reports of " + store + ": " + e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                failedStores.add(store);
            }
        }
        return new SQSBatchResponse(failures);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        ReportPriming.run();
        SdkPriming.s3();
        SdkPriming.dynamo();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {}
}
