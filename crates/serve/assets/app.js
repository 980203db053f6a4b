// Pactwatch web page: hash routes over the JSON API under /api/v1/. Plain JavaScript,
// no libraries, no build step. Views: #/ #/search/Q #/entity/ID #/fact/ID
// #/graph/A,B?type=&since=&until= #/timeline/A[/B] #/article/KEY #/articles[?language=es] #/facts
"use strict";

const API = "/api/v1";
const view = document.getElementById("view");
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// ---------- helpers ----------

// An article URL as a link target only when it is http(s): `javascript:`, `data:` and
// anything else stay text.
function httpUrl(value) {
  try {
    const url = new URL(String(value ?? ""));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function sourceLink(value) {
  if (!value) return "";
  const url = httpUrl(value);
  return url
    ? ` · <a href="${esc(url)}" rel="noreferrer noopener" target="_blank">source</a>`
    : ` · <span class="muted">source: ${esc(value)}</span>`;
}

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function api(path) {
  const response = await fetch(API + path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

function go(hash) { location.hash = hash; }
const enc = encodeURIComponent;

function entityLink(entity) {
  if (!entity) return "";
  return `<a href="#/entity/${enc(entity.id)}" data-testid="entity-link" data-entity="${esc(entity.id)}">${esc(entity.name)}</a>`;
}
function entityList(list) { return (list || []).map(entityLink).join(", ") || '<span class="muted">—</span>'; }
function polarityTag(polarity) { return polarity ? `<span class="tag ${esc(polarity)}">${esc(polarity)}</span>` : ""; }
function modalityTag(modality) { return `<span class="tag modality-${esc(modality)}">${esc(modality)}</span>`; }
// The article's language as a small label ("ES"); nothing when it is unknown.
function languageTag(article) {
  const language = article && article.language;
  if (!language) return "";
  const how = article.language_from && article.language_from !== "unknown" ? ` (${article.language_from})` : "";
  return `<span class="tag lang" data-testid="article-language" title="${esc(`language ${language}${how}`)}">${esc(String(language).toUpperCase())}</span>`;
}
function typeName(type) { return String(type || "").replace(/_/g, " "); }
function kindName(kind) { return kind || "unknown"; }
function articleName(article) {
  if (!article) return "";
  return article.title || article.outlet || (article.file ? article.file.split(/[\\/]/).pop() : "") || article.key;
}
function articleLink(article) {
  return `<a href="#/article/${enc(article.key)}" data-testid="article-link">${esc(articleName(article))}</a>`;
}
function setTitle(text) { document.title = text ? `${text} · Pactwatch` : "Pactwatch"; }

// "speculative to asserted, also planned", as pw-query's ModalityRange::describe.
function describeModality(range) {
  if (!range) return "";
  let text = range.low && range.high ? (range.low === range.high ? range.low : `${range.low} to ${range.high}`) : "";
  for (const [flag, word] of [[range.planned, "planned"], [range.denied, "denied"]]) {
    if (flag) text = text ? `${text}, also ${word}` : word;
  }
  return text || range.strongest || "";
}

function factLine(fact) {
  const modality = describeModality(fact.modality);
  return `<li data-testid="fact-item" data-fact="${esc(fact.id)}">
    <a href="#/fact/${enc(fact.id)}" data-testid="fact-link"><b>${entityList(fact.source).replace(/<[^>]+>/g, "")}</b>
    — ${esc(typeName(fact.event_type))} — <b>${entityList(fact.target).replace(/<[^>]+>/g, "")}</b></a>
    ${polarityTag(fact.polarity)}
    <span class="muted small">${esc(fact.date || "undated")} · ${fact.stories} stor${fact.stories === 1 ? "y" : "ies"}, ${fact.articles} article${fact.articles === 1 ? "" : "s"}, ${fact.outlets} outlet${fact.outlets === 1 ? "" : "s"}${modality ? " · " + esc(modality) : ""}</span>
  </li>`;
}

function highlightWords(text, query) {
  let html = esc(text);
  const words = String(query || "").split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 2 && !/^(AND|OR|NOT)$/.test(w));
  for (const word of words) {
    const pattern = new RegExp(`(${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`, "gi");
    html = html.replace(pattern, "<mark>$1</mark>");
  }
  return html;
}

// Byte spans (UTF-8) → HTML with <mark> around each span; spans may not overlap.
function markBytes(text, spans, render) {
  const bytes = encoder.encode(text);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let html = "";
  let at = 0;
  for (const span of sorted) {
    if (span.start < at || span.end > bytes.length || span.end <= span.start) continue;
    html += esc(decoder.decode(bytes.subarray(at, span.start)));
    html += render(span, esc(decoder.decode(bytes.subarray(span.start, span.end))));
    at = span.end;
  }
  return html + esc(decoder.decode(bytes.subarray(at)));
}

function loading(what) { view.innerHTML = `<p class="loading">Loading ${esc(what)}…</p>`; }
function fail(error) {
  view.innerHTML = `<div class="error" data-testid="error"><b>${error.status ? error.status + ": " : ""}</b>${esc(error.message)}</div>`;
}

// ---------- views ----------

async function showHome() {
  setTitle("");
  loading("the record");
  const stats = await api("/stats");
  const types = (stats.facts_by_type || []).slice(0, 8).map((t) =>
    `<li><a href="#/facts?type=${enc(t.event_type)}">${esc(typeName(t.event_type))}</a> ${polarityTag(t.polarity)} <span class="muted">${t.facts}</span></li>`).join("");
  view.innerHTML = `
    <h1>The record</h1>
    <div class="stats panel" data-testid="stats">
      <div><b>${stats.articles}</b>articles</div><div><b>${stats.stories}</b>stories</div>
      <div><b>${stats.entities}</b>entities</div><div><b>${stats.facts}</b>facts</div>
      <div><b>${stats.corroborated_facts}</b>corroborated</div><div><b>${stats.contradicted_facts}</b>contradicted</div>
    </div>
    <div class="grid">
      <div class="panel"><h2>Start here</h2>
        <p>Search above for a person, country, weapon or words. Open an entity for its roles and facts,
        a <a href="#/graph/">graph</a> for who deals with whom, a fact for the sentences that report it.</p></div>
      <div class="panel"><h2>Most frequent fact types</h2><ul class="plain">${types}</ul></div>
    </div>`;
}

async function showSearch(query) {
  setTitle(query);
  document.getElementById("search-input").value = query;
  loading("results");
  const results = await api(`/search?q=${enc(query)}&limit=30`);
  const entities = results.entities.map((e) =>
    `<li data-testid="result-entity" data-entity="${esc(e.id)}">${entityLink(e)} <span class="tag">${esc(kindName(e.kind))}</span>${e.country ? `<span class="tag">${esc(e.country)}</span>` : ""}<span class="muted small">${e.mentions} mentions</span></li>`).join("");
  const facts = results.facts.map(factLine).join("").replace(/data-testid="fact-item"/g, 'data-testid="result-fact"');
  const sentences = results.sentences.map((hit) =>
    `<li data-testid="result-sentence"><div>${highlightWords(hit.snippet, query)}</div>
      <span class="muted small">${articleLink(hit.article)} ${languageTag(hit.article)}· ${esc(hit.article.published || "undated")}${hit.facts.length ? " · " + hit.facts.map((f) => `<a href="#/fact/${enc(f)}">fact</a>`).join(" ") : ""}</span></li>`).join("");
  const articles = results.articles.map((hit) =>
    `<li data-testid="result-article">${articleLink(hit.article)} ${languageTag(hit.article)}<span class="muted small">${esc(hit.article.outlet || "")} ${esc(hit.article.published || "")}</span>
      <div class="small">${highlightWords(hit.snippet, query)}</div></li>`).join("");
  const none = '<li class="muted">nothing</li>';
  view.innerHTML = `
    <h1>Results for “${esc(query)}”</h1>
    <div class="grid">
      <section class="panel" data-testid="results-entities"><h2>Entities (${results.entities.length})</h2><ul class="plain">${entities || none}</ul></section>
      <section class="panel" data-testid="results-facts"><h2>Facts (${results.facts.length})</h2><ul class="plain">${facts || none}</ul></section>
    </div>
    <section class="panel" data-testid="results-sentences"><h2>Sentences (${results.sentences.length})</h2><ul class="plain">${sentences || none}</ul></section>
    <section class="panel" data-testid="results-articles"><h2>Articles (${results.articles.length})</h2><ul class="plain">${articles || none}</ul></section>`;
}

async function showEntity(id) {
  loading("the entity");
  const profile = await api(`/entities/${enc(id)}`);
  const entity = profile.entity;
  setTitle(entity.name);
  const roles = profile.roles.map((role) =>
    `<tr data-testid="entity-role"><td>${esc(role.role)}</td><td>${esc(role.first || "?")}${role.last && role.last !== role.first ? " – " + esc(role.last) : ""}</td>
      <td>${role.articles.map(articleLink).join(", ")}</td></tr>`).join("");
  const counterparts = profile.counterparts.map((c) =>
    `<li data-testid="counterpart">${entityLink(c.entity)} <span class="muted small">${c.facts} fact${c.facts === 1 ? "" : "s"}</span>
      · <a class="small" href="#/timeline/${enc(entity.id)}/${enc(c.entity.id)}">timeline</a></li>`).join("");
  view.innerHTML = `
    <h1 data-testid="entity-name">${esc(entity.name)}</h1>
    <p><span class="tag" data-testid="entity-kind">${esc(kindName(entity.kind))}</span>
      ${entity.country ? `<span class="tag" data-testid="entity-country">${esc(entity.country)}</span>` : ""}
      <span class="muted small">${entity.mentions} mentions in ${profile.articles} article${profile.articles === 1 ? "" : "s"} · id ${esc(entity.id)}</span></p>
    <p><a href="#/graph/${enc(entity.id)}" data-testid="entity-graph-link">Graph around ${esc(entity.name)}</a>
      · <a href="#/timeline/${enc(entity.id)}" data-testid="entity-timeline-link">Timeline</a></p>
    <div class="grid">
      <section class="panel"><h2>Also known as</h2><p data-testid="entity-aliases">${profile.aliases.map(esc).join(" · ") || '<span class="muted">no other names</span>'}</p>
        <h2>Roles over time</h2>${roles ? `<table><tr><th>role</th><th>when</th><th>said in</th></tr>${roles}</table>` : '<p class="muted">none recorded</p>'}</section>
      <section class="panel"><h2>Counterparts</h2><ul class="plain" data-testid="entity-counterparts">${counterparts || '<li class="muted">none</li>'}</ul></section>
    </div>
    <section class="panel"><h2>Facts (${profile.facts.length})</h2><ul class="plain" data-testid="entity-facts">${profile.facts.map(factLine).join("") || '<li class="muted">none</li>'}</ul></section>
    <section class="panel"><h2>Why these names are one entity</h2><ul class="plain small">${profile.merges.map((m) => `<li>${esc(m.a)} + ${esc(m.b)}: ${esc(m.reason)}</li>`).join("") || '<li class="muted">a single mention</li>'}</ul></section>`;
}

function reportHtml(report, highlights) {
  const article = report.article;
  const sentence = markBytes(report.evidence, highlights || [], (span, inner) =>
    `<mark class="actor" title="${esc(span.name || "")}">${inner}</mark>`);
  return `<li data-testid="evidence-report" data-article="${esc(article.key)}">
    <div><b data-testid="evidence-outlet">${esc(article.outlet || articleName(article))}</b> ${languageTag(article)}
      <span class="muted small" data-testid="evidence-date">published ${esc(article.published || "date unknown")}</span>
      ${modalityTag(report.modality)} <span class="tag">${esc(typeName(report.event_type))}</span>
      ${report.date ? `<span class="tag">event date ${esc(report.date)}${report.date_text ? ` (“${esc(report.date_text)}”)` : ""}</span>` : ""}</div>
    <blockquote class="evidence" data-testid="evidence-sentence">${sentence}</blockquote>
    <span class="small">${articleLink(article)}${sourceLink(article.url)} · story ${esc(report.story)}</span>
  </li>`;
}

function contradictionsHtml(fact) {
  if (!fact.contradictions || !fact.contradictions.length) return "";
  return fact.contradictions.map((c) =>
    `<div class="contradiction" data-testid="contradiction"><strong>Reports disagree (${esc(c.kind)}):</strong> ${esc(c.text)}</div>`).join("");
}

function factHtml(fact) {
  const articles = new Set(fact.supports.map((s) => s.article.key)).size;
  return `
    <section data-testid="fact" data-fact="${esc(fact.id)}">
      <h2><a href="#/fact/${enc(fact.id)}">${entityList(fact.source).replace(/<[^>]+>/g, "")} — ${esc(typeName(fact.event_type))} — ${entityList(fact.target).replace(/<[^>]+>/g, "")}</a> ${polarityTag(fact.polarity)}</h2>
      <p class="small">Source: ${entityList(fact.source)} · Target: ${entityList(fact.target)}
        ${fact.equipment.length ? ` · Equipment: ${entityList(fact.equipment)}` : ""}
        · Date: <b>${esc(fact.date || "undated")}</b> · Certainty: ${esc(describeModality(fact.modality))}
        · <span data-testid="fact-corroboration">${fact.reports} report${fact.reports === 1 ? "" : "s"} in ${articles} article${articles === 1 ? "" : "s"}, ${fact.stories} independent stor${fact.stories === 1 ? "y" : "ies"}, ${fact.outlets} outlet${fact.outlets === 1 ? "" : "s"}</span></p>
      ${contradictionsHtml(fact)}
      <ul class="plain" data-testid="evidence-list">${fact.supports.map((report, i) => reportHtml(report, (fact.highlights || [])[i])).join("")}</ul>
    </section>`;
}

async function showFact(id) {
  loading("the fact");
  const fact = await api(`/facts/${enc(id)}`);
  setTitle(`${fact.id} ${typeName(fact.event_type)}`);
  view.innerHTML = `<h1>Fact ${esc(fact.id)}</h1>${factHtml(fact)}`;
}

async function showFacts(params) {
  setTitle("Facts");
  loading("facts");
  const query = new URLSearchParams();
  for (const key of ["entity", "actor", "target", "type", "since", "until", "modality"]) {
    if (params.get(key)) query.set(key, params.get(key));
  }
  query.set("limit", "200");
  const result = await api(`/facts?${query}`);
  view.innerHTML = `<h1>Facts</h1>
    <form class="filters" id="facts-filter">
      <label>entity<input type="text" name="entity" value="${esc(params.get("entity") || "")}"></label>
      <label>type<input type="text" name="type" value="${esc(params.get("type") || "")}" placeholder="agree, transfer_arms…"></label>
      <label>since<input type="text" name="since" value="${esc(params.get("since") || "")}" placeholder="2023"></label>
      <label>until<input type="text" name="until" value="${esc(params.get("until") || "")}" placeholder="2024-06"></label>
      <label>modality<input type="text" name="modality" value="${esc(params.get("modality") || "")}" placeholder="alleged"></label>
      <button type="submit">Filter</button></form>
    <ul class="plain panel" data-testid="facts-list">${result.facts.map(factLine).join("") || '<li class="muted">no facts</li>'}</ul>`;
  document.getElementById("facts-filter").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new URLSearchParams(new FormData(event.target));
    for (const [key, value] of [...form]) if (!value) form.delete(key);
    go(`#/facts?${form}`);
  });
}

async function showArticles(params) {
  const language = (params && params.get("language")) || "";
  setTitle(language ? `Articles in ${language.toUpperCase()}` : "Articles");
  loading("articles");
  let page = await api(`/articles?limit=200${language ? `&language=${enc(language)}` : ""}`);
  const rows = page.articles.map((a) =>
    `<tr data-testid="article-row"><td><a href="#/article/${enc(a.key)}">${esc(a.title || a.key)}</a></td><td>${esc(a.outlet || "")}</td><td>${esc(a.published || "")}</td><td>${a.language ? `<a href="#/articles?language=${enc(a.language)}">${languageTag(a)}</a>` : ""}</td></tr>`).join("");
  const filter = language ? ` in ${esc(language.toUpperCase())} <a class="small" href="#/articles">all languages</a>` : "";
  view.innerHTML = `<h1>Articles (${page.total})${filter}</h1><table class="panel"><tr><th>article</th><th>outlet</th><th>published</th><th>language</th></tr>${rows}</table>
    ${page.next ? '<p class="muted">Showing the first 200; the API pages through the rest (<code>/api/v1/articles?after=…</code>).</p>' : ""}`;
}

async function showArticle(key) {
  loading("the article");
  const article = await api(`/articles/${enc(key)}`);
  setTitle(article.title || article.key);
  const mentions = article.highlights.filter((h) => h.kind === "mention");
  const evidence = article.highlights.filter((h) => h.kind === "evidence");
  // Evidence sentences first (one span per sentence, facts joined), then mentions inside.
  const sentences = new Map();
  for (const e of evidence) {
    const key = `${e.start}:${e.end}`;
    if (!sentences.has(key)) sentences.set(key, { start: e.start, end: e.end, facts: [] });
    if (e.record_id) sentences.get(key).facts.push(e.record_id);
  }
  const bytes = encoder.encode(article.text);
  const segment = (start, end) => {
    const inside = mentions.filter((m) => m.start >= start && m.end <= end).map((m) => ({ start: m.start - start, end: m.end - start, record_id: m.record_id }));
    return markBytes(decoder.decode(bytes.subarray(start, end)), inside, (m, inner) =>
      m.record_id ? `<a class="mention" href="#/entity/${enc(m.record_id)}">${inner}</a>` : `<span class="mention">${inner}</span>`);
  };
  let html = "";
  let at = 0;
  for (const s of [...sentences.values()].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    html += segment(at, s.start);
    const facts = [...new Set(s.facts)];
    const title = facts.length ? `fact ${facts.join(", ")}` : "event";
    const body = segment(s.start, s.end);
    html += facts.length
      ? `<span class="ev" title="${esc(title)}">${body}<sup><a href="#/fact/${enc(facts[0])}">[fact]</a></sup></span>`
      : `<span class="ev" title="${esc(title)}">${body}</span>`;
    at = s.end;
  }
  html += segment(at, bytes.length);
  view.innerHTML = `
    <h1>${esc(article.title || "Article " + article.key)}</h1>
    <p class="muted">${esc(article.outlet || "outlet unknown")} · ${esc(article.published || "date unknown")} ${languageTag(article)}
      ${sourceLink(article.url)} · story ${esc(article.story || "")}</p>
    <p class="small"><span class="mention swatch-mention">entity mention</span> · <span class="ev">event evidence</span> — click a mention for its entity, [fact] for the fact.</p>
    <div class="article-text" data-testid="article-text">${html}</div>`;
}

// ---------- graph ----------

const SVG = "http://www.w3.org/2000/svg";

function layout(nodes, edges, width, height, focus) {
  // A small force layout: repulsion between all nodes, springs along edges, gravity.
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    const radius = focus.has(node.id) ? 0 : Math.min(width, height) * 0.35;
    node.x = width / 2 + radius * Math.cos(angle) + (focus.has(node.id) ? (i % 3) * 20 : 0);
    node.y = height / 2 + radius * Math.sin(angle);
  });
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const ideal = Math.max(60, Math.min(160, Math.sqrt((width * height) / Math.max(n, 1)) * 0.8));
  for (let step = 0; step < 300; step++) {
    const cooling = 1 - step / 300;
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
        let d2 = x * x + y * y;
        if (d2 < 0.01) { x = Math.random() - 0.5; y = Math.random() - 0.5; d2 = 0.5; }
        const force = (ideal * ideal) / d2;
        dx[i] += x * force * 0.05; dy[i] += y * force * 0.05;
        dx[j] -= x * force * 0.05; dy[j] -= y * force * 0.05;
      }
    }
    for (const [a, b] of links) {
      const x = nodes[a].x - nodes[b].x, y = nodes[a].y - nodes[b].y;
      const d = Math.sqrt(x * x + y * y) || 1;
      const pull = ((d - ideal) / d) * 0.1;
      dx[a] -= x * pull; dy[a] -= y * pull; dx[b] += x * pull; dy[b] += y * pull;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (width / 2 - nodes[i].x) * 0.01; dy[i] += (height / 2 - nodes[i].y) * 0.01;
      const limit = 30 * cooling + 1;
      nodes[i].x = Math.max(30, Math.min(width - 30, nodes[i].x + Math.max(-limit, Math.min(limit, dx[i]))));
      nodes[i].y = Math.max(20, Math.min(height - 20, nodes[i].y + Math.max(-limit, Math.min(limit, dy[i]))));
    }
  }
}

