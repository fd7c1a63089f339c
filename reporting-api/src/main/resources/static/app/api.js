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
