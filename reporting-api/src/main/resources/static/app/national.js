// National view: totals and the busiest corridors between states, from /api/v1/flows.
import { api, el, number } from "./api.js";
import { drawMap, showState } from "./map.js";

export async function national(main) {
  main.replaceChildren(el("h1", { text: "National view" }), el("p", { text: "Loading flows…" }));
  const states = await (await api("/api/v1/reference/states")).json();
  const name = new Map(states.map((s) => [s.code, s.name]));
  const flows = await (await api("/api/v1/flows?level=state")).json();
  const top = [...flows.flows].sort((a, b) => b.persons - a.persons).slice(0, 15);
  const table = el("table", { id: "top-corridors" },
    el("caption", { text: "Top corridors (persons, registrants and those travelling with them)" }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "From" }), el("th", { scope: "col", text: "To" }),
      el("th", { scope: "col", text: "Registrations" }), el("th", { scope: "col", text: "Persons" }))),
    el("tbody", {}, ...top.map((f) => el("tr", {},
      el("td", { text: name.get(f.originStateCode) || f.originStateCode }),
      el("td", { text: name.get(f.destinationStateCode) || f.destinationStateCode }),
      el("td", { class: "n", text: number.format(f.registrations) }),
      el("td", { class: "n", text: number.format(f.persons) })))));
  main.replaceChildren(
    el("h1", { text: "National view" }),
    el("dl", { class: "totals" },
      el("dt", { text: "Registrations" }), el("dd", { id: "total-registrations", text: number.format(flows.registrations) }),
      el("dt", { text: "Persons" }), el("dd", { id: "total-persons", text: number.format(flows.persons) }),
      el("dt", { text: "State corridors" }), el("dd", { text: number.format(flows.flows.length) })),
    el("div", { class: "map-and-panel" }, el("div", { id: "map-box" }), el("section", { id: "state-panel", "aria-live": "polite" },
      el("p", { text: "Select a state on the map to see its districts and arrivals." }))),
    table);
  const map = drawMap(document.getElementById("map-box"), states, flows.flows,
    (s) => showState(map, document.getElementById("state-panel"), s, flows.flows, name));
}
