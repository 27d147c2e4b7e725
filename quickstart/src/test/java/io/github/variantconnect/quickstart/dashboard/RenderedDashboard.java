package io.github.variantconnect.quickstart.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser rendered: the page writes each figure it shows into a {@code data-value}
 * attribute beside the formatted text, so the test reads exact numbers from the DOM — and the
 * formatted text itself, as a person sees it.
 */
record RenderedDashboard(String dom) {

  static final String[] KPIS = {"active_trains", "avg_passengers", "active_alerts", "avg_power_kw"};

  /** The value shown by the element with {@code id}, or empty when it shows none yet. */
  OptionalDouble number(String id) {
    String value = dataValue(id);
    if (value == null || value.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** The four KPI tiles, by KPI name; missing ones are absent. */
  Map<String, Double> kpis() {
    Map<String, Double> kpis = new LinkedHashMap<>();
    for (String kpi : KPIS) {
      number("kpi-" + kpi).ifPresent(v -> kpis.put(kpi, v));
    }
    return kpis;
  }

  String asOf() {
    return dataValue("as-of");
  }

  /** The text a person sees in the element with {@code id} (no nested markup expected). */
  String visibleText(String id) {
    Matcher element = Pattern.compile("<([a-z]+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</\\1>").matcher(dom);
    return element.find() ? element.group(2).replace("&nbsp;", "\u00a0").replace("&amp;", "&").strip() : null;
  }

  /** How many snapshots the page fetched and drew by itself since it loaded. */
  int refreshes() {
    Matcher m = Pattern.compile("<body[^>]*data-refreshes=\"(\\d+)\"").matcher(dom);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** True when the chart library took over the element with {@code id} and drew on a canvas. */
  boolean hasChart(String id) {
    String tag = openingTag(id);
    return tag != null && tag.contains("_echarts_instance_") && dom.contains("<canvas");
  }

  /** The number of body rows of the table with {@code id}. */
  int tableRows(String id) {
    int at = dom.indexOf("id=\"" + id + "\"");
    if (at < 0) {
      return 0;
    }
    int end = dom.indexOf("</table>", at);
    String body = dom.substring(dom.indexOf("<tbody>", at), end);
    return body.split("<tr>", -1).length - 1;
  }

  private String dataValue(String id) {
    String tag = openingTag(id);
    if (tag == null) {
      return null;
    }
    Matcher value = Pattern.compile("data-value=\"([^\"]*)\"").matcher(tag);
    return value.find() ? value.group(1) : null;
  }

  private String openingTag(String id) {
    Matcher tag = Pattern.compile("<[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(dom);
    return tag.find() ? tag.group() : null;
  }
}
