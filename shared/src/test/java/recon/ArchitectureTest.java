package recon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays free of the cloud, and the domain model free of formats and I/O. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("recon");

    @Test
    void coreDoesNotKnowAws() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(CORE);
    }

    @Test
    void domainHasNoFormatsNorIo() {
        noClasses().that().resideInAPackage("recon.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml..", "de.siegmar..", "org.dhatim..", "java.io..", "java.nio..")
                .check(CORE);
    }

    @Test
    void rulesDoNotReadFiles() {
        noClasses().that().resideInAPackage("recon.reconcile..")
                .and().doNotHaveSimpleName("ReconcileFiles")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "de.siegmar..", "org.dhatim..")
                .check(CORE);
    }
}
