package recon.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The generator writes exports as sellers get them; it uses the model's vocabulary and the writers of
 * the formats, never the core's readers or rules: a planted anomaly must not be planted by the code
 * that is to find it.
 */
class GeneratorArchitectureTest {
    private static final JavaClasses GENERATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("recon.sample");

    @Test
    void theGeneratorUsesOnlyTheModelAndTheFormatWriters() {
        classes().that().resideInAPackage("recon.sample..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("recon.sample..", "recon.domain..",
                        "java..", "com.fasterxml.jackson.jr..", "org.dhatim.fastexcel")
                .check(GENERATOR);
    }
}
