// State desk (STATE, DISTRICT): flows of my jurisdiction, uploads, movement requests to decide and
// my own, trains and manifests, and the state summary PDF. Every call is the public REST API.
import { alertBox, api, download, el, field, number, problem, progressBar, sendFile, states, table } from "./api.js";

export async function stateDesk(main, session) {
  main.replaceChildren(el("h1", { text: "State desk" }), el("p", { text: "Loading flows…" }));
  const name = new Map((await states()).map((s) => [s.code, s.name]));
  const mine = session.state_code;
  const [out, into, daily] = await Promise.all([
    api(`/api/v1/flows?level=state&origin_state=${mine}`).then((r) => r.json()),
    api(`/api/v1/flows?level=state&destination_state=${mine}`).then((r) => r.json()),
    api(`/api/v1/flows/daily?destination_state=${mine}`).then((r) => r.json()),
  ]);
  const list = (flows, other) => flows.flows.length
    ? el("ul", {}, ...flows.flows.slice(0, 10)
      .map((f) => el("li", { text: `${name.get(f[other]) || f[other]}: ${number.format(f.persons)} persons` })))
    : el("p", { class: "note", text: "No one registered yet." });
  const requests = el("section", { id: "requests", "aria-labelledby": "requests-h" });
  main.replaceChildren(
    el("h1", { text: `State desk: ${session.district ? session.district + ", " : ""}${session.state}` }),
    el("dl", { class: "totals" },
      el("dt", { text: "Outflow (persons)" }), el("dd", { id: "outflow", text: number.format(out.persons) }),
      el("dt", { text: "Inflow (persons)" }), el("dd", { id: "inflow", text: number.format(into.persons) })),
    el("div", { class: "columns" },
      el("section", {}, el("h2", { text: "Where people leave for" }), list(out, "destinationStateCode")),
      el("section", {}, el("h2", { text: "Where people come from" }), list(into, "originStateCode"))),
    uploadSection(),
    requests,
    reportSection(mine, daily.days));
  await showRequests(requests, session, name);
}

/** A file of registrations: bytes sent, then rows read, then the counts and the error report. */
function uploadSection() {
  const file = el("input", { type: "file", id: "upload-file", accept: ".csv,.xlsx,text/csv" });
  const send = el("button", { type: "button", id: "upload-send", text: "Upload" });
  const bar = progressBar("upload-progress");
  const state = el("p", { id: "upload-state", "aria-live": "polite" });
  const result = el("div", { id: "upload-result" });
  send.addEventListener("click", async () => {
    result.replaceChildren();
    if (!file.files.length) {
      result.replaceChildren(alertBox("upload-error", "Choose a CSV or XLSX file of registrations first."));
      return;
    }
    const form = new FormData();
    form.append("file", file.files[0]);
    send.disabled = true;
    state.textContent = "Sending the file…";
    try {
      const sent = await sendFile("/api/v1/uploads", form, (f) => { bar.value = Math.round(f * 50); });
      if (!sent.ok) {
        result.replaceChildren(alertBox("upload-error", `${sent.body?.code || sent.status}: ${sent.body?.detail || "refused"}`));
        state.textContent = "";
        return;
      }
      await follow(sent.body.upload_id, bar, state, result);
    } finally {
      send.disabled = false;
    }
  });
  return el("section", { id: "upload", "aria-labelledby": "upload-h" },
    el("h2", { id: "upload-h", text: "Upload registrations " }, el("span", { lang: "hi", text: "पंजीकरण अपलोड" })),
    el("p", { class: "note", text: "CSV or XLSX, one registration per row with a header row; rows that fail a rule are reported with the field and the reason." }),
    el("div", { class: "row" }, field("File", file, "फ़ाइल"), send), bar, state, result);
}

