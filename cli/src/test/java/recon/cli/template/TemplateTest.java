package recon.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import recon.functions.aws.Settings;
import recon.local.EmulatedStack;

/** What template.yaml must promise the code: handlers, environment, queues with DLQs, least privilege. */
class TemplateTest {
    /**
     * The environment of each function, as docs/architecture.md lists it: the Settings constants the function's
     * handler reads. A change here is a change of the design, in docs/ first.
     */
    private static final Map<String, Set<String>> ENVIRONMENT_BY_FUNCTION = Map.of(
            "ParseFunction", Set.of(Settings.TABLE_NAME, Settings.BUCKET_NAME, Settings.MATCH_QUEUE_URL,
                    Settings.ALERT_TOPIC_ARN, Settings.RETENTION_DAYS),
            "MatchFunction", Set.of(Settings.TABLE_NAME, Settings.BUCKET_NAME, Settings.MATCH_QUEUE_URL, Settings.REPORT_QUEUE_URL,
                    Settings.ALERT_TOPIC_ARN, Settings.RETENTION_DAYS, Settings.REPORT_LINKS_DOMAIN, Settings.REPORT_LINKS_KEY_ID,
                    Settings.REPORT_LINKS_SECRET, Settings.REPORT_LINKS_VALID_DAYS),
            "ReportFunction", Set.of(Settings.TABLE_NAME, Settings.BUCKET_NAME));

    /** Action names (after the service prefix) that only read. */
    private static final Pattern READ_ONLY_ACTION =
            Pattern.compile("(Get|List|Describe|Query|Scan|BatchGet|Head|Receive)[A-Za-z]*");

    private final JsonNode template = RepositoryTemplate.read();
    private final JsonNode resources = template.path("Resources");

    @Test
    void everyHandlerNamesALambdaHandlerClassOfTheBuild() throws NoSuchMethodException {
        // given the functions of the template
        assertThat(functions()).containsOnlyKeys(ENVIRONMENT_BY_FUNCTION.keySet());
        for (var function : functions().entrySet()) {
            String handler = function.getValue().path("Properties").path("Handler").asText();
            assertThat(handler).as(function.getKey()).matches("[a-z][\\w.]*\\.[A-Z]\\w*::handleRequest");

            // when the handler's class is loaded by name
            Class<?> handlerClass = loadClass(handler.substring(0, handler.indexOf("::")));

            // then Lambda can instantiate it and call it
            assertThat(RequestHandler.class).as(handler).isAssignableFrom(handlerClass);
            assertThat(handlerClass.getConstructor().getModifiers() & Modifier.PUBLIC).as(handler).isNotZero();
        }
    }

    @Test
    void everyFunctionDeploysTheJarItsModuleBuilds() throws IOException {
        String version = projectVersion();
        for (var function : functions().entrySet()) {
            String handler = function.getValue().path("Properties").path("Handler").asText();
            String module = handler.split("\\.")[2]; // recon.functions.{module}.XHandler
            Path moduleDir = RepositoryTemplate.repositoryRoot().resolve("functions/" + module);
            assertThat(function.getValue().path("Properties").path("CodeUri").asText()).as(function.getKey())
                    .isEqualTo("functions/" + module);
            assertThat(function.getValue().path("Metadata").path("BuildMethod").asText()).as(function.getKey())
                    .isEqualTo("makefile");
            // sam build runs build-{LogicalId} of the module's Makefile, which unpacks the module's shaded jar
            assertThat(Files.readString(moduleDir.resolve("Makefile")))
                    .contains("build-" + function.getKey() + ":")
                    .contains("target/recon-functions-%s-%s-lambda.jar".formatted(module, version));
            assertThat(Files.readString(moduleDir.resolve("pom.xml")))
                    .contains("<artifactId>recon-functions-" + module + "</artifactId>")
                    .contains("<shadedClassifierName>lambda</shadedClassifierName>");
        }
    }

