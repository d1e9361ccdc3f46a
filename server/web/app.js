// orgchart live editor: renders and checks the chart as you type.
// No frameworks; talks only to this server (the page's CSP allows nothing else).
"use strict";

const $ = (id) => document.getElementById(id);
const src = $("source");
const gutter = $("gutter");
const preview = $("preview");
const list = $("findings");
const statusEl = $("status");
const DEBOUNCE_MS = 400;

let seq = 0;          // request generation: stale answers are dropped
let timer = 0;
let previewURL = "";  // blob: URL of the shown SVG
let lastFindings = [];

function setStatus(text, kind) {
  statusEl.textContent = text;
  statusEl.className = "status " + (kind || "");
}

// --- line numbers -----------------------------------------------------------
function lineCount(text) {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function drawGutter() {
  const n = lineCount(src.value);
  const hits = new Set(lastFindings.map((f) => f.line));
  const parts = [];
  for (let i = 1; i <= n; i++) parts.push(hits.has(i) ? '<span class="hit">' + i + "</span>" : String(i));
  gutter.innerHTML = parts.join("\n");
  gutter.scrollTop = src.scrollTop;
}

function caretLine() {
  return lineCount(src.value.slice(0, src.selectionStart));
}

// --- rendering and checking ------------------------------------------------
async function errorMessage(resp) {
  try {
    const j = await resp.json();
    if (j && j.error && j.error.message) return j.error.message;
  } catch (e) { /* not JSON */ }
  return "HTTP " + resp.status;
}

async function renderPreview(text, gen) {
  const t0 = performance.now();
  const resp = await fetch("/orgchart/svg", {
    method: "POST",
    headers: { "Content-Type": "text/plain; charset=utf-8", "Accept": "application/json" }, // errors as JSON; the path sets the format
    body: text,
  });
  if (gen !== seq) return null;
  if (!resp.ok) {
    const msg = await errorMessage(resp);
    if (gen !== seq) return null;
    preview.replaceChildren(Object.assign(document.createElement("div"), { className: "error", textContent: msg }));
    $("size").textContent = "";
    return { ok: false, msg };
  }
  const blob = await resp.blob();
  if (gen !== seq) return null;
  const url = URL.createObjectURL(blob);
  const img = new Image();
  img.alt = "org chart preview";
  img.id = "preview-img";
  await new Promise((resolve) => { img.onload = img.onerror = resolve; img.src = url; });
  if (gen !== seq) { URL.revokeObjectURL(url); return null; }
  preview.replaceChildren(img);
  if (previewURL) URL.revokeObjectURL(previewURL);
  previewURL = url;
  preview.dataset.chars = String(text.length); // which text the preview shows (for tests)
  $("size").textContent = (blob.size / 1024).toFixed(1) + " KiB · " + Math.round(performance.now() - t0) + " ms";
  return { ok: true };
}

// findingsFrom reads the diagnostics of orgchart's JSON report.
function findingsFrom(report) {
  const out = [];
  for (const d of (report && report.diagnostics) || []) {
    if (d.suppressed) continue;
    out.push({ code: d.code, severity: d.severity || "info", message: d.message, line: d.line || 0, column: d.column || 0, url: d.doc_url || "" });
  }
  return out;
}

// loadErrors turns a load error message ("chart:3:5: msg" lines) into
// findings so they can be clicked like the rules' findings.
function loadErrors(msg) {
  const out = [];
  for (const l of msg.split("\n")) {
    const m = /^chart:(\d+)(?::(\d+))?: (.*)$/.exec(l.trim());
    if (m) out.push({ code: "LOAD", severity: "error", message: m[3], line: +m[1], column: +(m[2] || 0), url: "" });
  }
  if (!out.length && msg) out.push({ code: "LOAD", severity: "error", message: msg, line: 0, column: 0, url: "" });
  return out;
}

async function checkChart(text, gen) {
  const resp = await fetch("/v1/validate", {
    method: "POST",
    headers: { "Content-Type": "text/plain; charset=utf-8", "Accept": "application/json" },
    body: text,
  });
  if (gen !== seq) return null;
  const found = resp.ok ? findingsFrom(await resp.json()) : loadErrors(await errorMessage(resp));
  if (gen !== seq) return null;
  showFindings(found);
  list.dataset.chars = String(text.length);
  return found;
}

function showFindings(found) {
  lastFindings = found;
  list.replaceChildren();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of found) counts[f.severity] = (counts[f.severity] || 0) + 1;
  $("summary").textContent = found.length
    ? [counts.error + " error" + (counts.error === 1 ? "" : "s"), counts.warning + " warning" + (counts.warning === 1 ? "" : "s"), counts.info + " info"].join(" · ")
    : "";
  if (!found.length) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = "No findings: the chart passes every enabled rule.";
    list.append(li);
  }
  for (const f of found) {
    const li = document.createElement("li");
    li.dataset.line = String(f.line);
    li.dataset.code = f.code;
    li.tabIndex = 0;
    const sev = Object.assign(document.createElement("span"), { className: "sev " + f.severity, textContent: f.severity });
    const code = Object.assign(document.createElement("span"), { className: "code", textContent: f.code });
    const line = Object.assign(document.createElement("span"), { className: "line", textContent: f.line ? "line " + f.line : "" });
    const msg = Object.assign(document.createElement("span"), { className: "msg", textContent: f.message });
    if (f.url) {
      const a = Object.assign(document.createElement("a"), { href: f.url, textContent: "docs", target: "_blank", rel: "noopener noreferrer" });
      a.addEventListener("click", (e) => e.stopPropagation());
      msg.append(a);
    }
    li.append(sev, code, line, msg);
    const go = () => { jumpTo(f.line); for (const o of list.children) o.classList.remove("active"); li.classList.add("active"); };
    li.addEventListener("click", go);
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
    list.append(li);
  }
  drawGutter();
}

