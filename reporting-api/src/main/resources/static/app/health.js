// Health desk: lookup by mobile or person ID with a purpose (the service refuses without one and
// audits every lookup), contacts by exposure level, and bulk jobs with per-district downloads.
import { alertBox, api, districtNames, download, el, field, number, problem, progressBar, sendFile, states, table } from "./api.js";

const SHOWN = 200; // contacts drawn on the page; the CSV of a bulk job carries all of them
const LEVELS = { SAME_BAY: "Same bay", SAME_COACH: "Same coach", SAME_TRAIN: "Same train", SAME_VEHICLE: "Same bus or vehicle" };

export async function healthDesk(main) {
  const names = new Map((await states()).map((s) => [s.code, s.name]));
  const key = el("input", { type: "text", id: "lookup-key", autocomplete: "off", inputmode: "text" });
  const purpose = el("input", { type: "text", id: "lookup-purpose", "aria-required": "true", autocomplete: "off" });
  const go = el("button", { type: "button", id: "lookup-go", text: "Look up" });
  const found = el("section", { id: "lookup-result", "aria-live": "polite" });
  const contacts = el("section", { id: "contacts", "aria-live": "polite" });
  go.addEventListener("click", async () => {
    contacts.replaceChildren();
    const k = key.value.trim();
    const by = /^[+\d][\d\s-]{6,}$/.test(k) && k.replace(/\D/g, "").length >= 10 ? "mobile" : "person_id";
    // Sent as typed, purpose included or not: the refusal of a missing purpose is the service's.
    const r = await api(`/api/v1/tracing/persons?${by}=${encodeURIComponent(k)}&purpose=${encodeURIComponent(purpose.value.trim())}`);
    if (!r.ok) {
      found.replaceChildren(alertBox("lookup-error", await problem(r)));
      return;
    }
    const answer = await r.json();
    found.replaceChildren(
      el("p", { id: "lookup-count", text: `${answer.count} person${answer.count === 1 ? "" : "s"} found` }),
      ...answer.persons.map((p) => personCard(p, names, () => showContacts(contacts, p.personId, purpose.value.trim()))));
  });
  main.replaceChildren(
    el("h1", { text: "Health desk " }, el("span", { lang: "hi", text: "स्वास्थ्य" })),
    el("section", { id: "lookup" },
      el("h2", { text: "Look up a person" }),
      el("div", { class: "row" },
        field("Mobile or person ID", key, "मोबाइल या व्यक्ति आईडी"),
        field("Purpose (case reference, required)", purpose, "उद्देश्य"), go),
      el("p", { class: "note", text: "Every lookup is written to the audit trail with its purpose." })),
    found, contacts, bulkSection());
}

function personCard(p, names, onContacts) {
  const reg = p.registration;
  const b = el("button", { type: "button", class: "contacts-go", text: "Contacts" });
  b.addEventListener("click", onContacts);
  const where = (x) => (x ? `${x.districtName}, ${x.stateName}` : "");
  return el("article", { class: "person", "data-person": p.personId },
    el("h3", { text: `${reg ? reg.name : "(registration on its way)"} · ${p.personId}` }),
    ...(reg ? [el("p", { text: `${reg.mobile} · ${where(reg.origin)} → ${where(reg.destination)} · travel ${reg.travelDate} by ${reg.mode}` })] : []),
    table({ class: "journeys" }, "Journeys", ["Date", "Source", "Mode", "Vehicle", "Coach", "Berth", "From → to"],
      p.journeys.map((j) => [j.journey.date, j.journey.source, j.journey.mode, j.journey.vehicle, j.journey.seat?.coach, j.journey.seat?.berth,
        `${names.get(j.journey.originStateCode) || ""} → ${names.get(j.journey.destinationStateCode) || ""}`])),
    b);
}

