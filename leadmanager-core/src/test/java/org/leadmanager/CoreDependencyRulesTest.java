package org.leadmanager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays free of JPA and frameworks, and the domain free of the application layer. */
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
    void domainKnowsNothingOfServicesOrPorts() {
        noClasses().that().resideInAPackage("org.leadmanager.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.leadmanager.internal..", "org.leadmanager.spi..",
                        "jakarta.validation..", "org.hibernate..")
                .check(CORE);
    }

    @Test
    void portsDoNotReachIntoServices() {
        noClasses().that().resideInAPackage("org.leadmanager.spi..")
                .should().dependOnClassesThat().resideInAPackage("org.leadmanager.internal..")
                .check(CORE);
    }
}
