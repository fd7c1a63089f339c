// Calls to the public REST API from the pages, with the session cookie and the CSRF token.

/** The XSRF-TOKEN cookie the service sets; sent back as a header with every change. */
export function csrfToken() {
  const c = document.cookie.split("; ").find((x) => x.startsWith("XSRF-TOKEN="));
  return c ? decodeURIComponent(c.substring("XSRF-TOKEN=".length)) : "";
}

/** Calls the API with the session cookie; a lapsed session goes back to the sign-in page. */
export async function api(path, options = {}) {
  // X-Requested-With: a 401 then comes without a Basic challenge (no browser password dialog).
  const headers = { Accept: "application/json", "X-Requested-With": "XMLHttpRequest", ...(options.headers || {}) };
  if (options.method && options.method !== "GET") {
    headers["X-XSRF-TOKEN"] = csrfToken();
  }
  const r = await fetch(path, { credentials: "same-origin", ...options, headers });
  if (r.status === 401) {
    location.assign("/login.html?expired");
    throw new Error("signed out");
  }
  return r;
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

export const number = new Intl.NumberFormat("en-IN");

/** The problem body of a refused call as one line: its stable code and what to do. */
export async function problem(r) {
  try {
    const body = await r.json();
    return `${body.code || r.status}: ${body.detail || body.title || r.statusText}`;
  } catch {
    return `${r.status}: ${r.statusText}`;
  }
}

/** A message in the page that screen readers announce. */
export function alertBox(id, text) {
  return el("p", { class: "error", id, role: "alert", text });
}

/** A table: header texts, then rows of cells (numbers right-aligned and grouped in the Indian way). */
export function table(attrs, caption, headers, rows) {
  return el("table", attrs,
    ...(caption ? [el("caption", { text: caption })] : []),
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows.map((row) => el("tr", {}, ...row.map(cell)))));
}

function cell(v) {
  if (v instanceof Node) return el("td", {}, v);
  if (typeof v === "number") return el("td", { class: "n", text: number.format(v) });
  return el("td", { text: v === null || v === undefined ? "" : String(v) });
}

/**
 * Sends a form with a file, reporting the bytes sent (fetch cannot); resolves with the status and
 * the parsed body.
 */
export function sendFile(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.setRequestHeader("X-XSRF-TOKEN", csrfToken());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      resolve({ status: xhr.status, ok: xhr.status < 300, body });
    };
    xhr.onerror = () => reject(new Error("the upload did not reach the service"));
    xhr.send(form);
  });
}

/** Saves an answer as a file (for downloads that need a POST, such as SQL exports). */
export async function save(r, fallbackName) {
  const disposition = r.headers.get("Content-Disposition") || "";
  const m = /filename="([^"]+)"/.exec(disposition);
  const a = el("a", { href: URL.createObjectURL(await r.blob()), download: m ? m[1] : fallbackName });
  document.body.append(a);
  a.click();
  a.remove();
}

/** A link that downloads with the session (the cookie rides along a plain GET). */
export function download(href, text, attrs = {}) {
  return el("a", { href, download: "", class: "download", ...attrs, text });
}

let statesCache = null;

/** States and union territories from the reference API, fetched once per page. */
export async function states() {
  statesCache = statesCache || (await (await api("/api/v1/reference/states")).json());
  return statesCache;
}

const districtCache = new Map();

/** District names of these states by district code, from the reference API, each state fetched once. */
export async function districtNames(stateCodes) {
  const names = new Map();
  for (const code of new Set(stateCodes)) {
    if (!districtCache.has(code)) {
      districtCache.set(code, api(`/api/v1/reference/districts?state=${code}`).then((r) => (r.ok ? r.json() : [])));
    }
    for (const d of await districtCache.get(code)) names.set(d.code, d.name);
  }
  return names;
}

/** A labelled form field: the label wraps the control, so the pairing needs no IDs. */
export function field(label, control, hindi) {
  return el("label", { class: "field" }, el("span", { text: label }),
    ...(hindi ? [el("span", { lang: "hi", class: "hi", text: hindi })] : []), control);
}

/** A progress bar with its percentage as text for screen readers. */
export function progressBar(id) {
  return el("progress", { id, max: "100", value: "0", "aria-label": "Progress" });
}
