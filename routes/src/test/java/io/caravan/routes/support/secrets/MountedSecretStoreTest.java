package io.caravan.routes.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountedSecretStoreTest {
  @TempDir Path base;

  private void write(String relative, String content) throws Exception {
    Path file = base.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void readsSecretsAndConfigMapsTrimmingOneTrailingNewline() throws Exception {
    write("secrets/webhook-auth/token", "s3cr3t\n");
    write("secrets/tls/key", "line1\nline2\r\n");
    write("config/settings/mode", "fast");
    write("config/settings/blank", "\n\n");
    MountedSecretStore store = new MountedSecretStore(base);

    assertThat(store.secret("webhook-auth", "token")).contains("s3cr3t");
    assertThat(store.secretRef("webhook-auth/token")).contains("s3cr3t");
    assertThat(store.secret("tls", "key")).contains("line1\nline2");
    assertThat(store.configMap("settings", "mode")).contains("fast");
    assertThat(store.configMap("settings", "blank")).contains("\n");
  }

  @Test
  void missingValuesAreEmptyAndSecretsAreNotConfigMaps() throws Exception {
    write("secrets/only-secret/key", "v");
    MountedSecretStore store = new MountedSecretStore(base);

    assertThat(store.secret("absent", "key")).isEmpty();
    assertThat(store.secret("only-secret", "other")).isEmpty();
    assertThat(store.configMap("only-secret", "key")).isEmpty();
  }

  @Test
  void rejectsPathsThatLeaveTheMount() throws Exception {
    write("secrets/a/b", "v");
    MountedSecretStore store = new MountedSecretStore(base);

    assertThatThrownBy(() -> store.secret("..", "secrets"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.secret("a", "../../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.secretRef("no-key")).hasMessageContaining("name/key");
  }

  @Test
  void defaultsToArgoEventsMountDirectory() {
    assertThat(new MountedSecretStore().baseDir()).isEqualTo(Path.of("/argo-events"));
  }
}
