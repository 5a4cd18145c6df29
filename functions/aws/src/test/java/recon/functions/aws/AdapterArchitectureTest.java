package recon.functions.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The adapters: one class talks to DynamoDB, the adapters serve the ports and never run a use case. */
class AdapterArchitectureTest {
    private static final JavaClasses ADAPTERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("recon.functions.aws");

    @Test
    void onlyTheTableTalksToDynamoDb() {
        noClasses().that().doNotHaveSimpleName("DynamoTable").and().doNotHaveSimpleName("AwsClients")
                .and().doNotHaveSimpleName("SdkPriming")
                .should().dependOnClassesThat().belongToAnyOf(DynamoDbClient.class)
                .check(ADAPTERS);
    }

    @Test
    void adaptersRunNoUseCase() {
        noClasses().should().dependOnClassesThat().resideInAPackage("recon.usecase..").check(ADAPTERS);
    }
}
