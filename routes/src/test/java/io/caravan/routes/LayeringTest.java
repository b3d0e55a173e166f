package io.caravan.routes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The runtime takes what the compiler decided from the generated YAML, never from the compiler's
 * classes; source and trigger types live in their own folders and share only {@code support/},
 * {@code event/} and the stage packages.
 */
class LayeringTest {
  private static final JavaClasses ROUTES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.caravan.routes");

  @Test
  void runtimeDoesNotUseTheCompilerOrTheOperator() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.caravan.generator..", "io.caravan.controller..", "io.caravan.cli..")
        .because("the generated YAML is the contract between compiler and runtime")
        .check(ROUTES);
  }

  @Test
  void supportDependsOnNoStage() {
    noClasses()
        .that()
        .resideInAPackage("io.caravan.routes.support..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.caravan.routes.source..",
            "io.caravan.routes.trigger..",
            "io.caravan.routes.sensor..",
            "io.caravan.routes.delivery..",
            "io.caravan.routes.runtime..")
        .check(ROUTES);
  }

  @Test
  void sourceTypesAreIndependent() {
    slices()
        .matching("io.caravan.routes.source.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            DescribedPredicate.alwaysTrue(),
            JavaClass.Predicates.resideInAPackage("io.caravan.routes.source.webhook"))
        .because("a webhook-style type may build on the shared webhook server's provider API only")
        .check(ROUTES);
  }

  @Test
  void triggerTypesAreIndependent() {
    slices()
        .matching("io.caravan.routes.trigger.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            DescribedPredicate.alwaysTrue(),
            JavaClass.Predicates.resideInAPackage("io.caravan.routes.trigger.artifact"))
        .because("trigger types share only trigger/ itself and its artifact readers")
        .check(ROUTES);
  }

  @Test
  void sharedStagesNameNoType() {
    noClasses()
        .that()
        .resideInAnyPackage("io.caravan.routes.trigger", "io.caravan.routes.source")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "io.caravan.routes.trigger.(*)..", "io.caravan.routes.source.(*)..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAPackage(
                            "io.caravan.routes.trigger.artifact"))))
        .because("a type registers itself (ServiceLoader); the shared code lists no types")
        .check(ROUTES);
  }
}
