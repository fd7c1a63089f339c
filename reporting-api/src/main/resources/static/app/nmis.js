// The dashboard: one page per desk, every figure from the public REST API under the caller's policy.
import { national } from "./national.js";
import { stateDesk } from "./state.js";
import { sqlConsole } from "./sql.js";
import { api, csrfToken, el } from "./api.js";

const DESKS = {
  national: { label: "National view", hindi: "राष्ट्रीय", render: national },
  state: { label: "State desk", hindi: "राज्य", render: stateDesk },
  railways: { label: "Railways desk", hindi: "रेलवे", render: notYet },
  health: { label: "Health desk", hindi: "स्वास्थ्य", render: notYet },
  sql: { label: "SQL console", hindi: "एसक्यूएल", render: sqlConsole },
};

function notYet(main, session, desk) {
  main.replaceChildren(
    el("h1", { text: DESKS[desk].label }),
    el("p", { text: "This desk is still being built (issue 17); its data are in the REST API meanwhile." }),
  );
}

async function start() {
  const r = await api("/api/v1/session");
  const session = await r.json();
  await api("/api/v1/session/csrf"); // sets the XSRF-TOKEN cookie for this session
  const where = [session.state, session.district].filter(Boolean).join(", ");
  document.getElementById("who").textContent =
    `${session.user} · ${session.role}${where ? " · " + where : ""}`;
  const nav = document.getElementById("desks");
  const main = document.getElementById("desk");
  const show = (desk) => {
    for (const a of nav.querySelectorAll("a")) {
      a.setAttribute("aria-current", a.dataset.desk === desk ? "page" : "false");
    }
    document.body.dataset.desk = desk;
    DESKS[desk].render(main, session, desk);
  };
  for (const d of session.desks) {
    const a = el("a", { href: "#" + d, "data-desk": d }, DESKS[d].label + " ", el("span", { lang: "hi", text: DESKS[d].hindi }));
    a.addEventListener("click", () => show(d));
    nav.append(a);
  }
  const wanted = location.hash.substring(1);
  show(session.desks.includes(wanted) ? wanted : session.landing);
  document.getElementById("sign-out").addEventListener("click", () => {
    const form = el("form", { method: "post", action: "/logout" }, el("input", { type: "hidden", name: "_csrf", value: csrfToken() }));
    document.body.append(form);
    form.submit();
  });
}

start();
