package io.caravan.controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The operator compiles manifests and manages workloads; it never runs routes. */
class LayeringTest {
  private static final JavaClasses CONTROLLER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.caravan.controller");

  @Test
  void controllerUsesNoCamelAndNoRuntime() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.camel..", "io.caravan.routes..", "io.caravan.cli..")
        .check(CONTROLLER);
  }
}
