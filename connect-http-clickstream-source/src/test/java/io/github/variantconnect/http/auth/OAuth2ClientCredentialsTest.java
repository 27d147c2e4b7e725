package io.github.variantconnect.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OAuth2ClientCredentialsTest {

  private Instant now = Instant.parse("2026-01-05T07:30:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  private String authorization(Authenticator auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://h/"));
    auth.apply(request);
    return request.build().headers().firstValue("Authorization").orElse(null);
  }

  @Test
  void reusesTheTokenUntilItsRenewalTimeThenFetchesAnother() throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    TokenSource tokens = () -> {
      Instant expires = now.plus(Duration.ofMinutes(10));
      return new AccessToken("t" + fetched.incrementAndGet(), expires, expires.minusSeconds(30));
    };
    OAuth2ClientCredentials auth = new OAuth2ClientCredentials(tokens, clock);

    assertThat(authorization(auth)).isEqualTo("Bearer t1");
    now = now.plus(Duration.ofMinutes(9));
    assertThat(authorization(auth)).isEqualTo("Bearer t1");
    now = now.plus(Duration.ofSeconds(31));
    assertThat(authorization(auth)).isEqualTo("Bearer t2");
    assertThat(auth.renewAfterUnauthorized()).isTrue();
    assertThat(authorization(auth)).isEqualTo("Bearer t3");
    assertThat(auth.toString()).doesNotContain("t3");
  }
}
