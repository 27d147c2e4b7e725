// Live dashboard: polls /api/dashboard (answers the server keeps ready from the DuckDB views) and
// redraws. A failed poll or a panel without rows leaves the previous picture in place.
"use strict";

const PALETTE = ["#2563eb", "#16a34a", "#ea580c", "#9333ea", "#0891b2", "#db2777", "#ca8a04", "#4b5563"];
const MUTED = "#94a3b8";
const charts = {};
let refreshes = 0;
let lastGood = null;

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
  }
  return charts[id];
}

function fmt(value, digits) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return "–";
  }
  return Number(value).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function money(value) {
  return value === null || value === undefined ? "–" : "$" + fmt(value, 0);
}

function setValue(id, raw, text) {
  const el = document.getElementById(id);
  el.dataset.value = raw === null || raw === undefined ? "" : String(raw);
  el.textContent = text;
}

function rows(data, key) {
  const panel = data.panels[key];
  return panel && panel.rows ? panel.rows : [];
}

function lineColors(lineIds) {
  const colors = {};
  [...new Set(lineIds)].sort().forEach((id, i) => { colors[id] = PALETTE[i % PALETTE.length]; });
  return colors;
}

function shortTime(iso) {
  return iso ? iso.substring(11, 19) : "";
}

function renderKpis(data) {
  const kpi = rows(data, "kpis")[0];
  if (!kpi) {
    return;
  }
  setValue("kpi-active_trains", kpi.active_trains, fmt(kpi.active_trains, 0));
  setValue("kpi-avg_passengers", kpi.avg_passengers, fmt(kpi.avg_passengers, 1));
  setValue("kpi-active_alerts", kpi.active_alerts, fmt(kpi.active_alerts, 0));
  setValue("kpi-avg_power_kw", kpi.avg_power_kw, fmt(kpi.avg_power_kw, 1) + " kW");
  document.getElementById("kpi-reporting_trains").textContent = "of " + fmt(kpi.reporting_trains, 0) + " reporting";
  setValue("as-of", kpi.as_of, kpi.as_of ? kpi.as_of.replace("T", " ").replace("Z", " UTC") : "–");
}

function timelineOption(points, field, color, unit) {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 12, bottom: 28 },
    tooltip: { trigger: "axis", valueFormatter: (v) => fmt(v, 1) + unit },
    xAxis: { type: "time", splitNumber: 6, axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", scale: true },
    series: [{
      type: "line",
      showSymbol: false,
      smooth: 0.2,
      lineStyle: { width: 2, color: color },
      areaStyle: { opacity: 0.12, color: color },
      data: points.map((p) => [p.event_time, p[field]]),
    }],
  };
}

function renderTimelines(data) {
  const points = rows(data, "timeline");
  if (points.length === 0) {
    return;
  }
  chart("chart-passengers").setOption(timelineOption(points, "avg_passengers", "#2563eb", ""));
  chart("chart-power").setOption(timelineOption(points, "avg_power_kw", "#ea580c", " kW"));
}

