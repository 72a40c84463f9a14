// hookctl inspector. Payload text (paths, headers, bodies, event types) is untrusted: it only
// ever reaches the page through textContent and element attributes set by name, never as
// markup; the Content-Security-Policy forbids inline script besides.
"use strict";

const TOKEN = new URLSearchParams(location.search).get("t") || "";
const MAX_ROWS = 1000; // live rows kept in the page; older ones are paged in with "Load older"
const PAGE = 100;

// cap: rows the page keeps while live rows arrive — MAX_ROWS, or as many as were paged in by
// hand (a live row must not drop the older rows the user just asked for).
const state = { rows: new Map(), oldest: null, lastSeq: 0, selected: null, source: null, detail: null, cap: MAX_ROWS };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = String(v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function api(path, params) {
  const q = new URLSearchParams(params || {});
  q.set("t", TOKEN);
  return path + "?" + q.toString();
}

function filters() {
  const f = {};
  for (const id of ["verdict", "type", "path", "q"]) {
    const v = document.getElementById("f-" + id).value.trim();
    if (v) f[id] = v;
  }
  return f;
}

function size(n) {
  if (n < 1024) return n + " B";
  if (n < 1048576) return (n / 1024).toFixed(1) + " KiB";
  return (n / 1048576).toFixed(1) + " MiB";
}

function toast(text) {
  const t = document.getElementById("toast");
  t.textContent = text;
  t.style.display = "block";
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.style.display = "none"; }, 1800);
}

function row(r) {
  const marks = el("td", { class: "marks" });
  if (r.duplicate) marks.append(el("span", { class: "mark", text: "dup", title: "duplicate delivery id" }));
  if (r.forwarded_to) marks.append(el("span", { class: "mark", text: "fwd", title: "forwarded to " + r.forwarded_to }));
  if (r.forward_error) marks.append(el("span", { class: "mark err", text: "fwd ✗", title: r.forward_error }));
  const ok = r.status >= 200 && r.status < 300;
  const path = r.path + (r.query ? "?" + r.query : "");
  const tr = el("tr", { "data-seq": r.seq, "data-verdict": r.verdict, onclick: () => select(r.seq) },
    el("td", { class: "time", text: (r.received_at || "").slice(11, 23), title: r.received_at }),
    el("td", { class: "method", text: r.method }),
    el("td", { class: "path", text: path, title: path }),
    el("td", { class: "type", text: r.event_type || "–", title: r.event_type || "" }),
    el("td", {}, el("span", { class: "badge " + r.verdict, text: r.verdict })),
    el("td", { class: "status " + (ok ? "ok" : "bad"), text: r.status }),
    el("td", { class: "size", text: size(r.size) }),
    marks);
  if (state.selected === r.seq) tr.classList.add("selected");
  return tr;
}

function updateCount(total) {
  document.getElementById("count").textContent = state.rows.size + " shown" + (total !== undefined ? " · " + total + " kept" : "");
}

// Newest first: a live row goes on top. Rows arriving in a burst are put in once per frame
// (one DOM insert, one trim, one count), so thousands a second do not stall the page.
const pending = [];
function addLive(r) {
  if (state.rows.has(r.seq)) return;
  if (!pending.length) requestAnimationFrame(flushLive);
  pending.push(r);
}

function flushLive() {
  const batch = pending.splice(0).filter((r) => !state.rows.has(r.seq)).sort((a, b) => b.seq - a.seq);
  if (!batch.length) return;
  const body = document.getElementById("rows");
  const top = body.firstElementChild ? Number(body.firstElementChild.dataset.seq) : 0;
  const fresh = document.createDocumentFragment();
  for (const r of batch) {
    const tr = row(r);
    // The highlight is for a row one can follow; a burst of them animating costs frames.
    if (batch.length <= 10) tr.classList.add("fresh");
    state.rows.set(r.seq, tr);
    state.lastSeq = Math.max(state.lastSeq, r.seq);
    if (r.seq > top) { fresh.append(tr); continue; }
    // Older than the top row (a reconnect's backlog): in its place.
    let before = null;
    for (const other of body.children) {
      if (Number(other.dataset.seq) < r.seq) { before = other; break; }
    }
    body.insertBefore(tr, before);
  }
  body.prepend(fresh);
  while (state.rows.size > state.cap) {
    const last = body.lastElementChild;
    state.rows.delete(Number(last.dataset.seq));
    last.remove();
    state.oldest = Number(body.lastElementChild.dataset.seq);
    document.getElementById("more").disabled = false;
  }
  document.getElementById("none").style.display = "none";
  updateCount();
}

