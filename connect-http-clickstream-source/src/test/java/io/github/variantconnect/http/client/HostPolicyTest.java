package io.github.variantconnect.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.http.config.HostAllowlist;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPolicyTest {

  private static final URI ORIGIN = URI.create("https://api.example.com/v1/events");

  @Test
  void followsOnlyTheSameHostByDefault() throws Exception {
    HostPolicy policy = new HostPolicy(new HostAllowlist(List.of()), false);

    policy.checkFollow(ORIGIN, URI.create("https://API.example.com:8443/v2"));
    assertThatThrownBy(() -> policy.checkFollow(ORIGIN, URI.create("https://evil.example.net/"))).hasMessageContaining("another host");
  }

  @Test
  void theAllowlistBindsEvenWhenOtherHostsAreAllowed() throws Exception {
    HostPolicy policy = new HostPolicy(new HostAllowlist(List.of("*.example.com")), true);

    policy.checkFollow(ORIGIN, URI.create("https://cdn.example.com/x"));
    assertThatThrownBy(() -> policy.checkFollow(ORIGIN, URI.create("https://example.org/"))).hasMessageContaining("http.allowed.hosts");
  }

  @Test
  void credentialsStayOnTheHostAndOffPlainHttp() {
    assertThat(HostPolicy.credentialsMayGo(ORIGIN, URI.create("https://api.example.com/other"))).isTrue();
    assertThat(HostPolicy.credentialsMayGo(ORIGIN, URI.create("http://api.example.com/other"))).isFalse();
    assertThat(HostPolicy.credentialsMayGo(ORIGIN, URI.create("https://cdn.example.com/"))).isFalse();
  }
}