function renderNetwork(data) {
  const stations = rows(data, "stations");
  const trains = rows(data, "positions").filter((t) => t.latitude !== null && t.longitude !== null);
  if (trains.length === 0 && stations.length === 0) {
    return;
  }
  const colors = lineColors(stations.map((s) => s.line_id).concat(trains.map((t) => t.line_id)));
  const byLine = {};
  stations.forEach((s) => { (byLine[s.line_id] = byLine[s.line_id] || []).push(s); });
  const series = Object.keys(byLine).sort().map((line) => ({
    name: line,
    type: "line",
    silent: true,
    symbol: "circle",
    symbolSize: 5,
    lineStyle: { width: 4, color: colors[line], opacity: 0.55 },
    itemStyle: { color: "#ffffff", borderColor: colors[line], borderWidth: 1.5 },
    data: byLine[line].map((s) => [s.longitude, s.latitude, s.station_id]),
    z: 1,
  }));
  series.push({
    name: "trains",
    type: "scatter",
    z: 3,
    symbolSize: (v) => 6 + Math.min(10, (v[3] || 0) / 80),
    data: trains.map((t) => ({
      value: [t.longitude, t.latitude, t.train_id, t.passenger_count, t.status, t.speed_kmh, t.line_id],
      itemStyle: {
        color: t.status === "OUT_OF_SERVICE" ? MUTED : colors[t.line_id],
        borderColor: t.alert_count > 0 ? "#dc2626" : "#ffffff",
        borderWidth: t.alert_count > 0 ? 2.5 : 1,
      },
    })),
  });
  chart("chart-network").setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: false },
    legend: { top: 0, data: Object.keys(byLine).sort(), textStyle: { fontSize: 11 } },
    tooltip: {
      trigger: "item",
      formatter: (p) => p.seriesName === "trains"
        ? `<b>${p.value[2]}</b> (${p.value[6]})<br>${p.value[4]} · ${fmt(p.value[5], 0)} km/h<br>${fmt(p.value[3], 0)} passengers`
        : `${p.seriesName} · ${p.value[2]}`,
    },
    xAxis: { type: "value", scale: true, show: false },
    yAxis: { type: "value", scale: true, show: false },
    series: series,
  }, true);
}

function renderAlerts(data) {
  const alerts = rows(data, "alerts");
  const kpi = rows(data, "kpis")[0];
  document.getElementById("alerts-count").textContent =
    kpi ? fmt(kpi.active_alerts, 0) + " on latest events" : "";
  const body = document.querySelector("#alerts-table tbody");
  if (alerts.length === 0) {
    body.innerHTML = '<tr><td class="empty" colspan="6">no active alerts</td></tr>';
    return;
  }
  body.replaceChildren(...alerts.map((a) => row([
    a.train_id, a.line_id, { text: a.alert_type, cls: "alert-type" }, a.status,
    { text: fmt(a.passenger_count, 0), cls: "num" }, { text: fmt(a.power_kw, 1), cls: "num" },
  ])));
}

function row(cells) {
  const tr = document.createElement("tr");
  cells.forEach((cell) => {
    const td = document.createElement("td");
    if (cell !== null && typeof cell === "object") {
      td.textContent = cell.text;
      td.className = cell.cls;
    } else {
      td.textContent = cell === null || cell === undefined ? "" : String(cell);
    }
    tr.appendChild(td);
  });
  return tr;
}

function renderShop(data) {
  const totals = rows(data, "shop_totals")[0];
  if (totals) {
    setValue("shop-events", totals.events, fmt(totals.events, 0));
    setValue("shop-sessions", totals.sessions, fmt(totals.sessions, 0));
    setValue("shop-orders", totals.orders, fmt(totals.orders, 0));
    setValue("shop-revenue", totals.revenue, money(totals.revenue));
  }
  const funnel = rows(data, "funnel");
  if (funnel.length > 0) {
    chart("chart-funnel").setOption({
      animation: false,
      tooltip: {
        trigger: "item",
        formatter: (p) => `${p.name}: ${fmt(p.value, 0)} sessions` +
          (p.data.conversion === null ? "" : `<br>${fmt(p.data.conversion * 100, 1)} % of the previous step`),
      },
      color: ["#2563eb", "#0891b2", "#16a34a", "#ca8a04"],
      series: [{
        type: "funnel",
        sort: "none",
        left: 8, top: 8, bottom: 8, width: "58%",
        min: 0,
        max: Math.max(...funnel.map((s) => s.sessions)),
        minSize: "6%",
        label: {
          position: "right",
          color: "#1d2733",
          fontSize: 11,
          formatter: (p) => `${p.name}  ${fmt(p.value, 0)}` +
            (p.data.conversion === null ? "" : `  (${fmt(p.data.conversion * 100, 0)} %)`),
        },
        labelLine: { show: true, length: 8 },
        data: funnel.map((s) => ({ name: s.step, value: s.sessions, conversion: s.conversion_from_previous })),
      }],
    });
  }
  renderHourly(rows(data, "hourly_trends"));
  const customers = rows(data, "top_customers");
  if (customers.length > 0) {
    document.querySelector("#customers-table tbody").replaceChildren(...customers.map((c) => row([
      c.revenue_rank, c.user_id, { text: fmt(c.orders, 0), cls: "num" }, { text: money(c.revenue), cls: "num" },
    ])));
  }
  const days = rows(data, "daily_revenue");
  if (days.length > 0) {
    document.querySelector("#daily-table tbody").replaceChildren(...days.map((d) => row([
      d.event_date, { text: fmt(d.customers, 0), cls: "num" }, { text: fmt(d.orders, 0), cls: "num" },
      { text: money(d.revenue), cls: "num" },
    ])));
  }
}

