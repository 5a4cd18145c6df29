package recon.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bench times the product as it is used — the engine through the command line in a child JVM, the
 * functions through their handlers and jars — never by calling the rules itself, so that what it
 * measures is what users run.
 */
class BenchArchitectureTest {
    private static final JavaClasses BENCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("recon.bench");

    @Test
    void theBenchCallsNoRuleNoReaderAndNoUseCase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("recon.ingest..", "recon.reconcile..",
                "recon.report..", "recon.usecase..", "recon.storage..")
                .check(BENCH);
    }
}