/** Polls an upload until it is done; the second half of the bar is the rows read. */
async function follow(id, bar, state, result) {
  for (;;) {
    const s = await (await api(`/api/v1/uploads/${id}`)).json();
    bar.value = 50 + Math.round(50 * Math.min(1, s.progress || 0));
    state.textContent = `${s.state}: ${number.format(s.rows_received)} rows read, ${number.format(s.accepted)} accepted, ${number.format(s.rejected)} rejected`;
    if (s.finished_at || s.state === "FAILED") {
      bar.value = 100;
      result.replaceChildren(
        el("dl", { class: "totals", id: "upload-counts" },
          el("dt", { text: "Upload" }), el("dd", { text: `${s.upload_id} (${s.file_name})` }),
          el("dt", { text: "Accepted" }), el("dd", { id: "upload-accepted", text: number.format(s.accepted) }),
          el("dt", { text: "Rejected" }), el("dd", { id: "upload-rejected", text: number.format(s.rejected) })),
        ...(s.failure ? [alertBox("upload-error", s.failure)] : []),
        ...(s.rejected > 0 ? [download(`/api/v1/uploads/${id}/errors`, "Download the error report (CSV)", { id: "upload-errors" })] : []));
      return s;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Requests waiting for my decision, mine waiting for others, and the trains of my requests. */
async function showRequests(box, session, name) {
  // Work in flight only: arrived, rejected and cancelled requests stay in governed SQL (movement_requests).
  const r = await api("/api/v1/movement/requests?summary=true&status=DRAFT,SUBMITTED,ACCEPTED,PARTIALLY_ACCEPTED,TRAIN_BOOKED,MANIFESTED,DEPARTED");
  const all = r.ok ? await r.json() : [];
  const mine = session.state_code;
  const waitingForMe = all.filter((q) => q.status === "SUBMITTED" && q.destination_state_code === mine);
  const waitingForOthers = all.filter((q) => q.origin_state_code === mine && ["DRAFT", "SUBMITTED", "ACCEPTED", "PARTIALLY_ACCEPTED"].includes(q.status));
  const trains = all.filter((q) => q.train);
  const state = (c) => name.get(c) || String(c);
  box.replaceChildren(
    el("h2", { id: "requests-h", text: "Movement requests " }, el("span", { lang: "hi", text: "आवागमन अनुरोध" })),
    el("h3", { text: `Waiting for your decision (${waitingForMe.length})` }),
    waitingForMe.length
      ? table({ id: "requests-for-me" }, null, ["Request", "From", "Travellers", "Proposed date", "Decision"],
        waitingForMe.map((q) => [q.request_id, state(q.origin_state_code), q.passenger_count, q.proposed_date, decide(q, () => showRequests(box, session, name))]))
      : el("p", { class: "note", text: "No request is waiting for this state." }),
    el("h3", { text: `Yours, waiting for others (${waitingForOthers.length})` }),
    waitingForOthers.length
      ? table({ id: "requests-mine" }, null, ["Request", "To", "Travellers", "Status", "Since"],
        waitingForOthers.map((q) => [q.request_id, state(q.destination_state_code), q.passenger_count, q.status, since(q)]))
      : el("p", { class: "note", text: "None of this state's requests is waiting." }),
    el("h3", { text: `Trains booked, manifested or on their way (${trains.length})` }),
    trains.length
      ? table({ id: "trains" }, null, ["Request", "Train", "Date", "From → to", "Seated", "Status", "Documents"],
        trains.map((q) => [q.request_id, q.train.train_number, q.train.date, `${state(q.origin_state_code)} → ${state(q.destination_state_code)}`,
          q.manifest ? q.manifest.placed : "", q.status, documents(q)]))
      : el("p", { class: "note", text: "No train is booked for this state's requests yet." }));
}

function since(q) {
  const times = Object.values(q.timeline || {});
  return times.length ? new Date(times[times.length - 1]).toLocaleString("en-IN") : "";
}

function documents(q) {
  const links = el("span", { class: "links" });
  if (q.manifest) {
    links.append(
      download(`/api/v1/movement/requests/${q.request_id}/manifest.pdf`, "Manifest PDF"),
      download(`/api/v1/movement/requests/${q.request_id}/manifest?format=csv`, "CSV"));
  }
  if (q.decision) links.append(download(`/api/v1/movement/requests/${q.request_id}/noc.pdf`, "NOC PDF"));
  return links;
}

/** Accept with the NOC and the quarantine places, or reject with a reason; the service checks both. */
function decide(q, refresh) {
  const places = el("input", { type: "number", min: "0", name: "quarantine_capacity", inputmode: "numeric", value: String(q.passenger_count) });
  const noc = el("input", { type: "text", name: "noc_number", autocomplete: "off" });
  const reason = el("input", { type: "text", name: "reason" });
  const message = el("div", { "aria-live": "polite" });
  const act = async (action, body) => {
    const r = await api(`/api/v1/movement/requests/${q.request_id}/${action}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, expected_version: q.version }),
    });
    if (!r.ok) {
      message.replaceChildren(alertBox(`decision-error-${q.request_id}`, await problem(r)));
      return;
    }
    await refresh();
  };
  const accept = el("button", { type: "button", class: "accept", text: "Accept" });
  accept.addEventListener("click", () => act("accept", {
    quarantine_capacity: places.value === "" ? null : Number(places.value), noc_number: noc.value || null,
  }));
  const reject = el("button", { type: "button", class: "reject", text: "Reject" });
  reject.addEventListener("click", () => act("reject", { reason: reason.value || null }));
  return el("div", { class: "decision", role: "group", "aria-label": `Decision on ${q.request_id}`, "data-request": q.request_id },
    field("Quarantine places", places, "क्वारंटीन स्थान"), field("NOC number", noc, "एनओसी"), accept,
    field("Reason (to reject)", reason), reject, message);
}

/** The state summary PDF over the travel dates the flows hold. */
function reportSection(state, days) {
  const first = days.length ? days[0].travelDate : "2020-05-01";
  const last = days.length ? days[days.length - 1].travelDate : new Date().toISOString().substring(0, 10);
  const from = el("input", { type: "date", value: first });
  const to = el("input", { type: "date", value: last });
  const link = download("#", "Download the state summary (PDF)", { id: "state-summary-pdf" });
  const update = () => link.setAttribute("href", `/api/v1/reports/state-summary.pdf?state=${state}&from=${from.value}&to=${to.value}`);
  from.addEventListener("change", update);
  to.addEventListener("change", update);
  update();
  return el("section", { id: "reports" },
    el("h2", { text: "Reports " }, el("span", { lang: "hi", text: "रिपोर्ट" })),
    el("div", { class: "row" }, field("From", from), field("To", to), link));
}
