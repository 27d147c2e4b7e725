package io.github.variantconnect.http.source;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of RFC 8288 {@code Link} headers. */
final class LinkHeader {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(\"([^\"]*)\"|([^\\s;,]+))");

  private LinkHeader() {}

  /** The URI reference of the next page, or null when there is none. */
  static String next(HttpHeaders headers) {
    for (String value : headers.allValues("Link")) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        while (rel.find()) {
          String rels = rel.group(2) != null ? rel.group(2) : rel.group(3);
          for (String r : rels.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (r.equals("next")) {
              return link.group(1).trim();
            }
          }
        }
      }
    }
    return null;
  }
}
