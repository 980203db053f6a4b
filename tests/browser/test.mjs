// Drives the page like an analyst: search "Novillo", open his entity, open the graph
// around Bolivia, click the Iran edge and read the memorandum's evidence (4 articles).
// Usage: CHROMIUM=/usr/bin/chromium node test.mjs BASE_URL SCREENSHOT_DIR
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node test.mjs BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
page.on("console", (message) => {
  if (message.type() === "error") problems.push(`console: ${message.text()}`);
});

async function ready(route) {
  await page.waitForSelector(`#view[data-ready="1"][data-route="${route}"]`, { timeout: 15000 });
  const error = await page.$('[data-testid="error"]');
  if (error) throw new Error(`view ${route} shows an error: ${await error.innerText()}`);
}
const step = (text) => console.log(`browser-test: ${text}`);

try {
  await page.goto(`${base}/#/`);
  await ready("home");
  step("home page shows the record's counts");
  assert.match(await page.locator('[data-testid="stats"]').innerText(), /facts/);

  // 1. Search.
  await page.fill("#search-input", "Novillo");
  await page.press("#search-input", "Enter");
  await ready("search");
  const entityResults = page.locator('[data-testid="result-entity"]', { hasText: "Novillo" });
  assert.ok((await entityResults.count()) >= 1, "an entity named Novillo is found");
  assert.ok((await page.locator('[data-testid="result-sentence"]').count()) >= 1, "sentences are found");
  await page.screenshot({ path: `${shots}/01-search.png`, fullPage: true });
  step(`search: ${await entityResults.count()} entities, ${await page.locator('[data-testid="result-fact"]').count()} facts`);

  // 2. His entity page.
  await entityResults.first().locator('[data-testid="entity-link"]').click();
  await ready("entity");
  const name = await page.locator('[data-testid="entity-name"]').innerText();
  assert.match(name, /Novillo/);
  assert.ok((await page.locator('[data-testid="entity-role"]').count()) >= 1, "roles are listed");
  assert.ok((await page.locator('[data-testid="entity-facts"] [data-testid="fact-item"]').count()) >= 1, "facts are listed");
  await page.screenshot({ path: `${shots}/02-entity.png`, fullPage: true });
  step(`entity: ${name}`);

  // 3. The graph around Bolivia.
  await page.goto(`${base}/#/graph/Bolivia`);
  await ready("graph");
  const nodes = await page.locator('[data-testid="graph-node"]').count();
  assert.ok(nodes >= 2, "the graph has nodes");
  const edge = page.locator('[data-testid="graph-edge"][data-source="Iran"][data-target="Bolivia"], [data-testid="graph-edge"][data-source="Bolivia"][data-target="Iran"]');
  const edges = await edge.count();
  assert.ok(edges >= 1, "there is an edge between Bolivia and Iran");
  step(`graph: ${nodes} nodes, ${edges} Bolivia–Iran edges`);

  // 4. Click the Iran edge that carries the memorandum, at the middle of its curve.
  let found = null;
  for (let i = 0; i < edges && !found; i++) {
    const candidate = edge.nth(i);
    const point = await candidate.evaluate((group) => {
      const path = group.querySelector(".edge-hit");
      const middle = path.getPointAtLength(path.getTotalLength() / 2);
      const matrix = path.getScreenCTM();
      return { x: middle.x * matrix.a + middle.y * matrix.c + matrix.e, y: middle.x * matrix.b + middle.y * matrix.d + matrix.f };
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('[data-testid="edge-panel"]');
    await panel.locator('[data-testid="edge-title"]').waitFor({ timeout: 10000 });
    const fact = panel.locator('[data-testid="fact"]', { hasText: /memorandum/i }).filter({ hasText: / agree /i });
    if ((await fact.count()) > 0) found = fact.first();
  }
  assert.ok(found, "an Iran edge opens the memorandum's evidence");
  const reports = found.locator('[data-testid="evidence-report"]');
  const articles = new Set(await reports.evaluateAll((items) => items.map((item) => item.dataset.article)));
  step(`memorandum: ${await reports.count()} reports from ${articles.size} articles`);
  assert.equal(articles.size, 4, "the memorandum is reported by 4 articles");
  assert.ok((await found.locator("mark.actor").count()) >= 1, "actors are highlighted in the sentences");
  for (const outlet of await found.locator('[data-testid="evidence-outlet"]').allInnerTexts()) {
    assert.ok(outlet.trim().length > 0, "every report names its outlet or article");
  }
  await page.screenshot({ path: `${shots}/03-graph-evidence.png`, fullPage: false });

  // 5. The fact's own page, linkable.
  const factId = await found.getAttribute("data-fact");
  const reportCount = await reports.count();
  const firstArticle = await reports.first().getAttribute("data-article");
  await page.goto(`${base}/#/fact/${factId}`);
  await ready("fact");
  assert.equal(await page.locator('[data-testid="evidence-report"]').count(), reportCount);
  await page.screenshot({ path: `${shots}/04-fact.png`, fullPage: true });

  // 6. A timeline and an article with highlights render.
  await page.goto(`${base}/#/timeline/Bolivia/Iran`);
  await ready("timeline");
  assert.ok((await page.locator('[data-testid="timeline-fact"]').count()) >= 1, "the timeline has facts");
  await page.screenshot({ path: `${shots}/05-timeline.png`, fullPage: true });
  await page.goto(`${base}/#/article/${firstArticle}`);
  await ready("article");
  assert.ok((await page.locator('[data-testid="article-text"] .mention').count()) >= 1, "mentions are highlighted");
  await page.screenshot({ path: `${shots}/06-article.png`, fullPage: true });

  assert.deepEqual(problems, [], "no script errors");
  step(`passed; screenshots in ${shots}`);
} finally {
  await browser.close();
}