function renderHourly(points) {
  if (points.length === 0) {
    return;
  }
  const hours = [...new Set(points.map((p) => p.event_hour))].sort();
  const types = [...new Set(points.map((p) => p.event_type))].sort();
  const value = (hour, type, field) => {
    const p = points.find((q) => q.event_hour === hour && q.event_type === type);
    return p ? p[field] : 0;
  };
  const series = types.map((type, i) => ({
    name: type, type: "bar", stack: "events", color: PALETTE[i % PALETTE.length],
    data: hours.map((h) => value(h, type, "events")),
  }));
  series.push({
    name: "revenue", type: "line", yAxisIndex: 1, color: "#111827", symbolSize: 5,
    data: hours.map((h) => types.reduce((sum, t) => sum + Number(value(h, t, "revenue") || 0), 0)),
  });
  chart("chart-hourly").setOption({
    animation: false,
    grid: { left: 44, right: 44, top: 54, bottom: 22 },
    legend: { top: 0, textStyle: { fontSize: 10 }, itemWidth: 10, itemHeight: 8, itemGap: 6 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: hours.map((h) => h.substring(11, 16)) },
    yAxis: [{ type: "value", axisLabel: { fontSize: 10 } },
      { type: "value", axisLabel: { fontSize: 10, formatter: (v) => "$" + fmt(v, 0) }, splitLine: { show: false } }],
    series: series,
  }, true);
}

function renderStatus(data, reachable) {
  const dot = document.getElementById("status-dot");
  const text = document.getElementById("status-text");
  if (!reachable) {
    dot.className = "dot down";
    text.textContent = "quickstart not reachable — showing the last answers";
    return;
  }
  const stale = data.error !== null;
  dot.className = stale ? "dot stale" : "dot live";
  text.textContent = (stale ? "waiting for the database · " : "live · ") + "read " + shortTime(data.read_at) + " UTC";
}

function render(data) {
  // Each part draws on its own, so that one broken panel leaves the others live.
  [renderKpis, renderTimelines, renderNetwork, renderAlerts, renderShop].forEach((part) => {
    try {
      part(data);
    } catch (e) {
      console.error(part.name, e);
    }
  });
}

// A page opened as http://user:token@host/ has the credentials in its URL, and fetch() refuses URLs
// that carry them; without them the browser still sends the Basic credentials it answered the
// page's challenge with, as for any request to the same origin.
function apiUrl() {
  const url = new URL("api/dashboard", document.baseURI);
  url.username = "";
  url.password = "";
  return url;
}

async function refresh() {
  let delay = 3000;
  try {
    const response = await fetch(apiUrl(), { cache: "no-store" });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    const data = await response.json();
    delay = data.refresh_ms || delay;
    lastGood = data;
    render(data);
    renderStatus(data, true);
    refreshes += 1;
    document.body.dataset.refreshes = String(refreshes);
  } catch (e) {
    renderStatus(lastGood, false);
  }
  setTimeout(refresh, delay);
}

window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
refresh();
