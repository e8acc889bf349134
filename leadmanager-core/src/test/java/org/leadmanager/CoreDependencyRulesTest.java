package org.leadmanager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The core's structure: free of JPA and frameworks; packages layered without cycles (errors and domain at the
 * bottom, then the ports, then the API with its package-private implementation); only API types public in the API
 * package.
 */
class CoreDependencyRulesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.leadmanager");

    @Test
    void coreDependsOnlyOnJavaValidationAndLogging() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.leadmanager..", "jakarta.validation..",
                        "org.hibernate.validator..", "org.slf4j..")
                .check(CORE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        // one slice per package, the API package included
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "one slice per package";
            }
        }).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void errorsDependOnNothingElseOfTheLibrary() {
        noClasses().that().resideInAPackage("org.leadmanager.error")
                .should().dependOnClassesThat().resideInAnyPackage("org.leadmanager", "org.leadmanager.domain..",
                        "org.leadmanager.spi..")
                .check(CORE);
    }

    @Test
    void domainKnowsNothingOfTheApplicationOrPorts() {
        noClasses().that().resideInAPackage("org.leadmanager.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.leadmanager", "org.leadmanager.spi..",
                        "jakarta.validation..", "org.hibernate..")
                .check(CORE);
    }

    @Test
    void portsDoNotReachIntoTheApplication() {
        noClasses().that().resideInAPackage("org.leadmanager.spi..")
                .should().dependOnClassesThat().resideInAPackage("org.leadmanager")
                .check(CORE);
    }

    @Test
    void hostPortsAndStoreSpiAreSeparate() {
        noClasses().that().resideInAPackage("org.leadmanager.spi.host")
                .should().dependOnClassesThat().resideInAPackage("org.leadmanager.spi.store")
                .check(CORE);
    }

    @Test
    void noTypeIsJavaSerializable() {
        // events reach the store and the host as JSON (leadmanager-json), never in Java's serialized form; enums and
        // exceptions are serializable by the JDK's design, not by choice
        noClasses().that().areNotEnums().and().areNotAssignableTo(Throwable.class)
                .should().beAssignableTo(java.io.Serializable.class)
                .check(CORE);
    }

    @Test
    void implementationClassesArePackagePrivate() {
        classes().that().resideInAPackage("org.leadmanager").and().haveSimpleNameStartingWith("Default")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(CORE);
        classes().that().resideInAPackage("org.leadmanager").and().haveSimpleNameEndingWith("Service")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(CORE);
    }
}