    @Test
    void everyFunctionRunsJava21WithSnapStartBehindAnAlias() {
        for (String name : functions().keySet()) {
            assertThat(functionProperty(name, "Runtime").asText()).as(name).isEqualTo("java21");
            assertThat(functionProperty(name, "SnapStart").path("ApplyOn").asText()).as(name).isEqualTo("PublishedVersions");
            assertThat(functionProperty(name, "AutoPublishAlias").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void eachFunctionGetsExactlyTheEnvironmentItsHandlerReads() {
        for (var expected : ENVIRONMENT_BY_FUNCTION.entrySet()) {
            assertThat(environment(expected.getKey())).as(expected.getKey()).isEqualTo(new TreeSet<>(expected.getValue()));
        }
    }

    @Test
    void everySettingIsSetOnSomeFunction() throws IllegalAccessException {
        // given the names Settings declares
        Set<String> declared = new TreeSet<>();
        for (Field field : Settings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                declared.add((String) field.get(null));
            }
        }
        // when the template's environments are put together
        Set<String> set = functions().keySet().stream().flatMap(name -> environment(name).stream())
                .collect(Collectors.toCollection(TreeSet::new));

        // then none is left out
        assertThat(declared).isNotEmpty();
        assertThat(set).containsAll(declared);
    }

    @Test
    void everyQueueIsADeadLetterQueueOrRedrivesToOne() {
        Set<String> deadLetterQueues = new TreeSet<>();
        List<String> sourceQueues = new ArrayList<>();
        for (var queue : resourcesOfType("AWS::SQS::Queue").entrySet()) {
            JsonNode redrive = queue.getValue().path("Properties").path("RedrivePolicy");
            if (!redrive.isMissingNode()) {
                sourceQueues.add(queue.getKey());
                String target = redrive.path("deadLetterTargetArn").asText();
                assertThat(target).as(queue.getKey()).endsWith(".Arn");
                String deadLetterQueue = target.substring(0, target.length() - ".Arn".length());
                assertThat(resources.path(deadLetterQueue).path("Type").asText()).as(queue.getKey() + " DLQ")
                        .isEqualTo("AWS::SQS::Queue");
                assertThat(deadLetterQueues.add(deadLetterQueue)).as("DLQ shared: " + deadLetterQueue).isTrue();
                assertThat(redrive.path("maxReceiveCount").asInt()).as(queue.getKey()).isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(sourceQueues).hasSize(3);
        Set<String> all = new TreeSet<>(resourcesOfType("AWS::SQS::Queue").keySet());
        all.removeAll(sourceQueues);
        assertThat(all).as("queues without a redrive policy that are no DLQ").isEqualTo(deadLetterQueues);
    }

    @Test
    void matchAndReportQueuesAreFifoAndTheDailyRematchNamesAMessageGroup() {
        // a store's match and report runs one at a time, in order; uploads of different stores do not wait
        for (String queue : List.of("MatchQueue", "MatchDeadLetterQueue", "ReportQueue", "ReportDeadLetterQueue")) {
            JsonNode properties = resources.path(queue).path("Properties");
            assertThat(properties.path("FifoQueue").asBoolean()).as(queue).isTrue();
            assertThat(properties.path("QueueName").asText()).as(queue).endsWith(".fifo");
        }
        assertThat(resources.path("IngestQueue").path("Properties").path("FifoQueue").asBoolean()).isFalse();
        // EventBridge gives no deduplication id of its own: the queue must deduplicate by content
        assertThat(resources.path("MatchQueue").path("Properties").path("ContentBasedDeduplication").asBoolean()).isTrue();
        JsonNode target = resources.path("DailyRematchRule").path("Properties").path("Targets").get(0);
        assertThat(target.path("Arn").asText()).isEqualTo("MatchQueue.Arn");
        assertThat(target.path("SqsParameters").path("MessageGroupId").asText()).isNotBlank();
        // Lambda takes no batching window on a FIFO event source
        for (String name : functions().keySet()) {
            for (JsonNode event : functions().get(name).path("Properties").path("Events")) {
                if (List.of("MatchQueue.Arn", "ReportQueue.Arn").contains(event.path("Properties").path("Queue").asText())) {
                    assertThat(event.path("Properties").has("MaximumBatchingWindowInSeconds")).as(name).isFalse();
                }
            }
        }
    }

    @Test
    void onlyUploadsIntoAnInboxReachTheIngestQueueAsOnTheEmulator() {
        // the bucket notifies nothing itself (a prefix filter would let our own reports through): all goes to EventBridge
        JsonNode notifications = resources.path("ExportsBucket").path("Properties").path("NotificationConfiguration");
        assertThat(notifications.path("EventBridgeConfiguration").path("EventBridgeEnabled").asBoolean()).isTrue();
        assertThat(notifications.has("QueueConfigurations") || notifications.has("LambdaConfigurations")
                || notifications.has("TopicConfigurations")).isFalse();
        // one rule sends to the ingest queue: Object Created of this bucket, inbox keys only, the emulator's pattern
        List<String> rulesToIngest = resourcesOfType("AWS::Events::Rule").entrySet().stream()
                .filter(rule -> rule.getValue().path("Properties").path("Targets").findValuesAsText("Arn").contains("IngestQueue.Arn"))
                .map(Map.Entry::getKey).toList();
        assertThat(rulesToIngest).containsExactly("UploadsToIngestRule");
        JsonNode pattern = resources.path("UploadsToIngestRule").path("Properties").path("EventPattern");
        assertThat(texts(pattern.path("source"))).containsExactly("aws.s3");
        assertThat(texts(pattern.path("detail-type"))).containsExactly("Object Created");
        assertThat(texts(pattern.path("detail").path("bucket").path("name"))).containsExactly("ExportsBucket");
        JsonNode keys = pattern.path("detail").path("object").path("key");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("wildcard").asText()).isEqualTo(EmulatedStack.UPLOADS_KEY_PATTERN);
        // and the ingest queue takes messages from that rule only
        JsonNode statement = resources.path("IngestQueuePolicy").path("Properties").path("PolicyDocument").path("Statement");
        assertThat(statement).singleElement().satisfies(s -> {
            assertThat(s.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
            assertThat(texts(s.path("Condition").path("ArnEquals").path("aws:SourceArn"))).containsExactly("UploadsToIngestRule.Arn");
        });
    }

    @Test
    void everyQueueEventSourceReportsBatchItemFailuresAndOutwaitsTheFunction() {
        int sources = 0;
        for (String name : functions().keySet()) {
            int timeout = functionProperty(name, "Timeout").asInt();
            for (JsonNode event : functions().get(name).path("Properties").path("Events")) {
                if (!event.path("Type").asText().equals("SQS")) {
                    continue;
                }
                sources++;
                JsonNode properties = event.path("Properties");
                assertThat(properties.path("FunctionResponseTypes")).as(name).extracting(JsonNode::asText)
                        .contains("ReportBatchItemFailures");
                // Lambda's advice: visibility timeout at least 6 x the function timeout + the batching window
                String queue = properties.path("Queue").asText().replace(".Arn", "");
                int visibility = resources.path(queue).path("Properties").path("VisibilityTimeout").asInt();
                int window = properties.path("MaximumBatchingWindowInSeconds").asInt(0);
                assertThat(visibility).as(queue).isGreaterThanOrEqualTo(6 * timeout + window);
            }
        }
        assertThat(sources).isEqualTo(3);
    }

    @Test
    void noFunctionPolicyGrantsFullAccessOrWritesToEveryResource() {
        for (String name : functions().keySet()) {
            JsonNode policies = functions().get(name).path("Properties").path("Policies");
            assertThat(policies.isArray()).as(name + " has its own policies").isTrue();
            for (JsonNode policy : policies) {
                assertThat(policy.toString()).as(name).doesNotContainIgnoringCase("FullAccess");
                for (JsonNode statement : policy.path("Statement")) {
                    assertThat(statement.path("Sid").asText()).as(name + " statement without Sid").isNotBlank();
                    List<String> actions = texts(statement.path("Action"));
                    List<String> writes = actions.stream().filter(action -> !isReadOnly(action)).toList();
                    for (String resource : texts(statement.path("Resource"))) {
                        if (resource.equals("*") || resource.endsWith(":*")) {
                            assertThat(writes).as(name + " writes to " + resource).isEmpty();
                        }
                    }
                }
            }
        }
    }

    /**
     * The DynamoDB calls each function's adapters make (functions/aws DynamoTable: get, query, put and
     * its conditional claim, batch write, batch get, delete): the emulator grants everything, so only this
     * keeps a missing permission from failing first on AWS. Parse and match give back alert claims
     * (delete); parse looks up the anomaly ids a resolutions file names (batch get); match also deletes
     * the parts of a replaced day result; report only reads.
     */
    private static final Map<String, Set<String>> DYNAMODB_CALLS_BY_FUNCTION = Map.of(
            "ParseFunction", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:BatchWriteItem",
                    "dynamodb:DeleteItem", "dynamodb:BatchGetItem"),
            "MatchFunction", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:BatchWriteItem",
                    "dynamodb:DeleteItem"),
            "ReportFunction", Set.of("dynamodb:Query"));

    @Test
    void eachFunctionMayMakeEveryDynamoDbCallOfItsAdapters() {
        for (var expected : DYNAMODB_CALLS_BY_FUNCTION.entrySet()) {
            Set<String> granted = new TreeSet<>();
            for (JsonNode policy : functions().get(expected.getKey()).path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    texts(statement.path("Action")).stream().filter(a -> a.startsWith("dynamodb:")).forEach(granted::add);
                }
            }
            assertThat(granted).as(expected.getKey()).containsAll(expected.getValue());
        }
    }

    /**
     * The report links' distribution exists only with a public key, answers only URLs signed with its
     * key group, over HTTPS, and the bucket lets it read the reports and nothing else.
     */
    @Test
    void theReportsDistributionServesOnlySignedUrlsAndReadsOnlyReports() {
        for (String name : List.of("ReportsKeyGroup", "ReportsOriginAccessControl", "ReportsDistribution")) {
            assertThat(resources.path(name).path("Condition").asText()).as(name).isEqualTo("HasReportLinks");
        }
        JsonNode behavior = resources.path("ReportsDistribution").path("Properties").path("DistributionConfig")
                .path("DefaultCacheBehavior");
        assertThat(texts(behavior.path("TrustedKeyGroups"))).containsExactly("ReportsKeyGroup");
        assertThat(behavior.path("ViewerProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(texts(behavior.path("AllowedMethods"))).containsExactly("GET", "HEAD");

        // the bucket policy's statement behind !If [HasReportLinks, statement, NoValue]
        JsonNode conditional = null;
        for (JsonNode statement : resources.path("ExportsBucketPolicy").path("Properties").path("PolicyDocument").path("Statement")) {
            if (statement.isArray() && statement.get(0).asText().equals("HasReportLinks")) {
                conditional = statement.get(1);
            }
        }
        assertThat(conditional).as("the bucket policy's statement for the distribution").isNotNull();
        assertThat(conditional.path("Principal").path("Service").asText()).isEqualTo("cloudfront.amazonaws.com");
        assertThat(texts(conditional.path("Action"))).containsExactly("s3:GetObject");
        assertThat(texts(conditional.path("Resource"))).containsExactly("${ExportsBucket.Arn}/tenants/*/stores/*/reports/*");
        assertThat(conditional.path("Condition").path("StringEquals").path("AWS:SourceArn").asText())
                .endsWith(":distribution/${ReportsDistribution}");
    }

    @Test
    void everyDeadLetterQueueAndFunctionHasAnAlarm() {
        Set<String> watched = new TreeSet<>();
        for (JsonNode alarm : resourcesOfType("AWS::CloudWatch::Alarm").values()) {
            assertThat(alarm.path("Properties").path("AlarmActions")).as("alarm without action").isNotEmpty();
            for (JsonNode dimension : alarm.path("Properties").path("Dimensions")) {
                watched.add(dimension.path("Value").asText().replace(".QueueName", ""));
            }
        }
        Set<String> expected = new TreeSet<>(functions().keySet());
        for (JsonNode queue : resourcesOfType("AWS::SQS::Queue").values()) {
            String target = queue.path("Properties").path("RedrivePolicy").path("deadLetterTargetArn").asText();
            if (!target.isEmpty()) {
                expected.add(target.replace(".Arn", ""));
            }
        }
        assertThat(watched).containsAll(expected);
    }

    private Map<String, JsonNode> functions() {
        return resourcesOfType("AWS::Serverless::Function");
    }

    private Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new TreeMap<>();
        resources.properties().forEach(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    /** A function's property, or the Globals' one when the function has none (SAM's rule for scalars). */
    private JsonNode functionProperty(String function, String property) {
        JsonNode own = functions().get(function).path("Properties").path(property);
        return own.isMissingNode() ? template.path("Globals").path("Function").path(property) : own;
    }

    /** The environment variable names: the Globals' merged with the function's own. */
    private Set<String> environment(String function) {
        Set<String> names = new TreeSet<>();
        template.path("Globals").path("Function").path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        functions().get(function).path("Properties").path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("handler class " + name + " is not in the build", e);
        }
    }

    private static boolean isReadOnly(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return READ_ONLY_ACTION.matcher(name).matches();
    }

    private static List<String> texts(JsonNode node) {
        if (node.isArray()) {
            List<String> texts = new ArrayList<>();
            node.forEach(element -> texts.add(element.asText()));
            return texts;
        }
        return node.isMissingNode() ? List.of() : List.of(node.asText());
    }

    private static String projectVersion() throws IOException {
        String pom = Files.readString(RepositoryTemplate.repositoryRoot().resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>recon-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).as("version of recon-parent").isTrue();
        return version.group(1);
    }
}
