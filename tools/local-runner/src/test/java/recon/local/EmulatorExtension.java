package recon.local;

import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import recon.functions.aws.AwsClients;

/**
 * Gives tests an AWS emulator, one per test run, as a {@link URI} (the endpoint) or {@link AwsClients}
 * parameter: AWS_ENDPOINT_URL when set; else LocalStack in a container when Docker is available;
 * else moto from the project's virtualenv. Stopped when the run ends.
 */
public final class EmulatorExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);
    private static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == URI.class || type == AwsClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Running running = store.computeIfAbsent(Running.class, type -> start(), Running.class);
        return parameter.getParameter().getType() == URI.class ? running.endpoint() : running.clients();
    }

    /** The emulator of this test run; the store closes it when the run ends. */
    private record Running(URI endpoint, AwsClients clients, AutoCloseable stop) implements AutoCloseable {
        Running(URI endpoint, AutoCloseable stop) {
            this(endpoint, AwsClients.forEndpoint(endpoint), stop);
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private static Running start() {
        String configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured == null || configured.isBlank()) {
            if (dockerAvailable()) {
                return LocalStack.start();
            }
        }
        // AWS_ENDPOINT_URL set, or no Docker: Emulator uses the first and falls back to moto
        Emulator emulator = Emulator.start();
        return new Running(emulator.endpoint(), emulator);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that the container classes load only when Docker is there. */
    private static final class LocalStack {
        static Running start() {
            LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                    .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.SQS,
                            LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SNS);
            container.start();
            return new Running(container.getEndpoint(), container::stop);
        }
    }
}
