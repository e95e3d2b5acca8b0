// Opens a report page in headless Chromium (puppeteer-core; Debian's chromium, or CHROMIUM_PATH)
// and prints what a person would see, as JSON: rendered diagrams, their node labels, console
// errors, and every request the page made. Run by report-page.test.ts in a child process
// (puppeteer-core is an ES module; jest's CommonJS loader cannot require it).
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [file] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`no browser at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  process.exit(2);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const errors = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: "load" });
  const expected = await page.$$eval("pre.mermaid", (els) => els.length);
  await page.waitForFunction((n) => document.querySelectorAll("pre.mermaid svg").length === n, { timeout: 120000 }, expected);
  const diagrams = await page.$$eval("pre.mermaid", (els) =>
    els.map((el) => ({
      section: el.closest("section")?.id ?? "",
      labels: [...el.querySelectorAll("svg .node")].map((n) => n.textContent.replace(/\s+/g, " ").trim()),
      clusters: [...el.querySelectorAll("svg .cluster")].map((n) => n.textContent.replace(/\s+/g, " ").trim()),
      edges: el.querySelectorAll("svg .edgePaths path, svg .edgePath path, svg path.flowchart-link").length,
    })),
  );
  const headings = await page.$$eval("h2", (els) => els.map((e) => e.textContent));
  console.log(JSON.stringify({ url, diagrams, headings, errors, requests }));
} finally {
  await browser.close();
}
