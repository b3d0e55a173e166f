package io.caravan.routes.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MapSecretStoreTest {
  @Test
  void holdsSecretsAndConfigMapsSeparately() {
    MapSecretStore store =
        new MapSecretStore()
            .putSecret("auth", Map.of("token", "t0k3n", "user", "bob"))
            .putConfigMap("auth", "token", "not-a-secret");

    assertThat(store.secret("auth", "token")).contains("t0k3n");
    assertThat(store.secretRef("auth/user")).contains("bob");
    assertThat(store.configMap("auth", "token")).contains("not-a-secret");
    assertThat(store.secret("auth", "missing")).isEmpty();
    assertThat(store.configMap("other", "x")).isEmpty();
  }

  @Test
  void laterValuesReplaceEarlierOnes() {
    MapSecretStore store = new MapSecretStore().putSecret("a", "k", "1").putSecret("a", "k", "2");
    assertThat(store.secret("a", "k")).contains("2");
  }

  @Test
  void toStringNamesButNeverShowsValues() {
    MapSecretStore store = new MapSecretStore().putSecret("auth", "token", "t0k3n");
    assertThat(store.toString()).contains("auth").doesNotContain("t0k3n");
  }
}
