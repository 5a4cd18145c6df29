package recon.functions.parse;

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
import recon.functions.aws.ParsePriming;
import recon.functions.aws.PartialBatch;
import recon.functions.aws.SdkPriming;
import recon.functions.aws.Settings;
import recon.usecase.ParseUpload;

/**
 * ParseFunction: upload events from the ingest queue → {@link ParseUpload}, all uploads of the batch
 * together (one match request per store). A message is retried when one of its uploads failed (storage,
 * network); one that is not an upload event of this bucket is dropped, since no retry could make it one.
 */
public final class ParseHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final ParseUpload parse;
    private final String bucket;

    public ParseHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
        JsonLog.toStandardOutput();
    }

    public ParseHandler(AwsClients clients, Settings settings) {
        this(new Adapters(clients, settings, Clock.systemUTC()), settings.require(Settings.BUCKET_NAME));
    }

    private ParseHandler(Adapters adapters, String bucket) {
        this(new ParseUpload(adapters.storeFiles(), adapters.resultStore(), adapters.storeRegistry(), adapters.matchRequests(),
                adapters.alertDispatch(), Clock.systemUTC()), bucket);
    }

    /** The handler around a parse stage built from other ports (the tests' in-memory ones). */
    ParseHandler(ParseUpload parse, String bucket) {
        this.parse = parse;
        this.bucket = bucket;
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.together(event, body -> S3Events.uploads(body, bucket), parse::parseAll);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        ParsePriming.run();
        SdkPriming.s3();
        SdkPriming.dynamo();
        SdkPriming.sqs();
        SdkPriming.sns();
        S3Events.uploads("{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"tenants/t1/stores/s1/inbox/支付宝 11.csv\",\"etag\":\"e\"}}}", "b");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {}
}
