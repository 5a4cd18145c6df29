package recon.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import recon.ProductArchitecture;

/**
 * The whole product as the command line ships it — the model, the core, the adapters, the handlers, the
 * CLI — with the tools it uses beside it, all on one class path: here a core class that reached for the
 * AWS SDK or the generator would compile, and this test is what stops it.
 */
class ProductArchitectureTest {
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
            .importPackages("recon");

    @Test
    void theCoreKnowsNoCloudNoToolAndNoEntryPoint() {
        noClasses().that().resideInAnyPackage(ProductArchitecture.CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(ProductArchitecture.NOT_FOR_THE_CORE)
                .check(ALL);
    }

    @Test
    void onlyTheCommandLineAndTheBenchUseTheGenerator() {
        noClasses().that().resideOutsideOfPackages("recon.cli..", "recon.bench..", "recon.sample..")
                .should().dependOnClassesThat().resideInAPackage("recon.sample..")
                .check(ALL);
    }

    @Test
    void theFunctionsUseNoToolAndNoCommand() {
        noClasses().that().resideInAPackage("recon.functions..")
                .should().dependOnClassesThat().resideInAnyPackage("recon.cli..", "recon.sample..", "recon.local..", "recon.bench..")
                .check(ALL);
    }

    @Test
    void theToolsAreNotUsedByTheCommandsCore() {
        noClasses().that().resideInAnyPackage(ProductArchitecture.TOOLS)
                .should().dependOnClassesThat().resideInAPackage("recon.cli..")
                .check(ALL);
    }

    @Test
    void noCycleBetweenTheRooms() {
        slices().matching("recon.(*)..").should().beFreeOfCycles().check(ALL);
        slices().matching("recon.functions.(*)..").should().beFreeOfCycles().check(ALL);
    }
}
