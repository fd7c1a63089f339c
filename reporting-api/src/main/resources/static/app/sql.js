// SQL console: governed SQL under the caller's policy. The tables and columns this role may read
// (with each column's mask), a results grid, errors at the line and column reported, CSV/XLSX export.
import { alertBox, api, el, problem, save, table } from "./api.js";

export async function sqlConsole(main) {
  const editor = el("textarea", { id: "sql", rows: "7", "aria-label": "SQL query", spellcheck: "false" });
  editor.value = "SELECT destination_state_code, sum(persons) AS persons\nFROM od_flows\nGROUP BY destination_state_code\nORDER BY persons DESC";
  const run = el("button", { id: "run-sql", type: "button", text: "Run" });
  const csv = el("button", { id: "export-csv", type: "button", text: "Export CSV" });
  const xlsx = el("button", { id: "export-xlsx", type: "button", text: "Export XLSX" });
  const result = el("div", { id: "sql-result", role: "region", "aria-label": "Result", "aria-live": "polite" });
  const tables = el("nav", { id: "sql-tables", "aria-label": "Tables you may query" }, el("p", { text: "Loading tables…" }));
  const post = (format) => api("/api/v1/sql", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sql: editor.value, format }),
  });
  const refused = async (r) => {
    const body = await r.json();
    result.replaceChildren(alertBox("sql-error", `${body.code}: ${body.detail}`));
    if (body.line) {
      // Put the caret where the service says the problem is.
      const lines = editor.value.split("\n");
      const at = lines.slice(0, body.line - 1).reduce((n, l) => n + l.length + 1, 0) + body.column - 1;
      editor.focus();
      editor.setSelectionRange(at, at);
    }
  };
  run.addEventListener("click", async () => {
    result.replaceChildren(el("p", { text: "Running…" }));
    const r = await post("json");
    if (!r.ok) return refused(r);
    const body = await r.json();
    result.replaceChildren(
      el("p", { id: "sql-count", class: "note", text: `${body.count} row${body.count === 1 ? "" : "s"}` }),
      table({ id: "sql-grid" }, null, body.columns, body.rows));
  });
  for (const [button, format] of [[csv, "csv"], [xlsx, "xlsx"]]) {
    button.addEventListener("click", async () => {
      result.replaceChildren(el("p", { text: `Exporting ${format.toUpperCase()}…` }));
      const r = await post(format);
      if (!r.ok) return refused(r);
      await save(r, `nmis-report.${format}`);
      result.replaceChildren(el("p", { id: "sql-exported", text: `Exported ${r.headers.get("X-NMIS-Rows")} row${r.headers.get("X-NMIS-Rows") === "1" ? "" : "s"} as ${format.toUpperCase()}.` }));
    });
  }
  main.replaceChildren(
    el("h1", { text: "SQL console " }, el("span", { lang: "hi", text: "एसक्यूएल" })),
    el("div", { class: "sql-layout" }, tables,
      el("div", { class: "sql-main" }, editor, el("div", { class: "row" }, run, csv, xlsx), result)));
  const r = await api("/api/v1/sql/tables");
  if (!r.ok) {
    tables.replaceChildren(alertBox("tables-error", await problem(r)));
    return;
  }
  tables.replaceChildren(
    el("h2", { text: "Tables" }),
    el("p", { class: "note", text: "Rows are limited to your jurisdiction. Hidden columns read as null; masked mobiles keep their last four digits." }),
    ...(await r.json()).map((t) => tableEntry(t, editor)));
}

function tableEntry(t, editor) {
  const insert = el("button", { type: "button", class: "insert", text: `Insert ${t.name}` });
  insert.addEventListener("click", () => {
    editor.setRangeText(t.name, editor.selectionStart, editor.selectionEnd, "end");
    editor.focus();
  });
  return el("details", { class: "sql-table", "data-table": t.name },
    el("summary", { text: t.name }),
    ...(t.comment ? [el("p", { class: "note", text: t.comment })] : []),
    insert,
    el("ul", {}, ...t.columns.map((c) => el("li", { "data-mask": c.mask },
      el("code", { text: c.name }), ` ${c.type.toLowerCase()}`,
      ...(c.mask === "CLEAR" ? [] : [el("span", { class: "mask", text: c.mask === "HIDDEN" ? " hidden" : " last 4 digits" })])))));
}
