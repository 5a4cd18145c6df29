package recon.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import recon.ProductArchitecture;

/**
 * The local runner plays AWS (the emulator, Lambda's polling): it runs whatever handlers it is given
 * and knows nothing of the core, so that what it shows is the functions' own work.
 */
class LocalRunnerArchitectureTest {
    private static final JavaClasses RUNNER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("recon.local");

    @Test
    void theRunnerKnowsNoCoreAndNoHandler() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(ProductArchitecture.CORE_PACKAGES)
                .check(RUNNER);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("recon.functions.parse..",
                "recon.functions.match..", "recon.functions.report..", "recon.cli..", "recon.bench..", "recon.sample..")
                .check(RUNNER);
    }
}