async function showContacts(box, personId, purpose) {
  box.replaceChildren(el("p", { text: "Finding co-travellers…" }));
  const r = await api(`/api/v1/tracing/persons/${personId}/contacts?purpose=${encodeURIComponent(purpose)}`);
  if (!r.ok) {
    box.replaceChildren(alertBox("contacts-error", await problem(r)));
    return;
  }
  const c = await r.json();
  const district = await districtNames(c.contacts.slice(0, SHOWN).map((p) => p.destinationStateCode));
  box.replaceChildren(
    el("h2", { text: `Contacts of ${c.indexCase}, ${c.from} to ${c.to}` }),
    table({ id: "exposure-levels" }, "By exposure level (strongest first)", ["Level", "Contacts", "Travellers"],
      c.counts.map((l) => [LEVELS[l.level] || l.level, l.contacts, l.travellers])),
    table({ id: "contact-list" }, c.contacts.length > SHOWN ? `The first ${SHOWN} of ${number.format(c.contacts.length)}` : null,
      ["Level", "Person", "Name", "Mobile", "Destination district", "Follow up until"],
      c.contacts.slice(0, SHOWN).map((p) => [LEVELS[p.level] || p.level, p.personId, p.name, p.mobile,
        district.get(p.destinationDistrictCode) || p.destinationDistrictCode, p.followUpUntil])));
}

/** A file of index cases: sent with a progress bar, then the job polled, then the district lists. */
function bulkSection() {
  const file = el("input", { type: "file", id: "bulk-file", accept: ".csv,text/csv,text/plain" });
  const purpose = el("input", { type: "text", id: "bulk-purpose", "aria-required": "true" });
  const go = el("button", { type: "button", id: "bulk-go", text: "Start" });
  const bar = progressBar("bulk-progress");
  const state = el("p", { id: "bulk-state", "aria-live": "polite" });
  const result = el("div", { id: "bulk-result" });
  go.addEventListener("click", async () => {
    result.replaceChildren();
    if (!file.files.length) {
      result.replaceChildren(alertBox("bulk-error", "Choose a CSV file of index cases first (one mobile or person ID per line)."));
      return;
    }
    const form = new FormData();
    form.append("file", file.files[0]);
    form.append("purpose", purpose.value.trim());
    go.disabled = true;
    try {
      const sent = await sendFile("/api/v1/tracing/bulk", form, (f) => { bar.value = Math.round(f * 50); });
      if (!sent.ok) {
        result.replaceChildren(alertBox("bulk-error", `${sent.body?.code || sent.status}: ${sent.body?.detail || "refused"}`));
        return;
      }
      const id = sent.body.job_id;
      let s = sent.body;
      while (s.state !== "DONE" && s.state !== "FAILED") {
        state.textContent = `${id}: ${s.state}, ${number.format(s.index_cases)} index cases`;
        bar.value = 75;
        await new Promise((r) => setTimeout(r, 500));
        s = await (await api(`/api/v1/tracing/bulk/${id}`)).json();
      }
      bar.value = 100;
      state.textContent = `${id}: ${s.state}`;
      if (s.state === "FAILED") {
        result.replaceChildren(alertBox("bulk-error", s.failure || "the job failed"));
        return;
      }
      const d = await (await api(`/api/v1/tracing/bulk/${id}/districts`)).json();
      result.replaceChildren(
        el("dl", { class: "totals", id: "bulk-counts" },
          el("dt", { text: "Index cases" }), el("dd", { text: number.format(s.index_cases) }),
          el("dt", { text: "Exposed persons" }), el("dd", { id: "bulk-exposed", text: number.format(s.exposed_persons) }),
          el("dt", { text: "Not found" }), el("dd", { text: number.format(s.unresolved) })),
        el("p", { class: "links" },
          download(`/api/v1/tracing/bulk/${id}/result?format=csv`, "All lists (CSV)", { id: "bulk-all-csv" }),
          download(`/api/v1/tracing/bulk/${id}/result?format=xlsx`, "All lists (XLSX, a sheet per district)")),
        table({ id: "bulk-districts" }, "Follow-up lists by destination district", ["District", "Exposed persons", "Download"],
          d.districts.map((x) => [x.district_name, x.exposed_persons,
            el("span", { class: "links" }, download(x.result, "CSV"), download(x.result + "&format=xlsx", "XLSX"))])));
    } finally {
      go.disabled = false;
    }
  });
  return el("section", { id: "bulk" },
    el("h2", { text: "Bulk tracing " }, el("span", { lang: "hi", text: "सामूहिक अनुरेखण" })),
    el("p", { class: "note", text: "A CSV of index cases, one mobile or person ID per line; the follow-up lists come out by destination district." }),
    el("div", { class: "row" }, field("Index cases file", file), field("Purpose (required)", purpose, "उद्देश्य"), go), bar, state, result);
}
