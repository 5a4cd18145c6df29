package recon.functions.parse;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Core;
import org.crac.Resource;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.functions.aws.ParsePriming;
import recon.functions.aws.SdkPriming;
import recon.functions.aws.Settings;
import recon.usecase.ParseUpload;

/**
 * ParseFunction: S3 upload events from the ingest queue → {@link ParseUpload}. Messages that failed
 * (storage, network) are reported for redelivery; a message that is not an upload of this bucket
 * is logged and dropped, since no retry could make it one.
 */
public final class ParseHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final ParseUpload parse;
    private final String bucket;

    public ParseHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
    }

    public ParseHandler(AwsClients clients, Settings settings) {
        Adapters adapters = new Adapters(clients, settings, Clock.systemUTC());
        bucket = settings.require(Settings.BUCKET_NAME);
        parse = new ParseUpload(adapters.storeFiles(), adapters.storeRegistry(), adapters.matchRequests(),
                adapters.alertDispatch(), Clock.systemUTC());
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Map<String, List<ParseUpload.Upload>> byMessage = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                byMessage.put(message.getMessageId(), S3Events.uploads(message.getBody(), bucket));
            } catch (IllegalArgumentException e) {
                System.err.println("dropped message " + message.getMessageId() + ": " + e.getMessage());
            }
        }
        List<ParseUpload.Upload> uploads = new ArrayList<>();
        byMessage.values().forEach(uploads::addAll);
        Set<ParseUpload.Upload> failed = new HashSet<>(parse.parseAll(uploads));
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        byMessage.forEach((id, messageUploads) -> {
            if (messageUploads.stream().anyMatch(failed::contains)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(id));
            }
        });
        return new SQSBatchResponse(failures);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        ParsePriming.run();
        SdkPriming.s3();
        SdkPriming.dynamo();
        SdkPriming.sqs();
        SdkPriming.sns();
        S3Events.uploads("{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":"
                + "\"tenants/t1/stores/s1/inbox/%E6%94%AF%E4%BB%98%E5%AE%9D+11.csv\",\"eTag\":\"e\"}}}]}", "b");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {}
}
