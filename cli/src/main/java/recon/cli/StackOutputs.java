package recon.cli;

import java.util.HashMap;
import java.util.Map;
import recon.functions.aws.Settings;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;

/**
 * {@code replay --stack NAME}: the deployed stack's outputs (template.yaml, "Outputs") as the environment
 * variables replay reads, so an operator names the stack instead of setting nine variables.
 */
final class StackOutputs {
    /** Each output of the template, and the variable it stands for. */
    static final Map<String, String> VARIABLES = Map.of(
            "TableName", Settings.TABLE_NAME,
            "ExportsBucketName", Settings.BUCKET_NAME,
            "AlertsTopicArn", Settings.ALERT_TOPIC_ARN,
            "IngestQueueUrl", ReplayCommand.INGEST_QUEUE_URL,
            "IngestDeadLetterQueueUrl", ReplayCommand.INGEST_DLQ_URL,
            "MatchQueueUrl", Settings.MATCH_QUEUE_URL,
            "MatchDeadLetterQueueUrl", ReplayCommand.MATCH_DLQ_URL,
            "ReportQueueUrl", Settings.REPORT_QUEUE_URL,
            "ReportDeadLetterQueueUrl", ReplayCommand.REPORT_DLQ_URL);

    private StackOutputs() {}

    /** The variables the outputs give; outputs the template does not name are left out. */
    static Map<String, String> asVariables(Map<String, String> outputs) {
        Map<String, String> variables = new HashMap<>();
        outputs.forEach((key, value) -> {
            if (VARIABLES.containsKey(key)) {
                variables.put(VARIABLES.get(key), value);
            }
        });
        return variables;
    }

    /** The outputs of the stack, read with the caller's AWS credentials and region. */
    static Map<String, String> read(String stack) {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build()).build()) {
            Map<String, String> outputs = new HashMap<>();
            for (Output output : cloudFormation.describeStacks(b -> b.stackName(stack)).stacks().getFirst().outputs()) {
                outputs.put(output.outputKey(), output.outputValue());
            }
            return outputs;
        } catch (CloudFormationException e) {
            throw new Args.UsageException("--stack " + stack + "：找不到该堆栈或无权读取 cannot be read ("
                    + e.awsErrorDetails().errorMessage() + ")");
        }
    }
}