// jumpTo selects line n (one-based) of the textarea and scrolls it into view.
function jumpTo(n) {
  if (!n) return;
  const text = src.value;
  let start = 0;
  for (let i = 1; i < n; i++) {
    const j = text.indexOf("\n", start);
    if (j < 0) break;
    start = j + 1;
  }
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  src.focus();
  src.setSelectionRange(start, end);
  const lh = 20;
  src.scrollTop = Math.max(0, (n - 1) * lh - src.clientHeight / 3);
  gutter.scrollTop = src.scrollTop;
  $("pos").textContent = "line " + n;
}

async function update() {
  const gen = ++seq;
  const text = src.value;
  if (!text.trim()) {
    preview.replaceChildren(Object.assign(document.createElement("p"), { className: "placeholder", textContent: "The chart appears here as you type." }));
    showFindings([]);
    setStatus("empty chart", "");
    return;
  }
  setStatus("rendering…", "busy");
  try {
    const [r, f] = await Promise.all([renderPreview(text, gen), checkChart(text, gen)]);
    if (gen !== seq || !r || !f) return;
    const errs = f.filter((x) => x.severity === "error").length;
    if (!r.ok) setStatus("cannot draw this chart", "bad");
    else setStatus(errs ? "drawn · " + errs + " error" + (errs === 1 ? "" : "s") + " found" : "drawn · no errors", errs ? "bad" : "ok");
  } catch (e) {
    if (gen === seq) setStatus("server unreachable: " + e.message, "bad");
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
  drawGutter();
}

// --- downloads and embedding -------------------------------------------------
async function download(format) {
  setStatus("rendering " + format.toUpperCase() + "…", "busy");
  const resp = await fetch("/orgchart/" + format, { method: "POST", headers: { "Accept": "application/json" }, body: src.value });
  if (!resp.ok) { setStatus(await errorMessage(resp), "bad"); return; }
  const url = URL.createObjectURL(await resp.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: "orgchart." + format });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  setStatus("downloaded orgchart." + format, "ok");
}

// encode gives Kroki's GET encoding: base64url(zlib(utf8(text))).
// CompressionStream("deflate") produces the zlib format (RFC 1950).
async function encode(text) {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    return false;
  }
}

async function showEmbed() {
  const url = location.origin + "/orgchart/svg/" + (await encode(src.value.trim()));
  $("embed-url").value = url;
  $("embed-md").value = "![org chart](" + url + ")";
  $("embed-adoc").value = "image::" + url + "[org chart]";
  $("embed").hidden = false;
  const copied = await copyText(url);
  const long = url.length > 4096 ? " (over 4096 bytes: too long for a GET; POST the chart instead)" : "";
  setStatus((copied ? "embed URL copied" : "embed URL ready") + long, long ? "bad" : "ok");
}

// --- the chart registry -------------------------------------------------------
// A named chart on this server: open its latest version, save the editor's
// text as a new version (If-Match the version opened, so a concurrent save is
// not overwritten), list its versions and show the diff of each.
let regVersion = 0;

function regName() {
  return $("reg-name").value.trim();
}

function regHeaders(extra) {
  const h = Object.assign({ "Accept": "application/json" }, extra || {});
  const tok = $("reg-token").value.trim();
  if (tok) h["Authorization"] = "Bearer " + tok;
  return h;
}

function regState(text) {
  $("reg-state").textContent = text;
}

function plural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

