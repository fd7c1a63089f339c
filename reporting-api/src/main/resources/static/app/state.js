// State desk: outflow and inflow of the caller's jurisdiction, from /api/v1/flows under the policy.
import { api, el, number } from "./api.js";

export async function stateDesk(main, session) {
  main.replaceChildren(el("h1", { text: "State desk" }), el("p", { text: "Loading flows…" }));
  const states = await (await api("/api/v1/reference/states")).json();
  const name = new Map(states.map((s) => [s.code, s.name]));
  const mine = session.state_code;
  const out = await (await api(`/api/v1/flows?level=state&origin_state=${mine}`)).json();
  const into = await (await api(`/api/v1/flows?level=state&destination_state=${mine}`)).json();
  const list = (flows, other) => el("ul", {}, ...[...flows.flows]
    .sort((a, b) => b.persons - a.persons).slice(0, 10)
    .map((f) => el("li", { text: `${name.get(f[other]) || f[other]}: ${number.format(f.persons)} persons` })));
  main.replaceChildren(
    el("h1", { text: `State desk: ${session.district ? session.district + ", " : ""}${session.state}` }),
    el("dl", { class: "totals" },
      el("dt", { text: "Outflow (persons)" }), el("dd", { id: "outflow", text: number.format(out.persons) }),
      el("dt", { text: "Inflow (persons)" }), el("dd", { id: "inflow", text: number.format(into.persons) })),
    el("h2", { text: "Where people leave for" }), list(out, "destinationStateCode"),
    el("h2", { text: "Where people come from" }), list(into, "originStateCode"));
}