async function load(older) {
  const params = Object.assign({ limit: PAGE }, filters());
  if (older && state.oldest !== null) params.before = state.oldest;
  const resp = await fetch(api("/api/requests", params));
  if (!resp.ok) { toast("cannot load the list (" + resp.status + ")"); return; }
  const page = await resp.json();
  const body = document.getElementById("rows");
  if (!older) {
    body.replaceChildren();
    state.rows.clear();
    state.lastSeq = page.last_seq;
  }
  for (const r of page.items) {
    if (state.rows.has(r.seq)) continue;
    const tr = row(r);
    body.append(tr);
    state.rows.set(r.seq, tr);
  }
  state.oldest = page.items.length ? page.items[page.items.length - 1].seq : state.oldest;
  state.cap = older ? Math.max(state.cap, state.rows.size) : MAX_ROWS;
  document.getElementById("more").disabled = !page.more;
  document.getElementById("none").style.display = state.rows.size ? "none" : "block";
  updateCount(page.total);
}

function connect() {
  if (state.source) state.source.close();
  const params = Object.assign({ since: state.lastSeq }, filters());
  const src = new EventSource(api("/api/events", params));
  const dot = document.getElementById("conn");
  src.addEventListener("open", () => { dot.className = "dot live"; dot.title = "live"; });
  src.addEventListener("error", () => { dot.className = "dot down"; dot.title = "reconnecting…"; });
  src.addEventListener("request", (ev) => addLive(JSON.parse(ev.data)));
  // Too far behind: the server dropped events for this page, so it reloads the list.
  src.addEventListener("reset", () => { load(false).then(connect); });
  state.source = src;
}

async function refresh() {
  await load(false);
  connect();
}

async function select(seq) {
  if (state.selected !== null && state.rows.has(state.selected)) state.rows.get(state.selected).classList.remove("selected");
  state.selected = seq;
  if (state.rows.has(seq)) state.rows.get(seq).classList.add("selected");
  const pane = document.getElementById("detail");
  const resp = await fetch(api("/api/requests/" + seq));
  if (!resp.ok) { pane.replaceChildren(el("div", { class: "empty", text: "This request has left the window." })); return; }
  const d = await resp.json();
  state.detail = d;
  pane.replaceChildren(...detail(d));
}

function detail(d) {
  const out = [];
  const path = d.path + (d.query ? "?" + d.query : "");
  out.push(el("h2", {}, el("span", { class: "muted", text: d.method + " " }), path));
  out.push(el("div", { class: "muted mono", text: d.id + " · " + d.received_at }));

  out.push(el("h3", { text: "Verdict" }));
  out.push(el("div", {}, el("span", { class: "badge " + d.verdict, id: "verdict", text: d.verdict }), " ",
    el("span", { class: "status " + (d.status >= 200 && d.status < 300 ? "ok" : "bad"), text: "answered " + d.status })));
  out.push(el("ul", { class: "why", id: "why" }, ...d.explanation.map((s) => el("li", { text: s }))));

  const meta = el("dl", { class: "meta" });
  const add = (k, v) => { if (v !== null && v !== undefined && v !== "") meta.append(el("dt", { text: k }), el("dd", { text: v })); };
  add("event type", d.event_type);
  add("scheme", d.scheme);
  add("size", size(d.size));
  add("duplicate", d.duplicate ? "yes (delivery id seen before)" : null);
  add("forwarded to", d.forwarded_to);
  add("forward error", d.forward_error);
  out.push(meta);

  out.push(el("h3", { text: "Replay" }));
  const to = el("input", { id: "replay-to", placeholder: d.replay_to ? "forward target: " + d.replay_to : "URL to send it to", value: d.replay_to ? "" : null });
  const result = el("pre", { id: "replay-result", class: "mono", text: "" });
  result.style.display = "none";
  const go = (resign) => replay(d.seq, to.value, resign, result);
  out.push(el("div", { class: "row" }, to,
    el("button", { class: "primary", id: "replay", onclick: () => go(false), text: "Replay as received" }),
    el("button", { id: "replay-resign", onclick: () => go(true), disabled: !d.can_resign, title: d.can_resign ? "fresh id and timestamp, signed with the first --secret" : "needs listen --secret", text: "Replay re-signed" })));
  out.push(result);
  out.push(el("div", { class: "row" },
    el("button", { id: "copy-curl", onclick: () => copy(d.curl, "curl command copied"), text: "Copy as curl" }),
    el("button", { id: "copy-replay", disabled: !d.replay_command, title: d.replay_command ? "" : "needs listen --capture FILE", onclick: () => copy(d.replay_command, "replay command copied"), text: "Copy as hookctl replay" })));

  out.push(el("h3", { text: "Headers (" + d.headers.length + ")" }));
  out.push(el("table", { class: "headers" }, el("tbody", {}, ...d.headers.map(([k, v, b64]) =>
    el("tr", {}, el("td", { class: "mono", text: k }), el("td", { class: "mono", text: v + (b64 ? "  (not UTF-8)" : "") }))))));

  out.push(el("h3", { text: "Body (" + size(d.size) + ")" }));
  out.push(bodyView(d.body));

  if (d.answer) {
    out.push(el("h3", { text: "Forward target answered " + d.answer.status }));
    out.push(el("div", { class: "muted mono", text: d.answer.content_type || "" }));
    out.push(el("pre", { text: d.answer.body + (d.answer.cut ? "\n… (cut)" : "") }));
  }
  return out;
}

