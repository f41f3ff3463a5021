// Checks strategiekit's HTML in headless Chromium (the interop tests run it):
//   node check.js axe FILE...    axe-core's WCAG 2.1 A and AA rules at 1280 and 390 px,
//                                and no sideways scrolling of the page at either width
//   node check.js print FILE...  printed on A4 (16 cm of text), no table wider than the page
// Prints one JSON line per file and width; exits 1 when any check finds something.
// Chromium: CHROMIUM or /usr/bin/chromium.
const puppeteer = require("puppeteer-core");
const axe = require("axe-core");
const path = require("path");

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function axeCheck(browser, file) {
  let found = 0;
  for (const [width, mobile] of [[1280, false], [390, true]]) {
    const page = await browser.newPage();
    // the page forbids scripts (its Content-Security-Policy); axe is ours
    await page.setBypassCSP(true);
    await page.setViewport({ width, height: 844, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1 });
    await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const violations = result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length, first: v.nodes[0] && v.nodes[0].target.join(" ") }));
    found += violations.length + (overflow > 0 ? 1 : 0);
    console.log(JSON.stringify({ file: path.basename(file), width, violations, overflow }));
    await page.close();
  }
  return found;
}

async function printCheck(browser, file) {
  const page = await browser.newPage();
  // A4 less 2.5 cm on either side, at 96 px per inch
  await page.setViewport({ width: 605, height: 900 });
  await page.emulateMediaType("print");
  await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
  const cut = await page.evaluate(() => [...document.querySelectorAll("table")]
    .filter((t) => t.getBoundingClientRect().width > document.body.getBoundingClientRect().width + 1)
    .map((t) => `${t.querySelector("th").textContent}: ${Math.round(t.getBoundingClientRect().width)} px`));
  console.log(JSON.stringify({ file: path.basename(file), print: true, cut }));
  await page.close();
  return cut.length;
}

(async () => {
  const [mode, ...files] = process.argv.slice(2);
  const check = { axe: axeCheck, print: printCheck }[mode];
  if (!check || files.length === 0) {
    console.error("usage: node check.js axe|print FILE...");
    process.exit(64);
  }
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
  let found = 0;
  for (const file of files) found += await check(browser, file);
  await browser.close();
  process.exit(found ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
