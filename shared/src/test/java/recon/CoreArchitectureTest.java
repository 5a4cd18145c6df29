package recon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's rooms and the order they stand in (docs/architecture.md): the model at the bottom, the
 * readers, the rules and the reports above it, then the ports, the storage format, the alerts and the
 * use cases on top. A class that reaches up, or sideways where no arrow is drawn, fails here.
 */
class CoreArchitectureTest {
    /** The core's main classes, with the model's and whatever else of the project is on the test class path. */
    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
            .importPackages("recon");

    @Test
    void layersAreUsedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("recon.domain..")
                .layer("config").definedBy("recon.config..")
                .layer("ingest").definedBy("recon.ingest..")
                .layer("reconcile").definedBy("recon.reconcile..")
                .layer("report").definedBy("recon.report..")
                .layer("port").definedBy("recon.port..")
                .layer("storage").definedBy("recon.storage..")
                .layer("alert").definedBy("recon.alert..")
                .layer("usecase").definedBy("recon.usecase..")
                .whereLayer("usecase").mayNotBeAccessedByAnyLayer()
                .whereLayer("alert").mayOnlyBeAccessedByLayers("usecase")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("usecase")
                .whereLayer("port").mayOnlyBeAccessedByLayers("storage", "alert", "usecase")
                .whereLayer("report").mayOnlyBeAccessedByLayers("storage", "usecase")
                .whereLayer("reconcile").mayOnlyBeAccessedByLayers("report", "usecase")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("usecase")
                .whereLayer("config").mayOnlyBeAccessedByLayers("usecase")
                .check(CORE);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("recon.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theCoreKnowsNoCloudNoToolAndNoEntryPoint() {
        noClasses().that().resideInAnyPackage(ProductArchitecture.CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(ProductArchitecture.NOT_FOR_THE_CORE)
                .check(CORE);
    }

    @Test
    void theRulesReadNoFileAndNoFormat() {
        noClasses().that().resideInAnyPackage("recon.reconcile..", "recon.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.io..", "java.nio.file..", "java.nio.channels..", "de.siegmar..", "org.dhatim..",
                        "com.fasterxml..")
                .check(CORE);
    }
}
