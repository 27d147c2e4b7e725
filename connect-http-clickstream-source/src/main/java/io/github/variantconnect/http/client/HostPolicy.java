package io.github.variantconnect.http.client;

import io.github.variantconnect.http.config.HostAllowlist;
import java.net.URI;
import java.util.Locale;

/**
 * Where requests may go. Every URL must pass the allowlist; a redirect or next-page link must stay on
 * the endpoint's host unless other hosts are allowed, and credentials go only to that host.
 */
public final class HostPolicy {

  private final HostAllowlist allowlist;
  private final boolean otherHostsAllowed;

  public HostPolicy(HostAllowlist allowlist, boolean otherHostsAllowed) {
    this.allowlist = allowlist;
    this.otherHostsAllowed = otherHostsAllowed;
  }

  /** Throws when {@code target}, reached from {@code origin} by a redirect or link, may not be requested. */
  public void checkFollow(URI origin, URI target) throws RequestRefusedException {
    checkAllowed(target);
    if (!sameHost(origin, target) && !otherHostsAllowed) {
      throw new RequestRefusedException("refusing to follow " + origin.getHost() + " to another host ("
          + target.getHost() + "); set http.redirects.other.hosts=true to allow it");
    }
  }

  public void checkAllowed(URI target) throws RequestRefusedException {
    if (!allowlist.allows(target)) {
      throw new RequestRefusedException("host " + target.getHost() + " is not in http.allowed.hosts");
    }
  }

  /** Credentials follow to the same host only, and never from https down to plain http. */
  public static boolean credentialsMayGo(URI origin, URI target) {
    boolean downgrade = "https".equalsIgnoreCase(origin.getScheme()) && !"https".equalsIgnoreCase(target.getScheme());
    return sameHost(origin, target) && !downgrade;
  }

  public static boolean sameHost(URI a, URI b) {
    return a.getHost() != null && b.getHost() != null
        && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT));
  }
}
