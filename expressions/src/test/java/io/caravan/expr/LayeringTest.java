package io.caravan.expr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Argo's expression languages and shared parsers: pure functions, used by compiler and runtime. */
class LayeringTest {
  private static final JavaClasses EXPRESSIONS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.caravan.expr");

  @Test
  void expressionsDependOnNoFrameworkAndNoOtherModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..",
            "org.apache.camel..",
            "java.nio.file..",
            "io.caravan.api..",
            "io.caravan.generator..",
            "io.caravan.routes..",
            "io.caravan.controller..",
            "io.caravan.cli..")
        .check(EXPRESSIONS);
  }
}
