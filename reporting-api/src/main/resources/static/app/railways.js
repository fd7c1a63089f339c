// Railways desk: accepted requests to book, the booking form, manifests to generate, and each
// manifest coach by coach with its CSV and PDF. Every call is the public REST API.
import { alertBox, api, download, el, field, problem, states, table } from "./api.js";

export async function railwaysDesk(main, session) {
  main.replaceChildren(el("h1", { text: "Railways desk" }), el("p", { text: "Loading requests…" }));
  const name = new Map((await states()).map((s) => [s.code, s.name]));
  // Trains not yet gone: departed and arrived ones stay in governed SQL (trains, manifests).
  const r = await api("/api/v1/movement/requests?summary=true&status=ACCEPTED,PARTIALLY_ACCEPTED,TRAIN_BOOKED,MANIFESTED");
  if (!r.ok) {
    main.replaceChildren(el("h1", { text: "Railways desk" }), alertBox("railways-error", await problem(r)));
    return;
  }
  const all = await r.json();
  const corridor = (q) => `${name.get(q.origin_state_code) || q.origin_state_code} → ${name.get(q.destination_state_code) || q.destination_state_code}`;
  const toBook = all.filter((q) => q.status === "ACCEPTED" || q.status === "PARTIALLY_ACCEPTED");
  const booked = all.filter((q) => q.status === "TRAIN_BOOKED");
  const manifested = all.filter((q) => q.manifest);
  const coaches = el("section", { id: "coaches", "aria-live": "polite" });
  const refresh = () => railwaysDesk(main, session);
  main.replaceChildren(
    el("h1", { text: "Railways desk " }, el("span", { lang: "hi", text: "रेलवे" })),
    el("h2", { text: `Accepted, to book (${toBook.length})` }),
    toBook.length
      ? table({ id: "to-book" }, null, ["Request", "Corridor", "Travellers accepted", "Proposed date", "Booking"],
        toBook.map((q) => [q.request_id, corridor(q), q.decision.accepted_count, q.proposed_date, bookingForm(q, refresh)]))
      : el("p", { class: "note", text: "No accepted request is waiting for a train." }),
    el("h2", { text: `Booked, manifest to generate (${booked.length})` }),
    booked.length
      ? table({ id: "to-manifest" }, null, ["Request", "Corridor", "Train", "Date", "Seats", ""],
        booked.map((q) => [q.request_id, corridor(q), q.train.train_number, q.train.date, q.train.capacity, manifestButton(q, refresh)]))
      : el("p", { class: "note", text: "No booked train is waiting for its manifest." }),
    el("h2", { text: `Manifested, not departed (${manifested.length})` }),
    manifested.length
      ? table({ id: "manifests" }, null, ["Request", "Corridor", "Train", "Date", "Seated", "Not seated", "Status", ""],
        manifested.map((q) => [q.request_id, corridor(q), q.train.train_number, q.train.date, q.manifest.placed, q.manifest.not_seated, q.status,
          coachesButton(q, coaches)]))
      : el("p", { class: "note", text: "No manifest yet." }),
    coaches);
}

function bookingForm(q, refresh) {
  const train = el("input", { type: "text", name: "train_number", inputmode: "numeric", pattern: "[0-9]{5}", size: "6", autocomplete: "off" });
  const date = el("input", { type: "date", name: "date", value: q.proposed_date || "" });
  const from = el("input", { type: "text", name: "origin_station", size: "6", value: q.origin_station || "" });
  const to = el("input", { type: "text", name: "destination_station", size: "6" });
  const coaches = el("input", { type: "number", name: "coaches", min: "1", max: "24", value: "24", size: "3" });
  const empty = el("input", { type: "checkbox", name: "middle_berths_empty", checked: "" });
  const message = el("div", { "aria-live": "polite" });
  const book = el("button", { type: "button", class: "book", text: "Book" });
  book.addEventListener("click", async () => {
    const r = await api(`/api/v1/movement/requests/${q.request_id}/book`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        train_number: train.value, date: date.value || null, origin_station: from.value, destination_station: to.value,
        rake: { SL_ICF: Number(coaches.value) }, middle_berths_empty: empty.checked, expected_version: q.version,
      }),
    });
    if (!r.ok) {
      message.replaceChildren(alertBox(`book-error-${q.request_id}`, await problem(r)));
      return;
    }
    await refresh();
  });
  return el("div", { class: "booking", role: "group", "aria-label": `Booking for ${q.request_id}`, "data-request": q.request_id },
    field("Train number", train), field("Date", date), field("From station", from), field("To station", to),
    field("Sleeper coaches", coaches), field("Middle berths empty", empty), book, message);
}

function manifestButton(q, refresh) {
  const b = el("button", { type: "button", class: "make-manifest", text: "Generate manifest" });
  const message = el("span", { "aria-live": "polite" });
  b.addEventListener("click", async () => {
    const r = await api(`/api/v1/movement/requests/${q.request_id}/manifest`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ expected_version: q.version }),
    });
    if (!r.ok) {
      message.replaceChildren(alertBox(`manifest-error-${q.request_id}`, await problem(r)));
      return;
    }
    await refresh();
  });
  return el("span", {}, b, message);
}

function coachesButton(q, box) {
  const b = el("button", { type: "button", class: "show-coaches", "data-request": q.request_id, text: "Coaches" });
  b.addEventListener("click", async () => {
    box.replaceChildren(el("p", { text: "Loading the manifest…" }));
    const r = await api(`/api/v1/movement/requests/${q.request_id}/manifest`);
    if (!r.ok) {
      box.replaceChildren(alertBox("coaches-error", await problem(r)));
      return;
    }
    const m = await r.json();
    box.replaceChildren(
      el("h2", { text: `Train ${m.train_number} on ${m.date}: ${m.coaches.length} coaches` }),
      el("p", { class: "links" },
        download(`/api/v1/movement/requests/${q.request_id}/manifest?format=csv`, "Manifest CSV", { id: "manifest-csv" }),
        download(`/api/v1/movement/requests/${q.request_id}/manifest.pdf`, "Manifest PDF", { id: "manifest-pdf" })),
      table({ id: "coach-counts" }, "Passengers per coach", ["Coach", "Berths", "Occupied", "Destination districts"],
        m.coaches.map((c) => [c.coach, c.capacity, c.occupied, Object.keys(c.counts_by_destination_district).length])),
      ...(m.not_seated.length ? [el("p", { class: "error", text: `${m.not_seated.length} travellers could not be seated.` })] : []));
  });
  return b;
}
