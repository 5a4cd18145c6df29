package recon.functions.parse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A thin handler: the event in, the use case called, the batch response out; the SDK and the rules are elsewhere. */
class ParseHandlerArchitectureTest {
    private static final JavaClasses HANDLER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("recon.functions.parse");

    @Test
    void theHandlerReachesTheWorldOnlyThroughTheAdapters() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..",
                "recon.ingest..", "recon.reconcile..", "recon.report..", "recon.storage..", "recon.config..")
                .check(HANDLER);
    }
}
