package io.caravan.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CR model is data only: no I/O (a {@code Path} may name where a manifest came from, but
 * nothing here reads files or talks to a network), no Kubernetes client, no Camel, no other module.
 */
class LayeringTest {
  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.caravan.api");

  @Test
  void modelDoesNoIo() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.channels..")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching(
            "java\\.io\\.(File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile)")
        .because("api/ is the CR model: data only, the CLI and the controller read files")
        .check(API);
  }

  @Test
  void modelDependsOnNoOtherModuleOrFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..",
            "org.apache.camel..",
            "io.caravan.expr..",
            "io.caravan.generator..",
            "io.caravan.routes..",
            "io.caravan.controller..",
            "io.caravan.cli..")
        .check(API);
  }
}
