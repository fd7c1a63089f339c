// SQL console: governed SQL under the caller's policy; errors shown at the line and column reported.
import { api, el } from "./api.js";

export function sqlConsole(main) {
  const editor = el("textarea", { id: "sql", rows: "6", "aria-label": "SQL query", spellcheck: "false" });
  editor.value = "SELECT destination_state_code, sum(persons) AS persons FROM od_flows GROUP BY destination_state_code ORDER BY persons DESC";
  const run = el("button", { id: "run-sql", type: "button", text: "Run" });
  const result = el("div", { id: "sql-result", role: "region", "aria-label": "Result" });
  run.addEventListener("click", async () => {
    result.replaceChildren(el("p", { text: "Running…" }));
    const r = await api("/api/v1/sql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sql: editor.value, format: "json" }),
    });
    const body = await r.json();
    if (!r.ok) {
      result.replaceChildren(el("p", { class: "error", id: "sql-error", role: "alert", text: `${body.code}: ${body.detail}` }));
      if (body.line) {
        // Put the caret where the service says the problem is.
        const lines = editor.value.split("\n");
        const at = lines.slice(0, body.line - 1).reduce((n, l) => n + l.length + 1, 0) + body.column - 1;
        editor.focus();
        editor.setSelectionRange(at, at);
      }
      return;
    }
    result.replaceChildren(el("table", {},
      el("thead", {}, el("tr", {}, ...body.columns.map((c) => el("th", { scope: "col", text: c })))),
      el("tbody", {}, ...body.rows.map((row) => el("tr", {}, ...row.map((v) => el("td", { text: v === null ? "" : String(v) })))))));
  });
  main.replaceChildren(el("h1", { text: "SQL console" }), editor, run, result);
}
