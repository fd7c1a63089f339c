// The dashboard: one page per desk, every figure from the public REST API under the caller's policy.
import { national } from "./national.js";
import { stateDesk } from "./state.js";
import { sqlConsole } from "./sql.js";
import { railwaysDesk } from "./railways.js";
import { healthDesk } from "./health.js";
import { api, csrfToken, el } from "./api.js";

const DESKS = {
  national: { label: "National view", hindi: "राष्ट्रीय", render: national },
  state: { label: "State desk", hindi: "राज्य", render: stateDesk },
  railways: { label: "Railways desk", hindi: "रेलवे", render: railwaysDesk },
  health: { label: "Health desk", hindi: "स्वास्थ्य", render: healthDesk },
  sql: { label: "SQL console", hindi: "एसक्यूएल", render: sqlConsole },
};

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
    // A fresh box per visit: a slow desk left behind draws into a box no longer on the page.
    const box = el("div", { class: "desk-box" });
    main.replaceChildren(box);
    DESKS[desk].render(box, session, desk);
  };
  for (const d of session.desks) {
    nav.append(el("a", { href: "#" + d, "data-desk": d }, DESKS[d].label + " ", el("span", { lang: "hi", text: DESKS[d].hindi })));
  }
  // The desk is the URL's fragment, so that links, the back button and bookmarks work.
  const fromHash = () => {
    const wanted = location.hash.substring(1);
    show(session.desks.includes(wanted) ? wanted : session.landing);
  };
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.getElementById("sign-out").addEventListener("click", () => {
    const form = el("form", { method: "post", action: "/logout" }, el("input", { type: "hidden", name: "_csrf", value: csrfToken() }));
    document.body.append(form);
    form.submit();
  });
}

start();
