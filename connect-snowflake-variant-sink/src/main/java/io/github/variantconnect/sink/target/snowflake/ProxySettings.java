package io.github.variantconnect.sink.target.snowflake;

/** An HTTP proxy from jvm.proxy.*; the password is a secret and never printed. */
public record ProxySettings(String host, int port, String user, String password, String nonProxyHosts) {
  @Override
  public String toString() {
    return host + ":" + port + (user.isEmpty() ? "" : " as " + user);
  }
}