function bodyView(b) {
  if (b.kind === "empty") return el("div", { class: "muted", text: "(empty)" });
  const views = {};
  if (b.kind === "json") {
    views.Pretty = () => el("div", { class: "tree", id: "body-tree" }, tree(JSON.parse(b.text), null, 0));
    views.Raw = () => el("pre", { id: "body-raw", text: b.text });
  } else if (b.kind === "text") {
    views.Raw = () => el("pre", { id: "body-raw", text: b.text });
  } else {
    views.Hex = () => el("pre", { id: "body-hex", text: b.hex + (b.cut ? "… (cut)" : "") });
    views.Base64 = () => el("pre", { id: "body-raw", text: b.base64 });
  }
  const holder = el("div");
  const tabs = el("div", { class: "tabs" });
  const names = Object.keys(views);
  const show = (name) => {
    for (const t of tabs.children) t.classList.toggle("on", t.textContent === name);
    holder.replaceChildren(views[name]());
  };
  for (const n of names) tabs.append(el("button", { text: n, onclick: () => show(n) }));
  const wrap = el("div", {}, tabs, holder);
  show(names[0]);
  return wrap;
}

// Foldable JSON: objects and arrays are <details>, everything written as text.
function tree(v, key, depth) {
  const label = (extra) => {
    const s = el("span");
    if (key !== null) s.append(el("span", { class: "k", text: JSON.stringify(key) }), ": ");
    s.append(extra);
    return s;
  };
  if (v !== null && typeof v === "object") {
    const isArr = Array.isArray(v);
    const entries = isArr ? v.map((x, i) => [i, x]) : Object.entries(v);
    const d = el("details", { open: depth < 3 });
    d.append(el("summary", {}, label(el("span", { class: "muted", text: isArr ? "[" + entries.length + "]" : "{" + entries.length + "}" }))));
    for (const [k, x] of entries) d.append(tree(x, isArr ? null : k, depth + 1));
    return d;
  }
  const cls = typeof v === "string" ? "s" : typeof v === "number" ? "n" : "b";
  return el("div", { class: "leaf" }, label(el("span", { class: cls, text: JSON.stringify(v) })));
}

async function replay(seq, to, resign, result) {
  result.style.display = "block";
  result.textContent = "sending…";
  result.removeAttribute("data-status");
  const resp = await fetch(api("/api/requests/" + seq + "/replay"), {
    method: "POST",
    headers: { "content-type": "application/json", "x-hookctl-token": TOKEN },
    body: JSON.stringify({ to: to.trim() || null, resign }),
  });
  const r = await resp.json().catch(() => ({ error: "HTTP " + resp.status }));
  if (!resp.ok || r.error) {
    result.textContent = "✗ " + (r.error || "HTTP " + resp.status);
    result.setAttribute("data-status", r.status || "error");
    return;
  }
  result.setAttribute("data-status", r.status);
  result.textContent = (resign ? "re-signed (" + r.resigned + ") → " : "as received → ") + r.url + "\n" + r.status + " " + (r.content_type || "") + "\n" + (r.body || "");
}

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    toast(done);
  } catch (e) {
    // No clipboard permission: show it for copying by hand.
    const pane = document.getElementById("detail");
    pane.prepend(el("pre", { class: "mono", text }));
    toast("select and copy it from the box above");
  }
}

function build() {
  let timer = null;
  const changed = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
  const input = (id, placeholder) => el("input", { id: "f-" + id, placeholder, oninput: changed });
  const verdict = el("select", { id: "f-verdict", onchange: changed },
    ...["", "valid", "invalid", "unverified", "rejected"].map((v) => el("option", { value: v, text: v || "any verdict" })));
  document.getElementById("app").append(
    el("header", {}, el("h1", { text: "hookctl inspector" }), el("span", { id: "conn", class: "dot", title: "connecting" }),
      el("span", { class: "spacer" }), el("span", { id: "count", class: "muted" })),
    el("div", { class: "filters" }, verdict, input("type", "event type (cases.*)"), input("path", "path contains"),
      input("q", "search bodies"),
      el("button", { onclick: () => { for (const i of ["verdict", "type", "path", "q"]) document.getElementById("f-" + i).value = ""; refresh(); }, text: "Clear" })),
    el("main", {},
      el("section", { id: "list" },
        el("table", {}, el("thead", {}, el("tr", {}, ...["Time", "Method", "Path", "Event", "Verdict", "Status", "Size", ""].map((h) => el("th", { text: h })))),
          el("tbody", { id: "rows" })),
        el("div", { id: "none", class: "empty", text: "Waiting for requests…" }),
        el("button", { id: "more", disabled: true, onclick: () => load(true), text: "Load older" })),
      el("section", { id: "detail" }, el("div", { class: "empty", text: "Select a request to see its headers, body and verdict." }))),
    el("div", { id: "toast" }));
}

build();
refresh();
