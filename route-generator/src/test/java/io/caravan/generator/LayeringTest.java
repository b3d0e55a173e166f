package io.caravan.generator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The compiler is pure (model in, YAML and diagnostics out): no Camel, no Kubernetes client, no
 * file system, no runtime; and one type's folder does not reach into another's.
 */
class LayeringTest {
  private static final JavaClasses GENERATOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.caravan.generator");

  @Test
  void compilerIsPure() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.camel..",
            "io.fabric8..",
            "java.nio.file..",
            "java.net..",
            "io.caravan.routes..",
            "io.caravan.controller..",
            "io.caravan.cli..")
        .because("route-generator/ is the compiler: model in, Camel YAML + diagnostics out")
        .check(GENERATOR);
  }

  @Test
  void sourceTypesAreIndependent() {
    slices()
        .matching("io.caravan.generator.source.(*)..")
        .should()
        .notDependOnEachOther()
        .check(GENERATOR);
  }

  @Test
  void triggerTypesAreIndependent() {
    slices()
        .matching("io.caravan.generator.trigger.(*)..")
        .should()
        .notDependOnEachOther()
        .check(GENERATOR);
  }
}
