package recon.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model is plain Java: no format, no I/O, nothing of the project outside it. */
class DomainArchitectureTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("recon.domain");

    @Test
    void theModelUsesOnlyTheJdksLanguageTimeAndCollections() {
        classes().that().resideInAPackage("recon.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "recon.domain..", "java.lang..", "java.time..", "java.util..", "java.math..")
                .check(DOMAIN);
    }
}