const MAX_NODES = 80;

async function showGraph(actorsText, params) {
  const actors = actorsText.split(",").map((a) => a.trim()).filter(Boolean);
  setTitle(actors.length ? `Graph: ${actors.join(", ")}` : "Graph");
  loading("the graph");
  const query = new URLSearchParams();
  if (actors.length) query.set("actors", actors.join(","));
  for (const key of ["type", "since", "until", "modality"]) if (params.get(key)) query.set(key, params.get(key));
  const [graph, stats] = await Promise.all([api(`/graph?${query}`), api("/stats")]);
  const polarityFilter = params.get("polarity") || "";
  let edges = graph.edges.filter((e) => !polarityFilter || e.polarity === polarityFilter);
  // Keep the busiest nodes (and every focus node) so the picture stays readable.
  const focusIds = new Set(graph.nodes.filter((node) => actors.some((a) => a === node.id || a.toLowerCase() === node.label.toLowerCase() || a === node.country)).map((n) => n.id));
  let nodes = [...graph.nodes].sort((a, b) => (focusIds.has(b.id) - focusIds.has(a.id)) || b.facts - a.facts);
  const dropped = Math.max(0, nodes.length - MAX_NODES);
  nodes = nodes.slice(0, MAX_NODES).map((n) => ({ ...n }));
  const kept = new Set(nodes.map((n) => n.id));
  edges = edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  const width = 800, height = 560;
  layout(nodes, edges, width, height, focusIds);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const typeOptions = (stats.facts_by_type || []).map((t) =>
    `<option value="${esc(t.event_type)}" ${params.get("type") === t.event_type ? "selected" : ""}>${esc(typeName(t.event_type))}</option>`).join("");
  view.innerHTML = `
    <h1>Graph ${actors.length ? "around " + actors.map(esc).join(", ") : "of the whole record"}</h1>
    <form class="filters" id="graph-filter" data-testid="graph-filter">
      <label>actors (names or ids, comma-separated)<input type="text" name="actors" id="graph-actors" value="${esc(actors.join(", "))}"></label>
      <label>fact type<select name="type" id="graph-type"><option value="">all</option>${typeOptions}</select></label>
      <label>cooperation / conflict<select name="polarity" id="graph-polarity">
        <option value="">both</option><option value="cooperation" ${polarityFilter === "cooperation" ? "selected" : ""}>cooperation</option>
        <option value="conflict" ${polarityFilter === "conflict" ? "selected" : ""}>conflict</option><option value="neutral" ${polarityFilter === "neutral" ? "selected" : ""}>neutral</option></select></label>
      <label>since<input type="text" name="since" id="graph-since" size="10" value="${esc(params.get("since") || "")}" placeholder="2020"></label>
      <label>until<input type="text" name="until" id="graph-until" size="10" value="${esc(params.get("until") || "")}" placeholder="2024-12"></label>
      <button type="submit" id="graph-apply">Show</button></form>
    <p class="legend small"><span><i class="swatch-coop"></i>cooperation</span><span><i class="swatch-conflict"></i>conflict</span>
      <span><i class="swatch-neutral"></i>neutral</span><span>thicker = more independent stories · click an edge for its evidence, a node for its entity</span>
      ${dropped ? `<span class="muted">${dropped} less connected actors not drawn</span>` : ""}</p>
    <div class="graph-wrap">
      <svg id="graph-svg" data-testid="graph-svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="relationship graph"></svg>
      <aside id="edge-panel" data-testid="edge-panel" class="panel"><p class="muted">${graph.nodes.length} actors, ${graph.edges.length} relations. Click an edge to see the facts and the sentences that report them.</p></aside>
    </div>`;
  const svg = document.getElementById("graph-svg");
  // Several edges between one pair are drawn as arcs bent apart.
  const pairCount = new Map();
  // A mutual (symmetric) relation comes both ways round; draw it once.
  const drawn = new Set();
  edges = edges.filter((e) => {
    if (!e.mutual) return true;
    const key = `${e.plover}|${[e.source, e.target].sort().join("|")}`;
    if (drawn.has(key)) return false;
    drawn.add(key);
    return true;
  });
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  for (const edge of edges) {
    const a = byId.get(edge.source), b = byId.get(edge.target);
    const pair = [edge.source, edge.target].sort().join("|");
    const k = pairCount.get(pair) || 0;
    pairCount.set(pair, k + 1);
    const bend = (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 28;
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const cx = mx - ((b.y - a.y) / len) * bend, cy = my + ((b.x - a.x) / len) * bend;
    const d = `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
    const group = document.createElementNS(SVG, "g");
    group.setAttribute("data-testid", "graph-edge");
    group.setAttribute("data-edge", edge.id);
    group.setAttribute("data-source", a.label);
    group.setAttribute("data-target", b.label);
    group.setAttribute("data-plover", edge.plover);
    const hit = document.createElementNS(SVG, "path");
    hit.setAttribute("d", d);
    hit.setAttribute("class", "edge-hit");
    const line = document.createElementNS(SVG, "path");
    line.setAttribute("d", d);
    line.setAttribute("class", `edge ${edge.polarity}`);
    line.setAttribute("stroke-width", (1.5 + (6 * edge.weight) / maxWeight).toFixed(1));
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${a.label} → ${b.label}: ${edge.event_types.map(typeName).join(", ")} (${edge.facts.length} fact${edge.facts.length === 1 ? "" : "s"}, ${edge.weight} stor${edge.weight === 1 ? "y" : "ies"})`;
    group.append(title, hit, line);
    group.addEventListener("click", () => {
      svg.querySelectorAll(".edge.selected").forEach((el) => el.classList.remove("selected"));
      line.classList.add("selected");
      showEdge(edge, a, b);
    });
    svg.appendChild(group);
  }
  for (const node of nodes) {
    const group = document.createElementNS(SVG, "g");
    group.setAttribute("class", `node ${kindName(node.kind)}${focusIds.has(node.id) ? " focus" : ""}`);
    group.setAttribute("data-testid", "graph-node");
    group.setAttribute("data-entity", node.id);
    group.setAttribute("data-label", node.label);
    group.setAttribute("transform", `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})`);
    const circle = document.createElementNS(SVG, "circle");
    circle.setAttribute("r", (5 + Math.min(12, Math.sqrt(node.facts) * 2)).toFixed(1));
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", "10");
    label.setAttribute("y", "4");
    label.textContent = node.label;
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${node.label} (${kindName(node.kind)}${node.country ? ", " + node.country : ""}): ${node.facts} facts`;
    group.append(title, circle, label);
    group.addEventListener("click", () => go(`#/entity/${enc(node.id)}`));
    svg.appendChild(group);
  }
  document.getElementById("graph-filter").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = new URLSearchParams();
    for (const key of ["type", "polarity", "since", "until"]) if (form.get(key)) next.set(key, form.get(key));
    const list = String(form.get("actors") || "").split(",").map((a) => a.trim()).filter(Boolean).join(",");
    go(`#/graph/${list}${[...next].length ? "?" + next : ""}`);
  });
}

