// A map of India drawn from the LGD coordinates the service publishes: each state at the mean of its
// districts, arcs for the busiest corridors (width by persons), circles sized by people arriving.
// Plain SVG, no library; a click on a state shows its districts and its flows.
import { api, el, number } from "./api.js";

const SVG = "http://www.w3.org/2000/svg";
const W = 600;
const H = 660;
// India's mainland and islands fit within these bounds (degrees).
const WEST = 67.5, EAST = 97.8, SOUTH = 6.5, NORTH = 37.5;

const x = (lon) => ((lon - WEST) / (EAST - WEST)) * W;
// Equirectangular; the 600 x 660 view box makes a degree of longitude cos(23 deg) of a degree of
// latitude, so that India's middle keeps its shape.
const y = (lat) => ((NORTH - lat) / (NORTH - SOUTH)) * H;

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** Draws the map into {@code box}: states with coordinates, the top corridors as arcs. */
export function drawMap(box, states, flows, onState) {
  const located = states.filter((s) => s.latitude !== null && s.longitude !== null);
  const at = new Map(located.map((s) => [s.code, s]));
  const inflow = new Map();
  for (const f of flows) inflow.set(f.destinationStateCode, (inflow.get(f.destinationStateCode) || 0) + f.persons);
  const most = Math.max(1, ...inflow.values());
  const top = [...flows].filter((f) => at.has(f.originStateCode) && at.has(f.destinationStateCode)
    && f.originStateCode !== f.destinationStateCode).sort((a, b) => b.persons - a.persons).slice(0, 15);
  const widest = Math.max(1, ...top.map((f) => f.persons));
  const map = svg("svg", { id: "flow-map", viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `Map of flows between ${located.length} states and union territories; the ${top.length} busiest corridors drawn` });
  const arcs = svg("g", { class: "arcs" });
  for (const f of top) {
    const a = at.get(f.originStateCode), b = at.get(f.destinationStateCode);
    const x1 = x(a.longitude), y1 = y(a.latitude), x2 = x(b.longitude), y2 = y(b.latitude);
    // Bend each arc to its left, so that A->B and B->A do not overlap.
    const mx = (x1 + x2) / 2 - (y2 - y1) * 0.2, my = (y1 + y2) / 2 + (x2 - x1) * 0.2;
    arcs.append(svg("path", { class: "arc", d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`,
      "stroke-width": String(1 + 7 * f.persons / widest) },
      svg("title", {}, `${a.name} → ${b.name}: ${number.format(f.persons)} persons`)));
  }
  map.append(arcs);
  for (const s of located) {
    const n = inflow.get(s.code) || 0;
    const c = svg("circle", { class: "state", cx: x(s.longitude), cy: y(s.latitude),
      r: String(3 + 14 * Math.sqrt(n / most)), tabindex: "0", "data-state": String(s.code) },
      svg("title", {}, `${s.name}${s.localName ? " (" + s.localName + ")" : ""}: ${number.format(n)} persons arriving`));
    c.addEventListener("click", () => onState(s));
    c.addEventListener("keydown", (e) => { if (e.key === "Enter") onState(s); });
    map.append(c);
  }
  box.replaceChildren(map);
  return map;
}

/** A state's districts as dots on the same map, and the state's own flows in a list. */
export async function showState(map, panel, state, flows, names) {
  const districts = await (await api(`/api/v1/reference/districts?state=${state.code}`)).json();
  map.querySelector("g.districts")?.remove();
  const g = svg("g", { class: "districts" });
  for (const d of districts) {
    g.append(svg("circle", { class: "district", cx: x(d.longitude), cy: y(d.latitude), r: "2" },
      svg("title", {}, d.name)));
  }
  map.append(g);
  const out = flows.filter((f) => f.originStateCode === state.code).reduce((n, f) => n + f.persons, 0);
  const into = flows.filter((f) => f.destinationStateCode === state.code).reduce((n, f) => n + f.persons, 0);
  panel.replaceChildren(
    el("h2", { text: `${state.name}${state.localName ? " · " + state.localName : ""}` }),
    el("p", { id: "state-summary", text: `${districts.length} districts; ${number.format(out)} persons leaving, ${number.format(into)} arriving` }),
    el("ul", {}, ...flows.filter((f) => f.destinationStateCode === state.code)
      .sort((a, b) => b.persons - a.persons).slice(0, 8)
      .map((f) => el("li", { text: `from ${names.get(f.originStateCode) || f.originStateCode}: ${number.format(f.persons)}` }))));
}
