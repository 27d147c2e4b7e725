package io.github.variantconnect.sink.target.snowflake;

/**
 * The classic streaming SDK takes its proxy only from JVM system properties
 * (net.snowflake.ingest.utils.HttpUtil: http.useProxy, http.proxyHost, http.proxyPort,
 * http.proxyUser, http.proxyPassword, http.nonProxyHosts), so jvm.proxy.* become those, for the
 * whole worker JVM, as the official connector does with the same keys.
 */
public final class JvmProxy {

  private JvmProxy() {}

  public static void apply(ProxySettings proxy) {
    System.setProperty("http.useProxy", "true");
    for (String scheme : new String[] {"http", "https"}) {
      System.setProperty(scheme + ".proxyHost", proxy.host());
      System.setProperty(scheme + ".proxyPort", Integer.toString(proxy.port()));
    }
    if (!proxy.user().isEmpty()) {
      System.setProperty("http.proxyUser", proxy.user());
      System.setProperty("http.proxyPassword", proxy.password());
    }
    if (!proxy.nonProxyHosts().isEmpty()) {
      System.setProperty("http.nonProxyHosts", proxy.nonProxyHosts());
    }
  }
}