async function showEdge(edge, a, b) {
  const panel = document.getElementById("edge-panel");
  panel.innerHTML = `<p class="loading">Loading the evidence…</p>`;
  try {
    const facts = await Promise.all(edge.facts.map((id) => api(`/facts/${enc(id)}`)));
    panel.innerHTML = `<h2 data-testid="edge-title">${esc(a.label)} → ${esc(b.label)}</h2>
      <p class="small">${edge.event_types.map((t) => `<span class="tag">${esc(typeName(t))}</span>`).join("")} ${polarityTag(edge.polarity)}
      ${edge.facts.length} fact${edge.facts.length === 1 ? "" : "s"} · ${edge.weight} independent stor${edge.weight === 1 ? "y" : "ies"} · ${edge.outlets} outlet${edge.outlets === 1 ? "" : "s"}</p>
      ${facts.map(factHtml).join("")}`;
  } catch (error) {
    panel.innerHTML = `<div class="error">${esc(error.message)}</div>`;
  }
}

// ---------- timeline ----------

function dateValue(date) {
  // "2023-07-20", "2023-07", "2023", "199X" → fractional year.
  const m = /^(\d{3,4})(X)?(?:-(\d\d))?(?:-(\d\d))?$/.exec(String(date || ""));
  if (!m) return null;
  const year = m[2] ? Number(m[1]) * 10 : Number(m[1]);
  return year + (m[3] ? (Number(m[3]) - 1) / 12 : 0) + (m[4] ? (Number(m[4]) - 1) / 365 : 0);
}

