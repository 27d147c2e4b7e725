package io.github.variantconnect.http.config;

import java.util.List;
import org.apache.kafka.common.config.types.Password;

/** TLS material and the hosts requests may reach. */
public record SafetySettings(
    boolean verifyTls,
    String truststoreLocation,
    Password truststorePassword,
    String truststoreType,
    String keystoreLocation,
    Password keystorePassword,
    Password keyPassword,
    String keystoreType,
    boolean redirectsToOtherHosts,
    List<String> allowedHosts) {

  @Override
  public String toString() {
    return "SafetySettings[verifyTls=" + verifyTls + ", allowedHosts=" + allowedHosts + "]";
  }
}