async function regOpen() {
  const name = regName();
  const meta = await fetch("/v1/charts/" + encodeURIComponent(name), { headers: regHeaders() });
  if (!meta.ok) { setStatus(await errorMessage(meta), "bad"); return; }
  const v = await meta.json();
  const body = await fetch("/v1/charts/" + encodeURIComponent(name) + "/versions/" + v.version, { headers: regHeaders() });
  if (!body.ok) { setStatus(await errorMessage(body), "bad"); return; }
  src.value = await body.text();
  regVersion = v.version;
  regState(name + " · version " + v.version);
  setStatus("opened " + name + " version " + v.version, "ok");
  schedule();
}

async function regSave() {
  const name = regName();
  const extra = { "Content-Type": "text/plain; charset=utf-8" };
  if (regVersion) extra["If-Match"] = '"' + regVersion + '"';
  const resp = await fetch("/v1/charts/" + encodeURIComponent(name), { method: "PUT", headers: regHeaders(extra), body: src.value });
  if (resp.status === 412) { setStatus("someone saved a newer version: open it again before saving", "bad"); return; }
  if (resp.status === 422) {
    const j = await resp.json();
    showFindings((j.diagnostics || []).map((d) => ({ code: "LOAD", severity: "error", message: d.message, line: d.line || 0, column: d.column || 0, url: "" })));
    setStatus(j.error, "bad");
    return;
  }
  if (!resp.ok) { setStatus(await errorMessage(resp), "bad"); return; }
  const v = await resp.json();
  const same = v.version === regVersion;
  regVersion = v.version;
  regState(name + " · version " + v.version);
  setStatus(same ? "no change: still version " + v.version : "saved " + name + " version " + v.version, "ok");
  if (!$("reg-versions").hidden) regHistory();
}

async function regHistory() {
  const name = regName();
  const resp = await fetch("/v1/charts/" + encodeURIComponent(name) + "/versions?limit=20", { headers: regHeaders() });
  if (!resp.ok) { setStatus(await errorMessage(resp), "bad"); return; }
  const out = $("reg-versions");
  out.replaceChildren();
  out.hidden = false;
  for (const v of (await resp.json()).versions) {
    const li = document.createElement("li");
    li.dataset.version = String(v.version);
    const f = v.findings;
    li.append(Object.assign(document.createElement("span"), {
      textContent: "v" + v.version + " · " + v.created.replace("T", " ").slice(0, 16) + (v.author ? " · " + v.author : "") +
        " · " + plural(f.errors, "error") + ", " + plural(f.warnings, "warning"),
    }));
    if (v.version > 1) {
      const b = Object.assign(document.createElement("button"), { type: "button", className: "btn small", textContent: "diff" });
      b.addEventListener("click", () => regDiff(name, v.version - 1, v.version));
      li.append(b);
    }
    out.append(li);
  }
}

async function regDiff(name, from, to) {
  const resp = await fetch("/v1/charts/" + encodeURIComponent(name) + "/diff?format=text&from=" + from + "&to=" + to, { headers: regHeaders() });
  const pre = $("reg-diff");
  pre.hidden = false;
  pre.textContent = resp.ok ? await resp.text() : await errorMessage(resp);
}

// The registry panel shows when the server keeps a registry (/health says).
async function regDetect() {
  try {
    const h = await (await fetch("/health")).json();
    $("reg-btn").hidden = !h.store;
  } catch (e) { /* no registry */ }
}

// --- wiring ------------------------------------------------------------------
src.addEventListener("input", schedule);
src.addEventListener("scroll", () => { gutter.scrollTop = src.scrollTop; });
src.addEventListener("keyup", () => { $("pos").textContent = "line " + caretLine(); });
src.addEventListener("click", () => { $("pos").textContent = "line " + caretLine(); });
src.addEventListener("keydown", (e) => {
  if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    src.setRangeText("  ", src.selectionStart, src.selectionEnd, "end");
    schedule();
  }
});
for (const f of ["svg", "png", "pdf", "pptx"]) $("dl-" + f).addEventListener("click", () => download(f));
$("embed-btn").addEventListener("click", showEmbed);
$("embed-close").addEventListener("click", () => { $("embed").hidden = true; });
$("reg-btn").addEventListener("click", () => { $("registry").hidden = false; $("reg-name").focus(); });
$("reg-close").addEventListener("click", () => { $("registry").hidden = true; });
$("reg-open").addEventListener("click", regOpen);
$("reg-save").addEventListener("click", regSave);
$("reg-history").addEventListener("click", regHistory);
for (const b of document.querySelectorAll("button.copy")) {
  b.addEventListener("click", async () => {
    const ok = await copyText($(b.dataset.copy).value);
    $(b.dataset.copy).select();
    setStatus(ok ? "copied" : "select and copy", "ok");
  });
}

src.value = $("example").content.textContent;
drawGutter();
update();
regDetect();
