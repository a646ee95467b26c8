// tqa reviewer report. The report arrives as JSON in #data; every string from it is untrusted,
// so the DOM is built with createElement and textContent only, never from markup strings.
"use strict";
(function () {
  const PAGE_SIZE = 200;
  const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
  const FACETS = ["severity", "category", "code", "path", "suppressed", "decision"];
  const DECISIONS = { "": "Not reviewed", "false-alarm": "False alarm", accepted: "Accepted" };

  const report = JSON.parse(document.getElementById("data").textContent);
  const findings = report.findings.map((f, index) => ({ f, index, hay: null }));
  const paragraphs = indexParagraphs(report.paragraphs || []);
  const fingerprintCounts = countFingerprints(report.findings);
  const decisions = new Map(); // fingerprint -> {status, reason}
  const state = { query: "", filters: {}, sort: "position", page: 0, flaggedOnly: false, view: [] };

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function indexParagraphs(list) {
    const byKey = new Map();
    for (const p of list) for (const [id] of p.segments) byKey.set(p.path + "\u0000" + id, p);
    return byKey;
  }

  function countFingerprints(list) {
    const counts = new Map();
    for (const f of list) if (f.fingerprint) counts.set(f.fingerprint, (counts.get(f.fingerprint) || 0) + 1);
    return counts;
  }

  // ---- filtering, counting, sorting -------------------------------------------------------

  function facetValue(f, facet) {
    if (facet === "path") return f.location.path;
    if (facet === "decision") return decisionOf(f).status;
    if (facet === "suppressed") return f.suppressed ? f.suppressed.by : "";
    return f[facet];
  }

  function decisionOf(f) {
    return (f.fingerprint && decisions.get(f.fingerprint)) || { status: "", reason: "" };
  }

  function haystack(item) {
    if (item.hay === null) {
      const f = item.f;
      item.hay = [f.code, f.check, f.category, f.severity, f.message, f.text, f.source || "",
        f.suggestion || "", f.location.path + ":" + f.location.line + ":" + f.location.column].join("\n").toLowerCase();
    }
    return item.hay;
  }

  // One pass gives the view and, for each facet, the counts under every *other* filter, so each
  // option shows how many findings choosing it would leave.
  function applyFilters() {
    const query = state.query.trim().toLowerCase();
    const counts = Object.fromEntries(FACETS.map((facet) => [facet, new Map()]));
    const view = [];
    for (const item of findings) {
      if (query && !haystack(item).includes(query)) continue;
      let failed = null;
      let failures = 0;
      for (const facet of FACETS) {
        const wanted = state.filters[facet];
        if (wanted !== undefined && wanted !== "*" && facetValue(item.f, facet) !== wanted) {
          failed = facet;
          failures += 1;
        }
      }
      if (failures === 0) {
        view.push(item);
        for (const facet of FACETS) bump(counts[facet], facetValue(item.f, facet));
      } else if (failures === 1) {
        bump(counts[failed], facetValue(item.f, failed));
      }
    }
    state.view = sortView(view);
    return counts;
  }

  function bump(map, key) {
    map.set(key, (map.get(key) || 0) + 1);
  }

  function sortView(view) {
    const by = {
      position: (a, b) => a.index - b.index,
      severity: (a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.index - b.index,
      check: (a, b) => (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : a.index - b.index),
    }[state.sort];
    return view.sort(by);
  }

  // ---- controls ---------------------------------------------------------------------------

  const optionCache = new Map();

  function facetOptions(facet) {
    if (!optionCache.has(facet)) optionCache.set(facet, distinctValues(facet));
    return optionCache.get(facet);
  }

  function distinctValues(facet) {
    if (facet === "decision") return Object.keys(DECISIONS);
    const values = [...new Set(report.findings.map((f) => facetValue(f, facet)))];
    return facet === "severity" ? values.sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b]) : values.sort();
  }

  function optionLabel(facet, value) {
    if (facet === "decision") return DECISIONS[value];
    if (facet === "suppressed") return value ? "By " + value : "Not suppressed";
    return value;
  }

  function fillFacets(counts) {
    for (const facet of FACETS) {
      const select = $("f-" + facet);
      const chosen = state.filters[facet] === undefined ? "*" : state.filters[facet];
      select.replaceChildren();
      let total = 0;
      for (const value of facetOptions(facet)) total += counts[facet].get(value) || 0;
      select.append(new Option("All (" + total + ")", "*"));
      for (const value of facetOptions(facet)) {
        select.append(new Option(optionLabel(facet, value) + " (" + (counts[facet].get(value) || 0) + ")", value));
      }
      select.value = chosen;
    }
  }

  // After a decision: counts and the view follow it, but the cards stay put, so focus stays.
  function recount() {
    fillFacets(applyFilters());
    renderStatus();
  }

  function refresh() {
    fillFacets(applyFilters());
    state.page = Math.min(state.page, Math.max(0, Math.ceil(state.view.length / PAGE_SIZE) - 1));
    renderPage();
  }

  function renderPage() {
    const start = state.page * PAGE_SIZE;
    const rows = state.view.slice(start, start + PAGE_SIZE);
    const list = $("findings");
    list.replaceChildren(...rows.map((item) => findingCard(item.f)));
    if (!rows.length) list.append(el("p", "empty", "No finding matches these filters."));
    renderStatus();
  }

  function renderStatus() {
    const total = state.view.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const start = state.page * PAGE_SIZE;
    const end = Math.min(start + PAGE_SIZE, total);
    const shown = total ? (start + 1) + "–" + end + " of " : "";
    $("status").textContent = "Showing " + shown + plural(total, "finding") +
      (total === findings.length ? "" : " (filtered from " + findings.length + ")") + ".";
    $("page-label").textContent = "Page " + (state.page + 1) + " of " + pages;
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page >= pages - 1;
  }

  function plural(n, noun) {
    return n + " " + noun + (n === 1 ? "" : "s");
  }

  // ---- one finding ------------------------------------------------------------------------

  function findingCard(f) {
    const card = el("article", "finding sev-" + f.severity + (f.suppressed ? " is-suppressed" : ""));
    const head = el("div", "finding-head");
    head.append(el("span", "badge sev-" + f.severity, f.severity));
    const code = el("a", "code", f.code);
    code.href = "#check-" + f.code;
    code.title = "What " + f.code + " checks, and why";
    head.append(code, el("span", "check", f.check), el("span", "category", f.category));
    const loc = f.location;
    if (f.suppressed) {
      head.append(el("span", "suppressed", "suppressed by " + f.suppressed.by +
        (f.suppressed.reason ? ": " + f.suppressed.reason : "")));
    }
    head.append(el("span", "location", loc.path + ":" + loc.line + ":" + loc.column));
    card.append(head, el("p", "message", f.message), context(f));
    if (f.suggestion !== null && f.suggestion !== undefined) {
      const suggestion = el("p", "suggestion", "Suggestion: ");
      suggestion.append(el("span", "replacement", f.suggestion));
      card.append(suggestion);
    }
    card.append(triageControls(f));
    return card;
  }

  function context(f) {
    if (f.source !== null && f.source !== undefined) {
      const pair = el("div", "context bilingual");
      pair.append(side("Source", report.signature.source_lang, document.createTextNode(f.source)));
      pair.append(side("Target", report.signature.target_lang, highlighted(f)));
      return pair;
    }
    const box = el("div", "context paragraph" + (state.flaggedOnly ? " flagged-only" : ""));
    const paragraph = paragraphs.get(f.location.path + "\u0000" + f.location.segment_id);
    const sentences = paragraph ? paragraph.segments : [[f.location.segment_id, f.text]];
    sentences.forEach(([id, text], i) => {
      if (i) box.append(document.createTextNode(" "));
      if (id === f.location.segment_id) box.append(highlighted(f));
      else box.append(el("span", "neighbour", text));
    });
    return box;
  }

  function side(label, lang, content) {
    const column = el("div", "side");
    column.append(el("div", "side-label", label + (lang ? " (" + lang + ")" : "")));
    const text = el("div", "side-text");
    text.append(content);
    column.append(text);
    return column;
  }

  // Spans count code points (Python string indices); JS strings count UTF-16 units.
  function spanParts(f) {
    const chars = Array.from(f.text);
    const start = f.span ? f.span.start : 0;
    const end = f.span ? f.span.end : chars.length;
    return [chars.slice(0, start).join(""), chars.slice(start, end).join(""), chars.slice(end).join("")];
  }

  function highlighted(f) {
    const [before, flagged, after] = spanParts(f);
    const segment = el("span", "hit");
    const mark = el("mark", flagged ? "" : "insertion", flagged || "‸");
    if (!flagged) mark.title = "Something is missing here";
    segment.append(document.createTextNode(before), mark, document.createTextNode(after));
    return segment;
  }

  // ---- triage -----------------------------------------------------------------------------

  function triageControls(f) {
    const box = el("div", "triage");
    const current = decisionOf(f);
    const status = document.createElement("select");
    const reason = document.createElement("input");
    for (const [value, label] of Object.entries(DECISIONS)) status.append(new Option(label, value));
    status.value = current.status;
    reason.type = "text";
    reason.value = current.reason;
    reason.placeholder = "Reason";
    status.setAttribute("aria-label", "Decision on " + f.code + " at " + f.location.path + ":" + f.location.line);
    reason.setAttribute("aria-label", "Reason for the decision on " + f.code + " at " + f.location.path + ":" + f.location.line);
    if (!f.fingerprint) {
      status.disabled = reason.disabled = true;
      box.title = "This report has no fingerprints, so decisions could not be matched next run.";
    }
    status.addEventListener("change", () => {
      decide(f, status.value, reason.value);
      recount();
    });
    reason.addEventListener("input", () => decide(f, status.value, reason.value));
    box.append(status, reason);
    return box;
  }

  function decide(f, status, reason) {
    if (status || reason) decisions.set(f.fingerprint, { status, reason });
    else decisions.delete(f.fingerprint);
    const made = [...decisions.values()].filter((d) => d.status).length;
    $("decision-count").textContent = String(made);
    $("download-decisions").disabled = made === 0;
  }

  // The format `tqa check --baseline FILE` reads: entries keyed by fingerprint, sorted.
  function decisionsFile() {
    const first = new Map();
    for (const f of report.findings) if (f.fingerprint && !first.has(f.fingerprint)) first.set(f.fingerprint, f);
    const entries = {};
    for (const fingerprint of [...decisions.keys()].sort()) {
      const d = decisions.get(fingerprint);
      const f = first.get(fingerprint);
      if (!d.status || !f) continue;
      entries[fingerprint] = { code: f.code, path: f.location.path, unit: f.location.segment_id,
        count: fingerprintCounts.get(fingerprint), status: d.status };
      if (d.reason) entries[fingerprint].reason = d.reason;
    }
    return JSON.stringify({ version: 1, entries }, null, 2) + "\n";
  }

  // ---- export -----------------------------------------------------------------------------

  const CSV_COLUMNS = ["file", "line", "column", "code", "check", "category", "severity", "message",
    "segment", "flagged", "suggestion", "source", "decision", "reason"];

  function csvRow(f) {
    const d = decisionOf(f);
    return [f.location.path, f.location.line, f.location.column, f.code, f.check, f.category, f.severity,
      f.message, f.text, spanParts(f)[1], f.suggestion, f.source, d.status, d.reason];
  }

  // A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one) as a formula.
  function csvCell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function viewAsCsv() {
    const lines = [CSV_COLUMNS, ...state.view.map((item) => csvRow(item.f))].map((row) => row.map(csvCell).join(","));
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // ---- wiring -----------------------------------------------------------------------------

  function bind() {
    for (const facet of FACETS) {
      $("f-" + facet).addEventListener("change", (event) => {
        state.filters[facet] = event.target.value;
        state.page = 0;
        refresh();
      });
    }
    $("q").addEventListener("input", (event) => {
      state.query = event.target.value;
      state.page = 0;
      refresh();
    });
    $("sort").addEventListener("change", (event) => {
      state.sort = event.target.value;
      state.page = 0;
      refresh();
    });
    $("flagged-only").addEventListener("change", (event) => {
      state.flaggedOnly = event.target.checked;
      renderPage();
    });
    $("reset-filters").addEventListener("click", () => {
      $("controls").reset();
      Object.assign(state, { query: "", filters: {}, sort: "position", page: 0, flaggedOnly: false });
      refresh();
    });
    $("prev").addEventListener("click", () => turnPage(-1));
    $("next").addEventListener("click", () => turnPage(1));
    $("export-csv").addEventListener("click", () => download("tqa-findings.csv", "text/csv;charset=utf-8", viewAsCsv()));
    $("download-decisions").addEventListener("click", () =>
      download("tqa-decisions.json", "application/json", decisionsFile()));
    $("controls").addEventListener("submit", (event) => event.preventDefault());
    document.addEventListener("keydown", (event) => {
      const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        $("q").focus();
      }
    });
  }

  function turnPage(step) {
    state.page += step;
    renderPage();
    $("findings").focus({ preventScroll: true });
    $("findings").scrollIntoView({ block: "start" });
  }

  bind();
  refresh();
})();
