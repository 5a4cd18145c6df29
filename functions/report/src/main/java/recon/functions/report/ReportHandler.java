package recon.functions.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import org.crac.Core;
import org.crac.Resource;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.functions.aws.JsonLog;
import recon.functions.aws.PartialBatch;
import recon.functions.aws.ReportPriming;
import recon.functions.aws.SdkPriming;
import recon.functions.aws.Settings;
import recon.functions.aws.StoreDaysMessage;
import recon.port.StoreDays;
import recon.usecase.WriteReports;

/**
 * ReportFunction: report requests → {@link WriteReports}, message by message in their order; after one
 * of a store's requests fails, the store's later ones in the batch wait for it (FIFO short-circuit).
 */
public final class ReportHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final WriteReports reports;

    public ReportHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
        JsonLog.toStandardOutput();
    }

    public ReportHandler(AwsClients clients, Settings settings) {
        this(new WriteReports(new Adapters(clients, settings, Clock.systemUTC()).storeFiles()));
    }

    /** The handler around a report stage built from other ports (the tests' in-memory ones). */
    ReportHandler(WriteReports reports) {
        this.reports = reports;
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.inOrder(event, ReportHandler::request, reports::write);
    }

    /** A report request; the match queue's daily {"recentDays": n} is no report request. */
    private static StoreDays request(String body) {
        if (StoreDaysMessage.decode(body) instanceof StoreDaysMessage.ForStore forStore) {
            return forStore.request();
        }
        throw new IllegalArgumentException("not a report request");
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
