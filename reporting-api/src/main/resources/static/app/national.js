// National view: totals, a daily chart, the map and the busiest corridors between states over a
// date range, and (for MINISTRY) the requests waiting too long for a decision. All from the REST API.
import { api, el, field, number, states, table } from "./api.js";
import { drawMap, showState } from "./map.js";

export async function national(main, session) {
  main.replaceChildren(el("h1", { text: "National view" }), el("p", { text: "Loading flows…" }));
  const all = await states();
  const name = new Map(all.map((s) => [s.code, s.name]));
  const span = await (await api("/api/v1/flows/daily")).json();
  const first = span.days.length ? span.days[0].travelDate : "";
  const last = span.days.length ? span.days[span.days.length - 1].travelDate : "";
  const from = el("input", { type: "date", id: "from", value: first, min: first, max: last });
  const to = el("input", { type: "date", id: "to", value: last, min: first, max: last });
  const apply = el("button", { type: "button", id: "apply-dates", text: "Show" });
  const body = el("div", { id: "national-body" });
  const escalations = el("section", { id: "escalations" });
  main.replaceChildren(
    el("h1", { text: "National view " }, el("span", { lang: "hi", text: "राष्ट्रीय" })),
    el("div", { class: "row", role: "search", "aria-label": "Travel dates" },
      field("Travel from", from, "से"), field("to", to, "तक"), apply),
    body, escalations);
  const show = async () => {
    const range = new URLSearchParams();
    if (from.value) range.set("from", from.value);
    if (to.value) range.set("to", to.value);
    const [flows, daily] = await Promise.all([
      api(`/api/v1/flows?level=state&${range}`).then((r) => r.json()),
      api(`/api/v1/flows/daily?${range}`).then((r) => r.json()),
    ]);
    render(body, flows, daily, all, name);
  };
  apply.addEventListener("click", show);
  await show();
  // The first render's end, for the dashboard benchmark (docs/BENCHMARKS.md).
  performance.mark("nmis:map-drawn");
  if (session.role === "MINISTRY") await showEscalations(escalations, name);
}

function render(body, flows, daily, all, name) {
  const top = flows.flows.slice(0, 15);
  body.replaceChildren(
    el("dl", { class: "totals" },
      el("dt", { text: "Registrations" }), el("dd", { id: "total-registrations", text: number.format(flows.registrations) }),
      el("dt", { text: "Persons" }), el("dd", { id: "total-persons", text: number.format(flows.persons) }),
      el("dt", { text: "State corridors" }), el("dd", { id: "total-corridors", text: number.format(flows.flows.length) })),
    chart(daily.days),
    el("div", { class: "map-and-panel" }, el("div", { id: "map-box" }), el("section", { id: "state-panel", "aria-live": "polite" },
      el("p", { text: "Select a state on the map to see its districts and arrivals." }))),
    table({ id: "top-corridors" }, "Top corridors (persons: registrants and those travelling with them)",
      ["From", "To", "Registrations", "Persons"],
      top.map((f) => [name.get(f.originStateCode) || f.originStateCode, name.get(f.destinationStateCode) || f.destinationStateCode,
        f.registrations, f.persons])));
  const map = drawMap(document.getElementById("map-box"), all, flows.flows,
    (s) => showState(map, document.getElementById("state-panel"), s, flows.flows, name));
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** Persons by travel date as bars; each bar has a title with its date and count for screen readers and hover. */
function chart(days) {
  const W = 720, H = 160, pad = 24;
  const most = Math.max(1, ...days.map((d) => d.persons));
  const w = days.length ? (W - pad) / days.length : 0;
  const bars = days.map((d, i) => {
    const h = Math.max(1, ((H - pad) * d.persons) / most);
    return svg("rect", { x: String(pad + i * w), y: String(H - pad - h), width: String(Math.max(1, w - 1)), height: String(h), class: "bar", "data-date": d.travelDate },
      svg("title", {}, document.createTextNode(`${d.travelDate}: ${number.format(d.persons)} persons`)));
  });
  const label = (x, text, anchor) => svg("text", { x: String(x), y: String(H - 6), "text-anchor": anchor, class: "axis" }, document.createTextNode(text));
  return el("figure", { id: "daily" },
    svg("svg", { id: "daily-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Persons by travel date, ${days.length} days, at most ${number.format(most)} a day` },
      svg("text", { x: "0", y: "12", class: "axis" }, document.createTextNode(number.format(most))),
      ...bars,
      ...(days.length ? [label(pad, days[0].travelDate, "start"), label(W, days[days.length - 1].travelDate, "end")] : [])),
    el("figcaption", { text: "Persons by travel date" }));
}

async function showEscalations(box, name) {
  const r = await api("/api/v1/movement/escalations");
  if (!r.ok) return;
  const waiting = await r.json();
  box.replaceChildren(
    el("h2", { text: `Escalations: requests waiting for a decision (${waiting.length})` }),
    waiting.length
      ? table({ id: "escalation-list" }, null, ["Request", "From", "To", "Submitted", "Waiting (hours)"],
        waiting.map((e) => [e.request_id, name.get(e.origin_state_code) || e.origin_state_code,
          name.get(e.destination_state_code) || e.destination_state_code, new Date(e.submitted_at).toLocaleString("en-IN"), e.waiting_hours]))
      : el("p", { class: "note", text: "No request has waited past the escalation time." }));
}