async function showTimeline(subject, other) {
  loading("the timeline");
  const timeline = await api(`/timeline?entity=${enc(subject)}${other ? `&other=${enc(other)}` : ""}`);
  const title = timeline.other ? `${timeline.subject.name} and ${timeline.other.name}` : timeline.subject.name;
  setTitle(`Timeline: ${title}`);
  const facts = timeline.facts.map((f) => ({ fact: f, t: dateValue(f.date) })).filter((f) => f.t !== null);
  const width = 900, rowHeight = 22, top = 30;
  const height = top + 20 + Math.max(1, facts.length) * rowHeight;
  const min = Math.min(...facts.map((f) => f.t), 9999), max = Math.max(...facts.map((f) => f.t), 0);
  const span = Math.max(max - min, 1);
  const x = (t) => 160 + ((t - min) / span) * (width - 200);
  let svg = `<svg id="timeline-svg" data-testid="timeline-svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="timeline">`;
  svg += `<g class="timeline-axis">`;
  for (let year = Math.floor(min); year <= Math.ceil(max); year++) {
    if (span > 30 && year % 10) continue;
    svg += `<line x1="${x(year)}" x2="${x(year)}" y1="${top - 8}" y2="${height}" stroke="#eee"/><text x="${x(year) + 2}" y="${top - 12}">${year}</text>`;
  }
  svg += `</g>`;
  facts.forEach(({ fact, t }, i) => {
    const y = top + 10 + i * rowHeight;
    const color = fact.polarity === "cooperation" ? "var(--coop)" : fact.polarity === "conflict" ? "var(--conflict)" : "var(--neutral)";
    const label = `${fact.source.map((e) => e.name).join(", ")} — ${typeName(fact.event_type)} — ${fact.target.map((e) => e.name).join(", ")}`;
    svg += `<a href="#/fact/${enc(fact.id)}" data-testid="timeline-fact" data-fact="${esc(fact.id)}"><text x="4" y="${y + 4}" font-size="11" fill="var(--muted)">${esc(fact.date)}</text>
      <circle class="timeline-dot" cx="${x(t)}" cy="${y}" r="${4 + Math.min(6, fact.stories)}" fill="${color}"><title>${esc(label)} (${fact.stories} stories)</title></circle>
      <text x="${Math.min(x(t) + 12, width - 300)}" y="${y + 4}" font-size="11">${esc(label.length > 70 ? label.slice(0, 68) + "…" : label)}</text></a>`;
  });
  svg += `</svg>`;
  view.innerHTML = `<h1>Timeline: ${esc(title)}</h1>
    <p class="small">${entityLink(timeline.subject)}${timeline.other ? " and " + entityLink(timeline.other) : ""} · ${facts.length} dated facts${timeline.undated ? `, ${timeline.undated} undated not shown` : ""} · click a fact for its evidence</p>
    ${facts.length ? svg : '<p class="muted">no dated facts</p>'}
    <ul class="plain panel">${timeline.facts.map(factLine).join("")}</ul>`;
}

// ---------- routing ----------

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  const params = new URLSearchParams(search || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  window.scrollTo(0, 0);
  try {
    switch (parts[0]) {
      case undefined: await showHome(); break;
      case "search": await showSearch(parts.slice(1).join("/")); break;
      case "entity": await showEntity(parts[1]); break;
      case "fact": await showFact(parts[1]); break;
      case "facts": await showFacts(params); break;
      case "graph": await showGraph(parts[1] || "", params); break;
      case "timeline": await showTimeline(parts[1], parts[2]); break;
      case "article": await showArticle(parts[1]); break;
      case "articles": await showArticles(params); break;
      default: fail({ status: 404, message: `no view ${path}` });
    }
  } catch (error) {
    fail(error);
  }
  view.setAttribute("data-route", parts[0] || "home");
  view.setAttribute("data-ready", "1");
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = document.getElementById("search-input").value.trim();
  if (query) go(`#/search/${enc(query)}`);
});
window.addEventListener("hashchange", () => { view.removeAttribute("data-ready"); route(); });
route();
