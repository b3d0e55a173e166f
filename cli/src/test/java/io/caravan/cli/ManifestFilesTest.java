package io.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFilesTest {

  @Test
  void readsDirectoriesRecursivelyInSortedOrderAndIgnoresOtherFiles(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("b/nested"));
    Files.writeString(dir.resolve("b/nested/z.yml"), "kind: ConfigMap\napiVersion: v1\n");
    Files.writeString(dir.resolve("a.yaml"), "kind: Secret\napiVersion: v1\n");
    Files.writeString(dir.resolve("notes.txt"), "kind: Ignored\n");
    Files.write(dir.resolve("binary.yaml"), new byte[] {0, 1, 2, (byte) 0xff});

    List<Manifest> manifests = ManifestFiles.read(dir);

    assertThat(manifests).hasSize(3);
    assertThat(manifests.get(0).kind()).isEqualTo("Secret");
    assertThat(manifests.get(1).kind()).isEqualTo("ConfigMap");
    assertThat(manifests.get(2).file().getFileName().toString()).isEqualTo("binary.yaml");
    assertThat(manifests.get(2).error()).isNotNull();
  }

  @Test
  void reportsAMissingPathInsteadOfThrowing() {
    List<Manifest> manifests = ManifestFiles.read(Path.of("does/not/exist.yaml"));

    assertThat(manifests)
        .singleElement()
        .extracting(Manifest::error)
        .asString()
        .contains("no such file");
  }
}
