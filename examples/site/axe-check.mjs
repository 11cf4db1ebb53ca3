// Runs axe-core (WCAG 2.1 A and AA rules) in headless Chromium on each page given, at a
// phone and a desktop width, and fails on serious or critical findings; and fails where a
// page or a chart or table scrolls sideways, or a chart's text is drawn under 12 px.
// Usage: node axe-check.mjs CHROMIUM PAGE.html...
// Needs the npm packages axe-core and puppeteer-core (NODE_PATH or a node_modules nearby).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "noop.js"));
const puppeteer = require("puppeteer-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [chromium, ...pages] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
let serious = 0;
try {
  for (const file of pages) {
    for (const width of [390, 1280]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(path.resolve(file)).href);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
      );
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const minor = result.violations.length - bad.length;
      console.log(`${file} @${width}px: ${result.passes.length} rules pass, ${bad.length} serious, ${minor} minor`);
      for (const v of result.violations) {
        console.log(`  ${v.impact}: ${v.id}: ${v.help} (${v.nodes.length}×) e.g. ${v.nodes[0].target.join(" ")}`);
      }
      serious += bad.length;
      // Nothing scrolls sideways, and no chart text is drawn under 12 px at this width.
      const layout = await page.evaluate(() => {
        const problems = [];
        const doc = document.scrollingElement;
        if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`the page is ${doc.scrollWidth} px wide`);
        for (const w of document.querySelectorAll(".chart-wrap, .table-wrap")) {
          if (w.scrollWidth > w.clientWidth + 1) problems.push(`a ${w.className} scrolls (${w.scrollWidth} > ${w.clientWidth} px)`);
        }
        for (const svg of document.querySelectorAll("svg.chart")) {
          if (svg.getClientRects().length === 0) continue;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const size = parseFloat(svg.getAttribute("font-size")) * scale;
          if (size < 12) problems.push(`chart text ${size.toFixed(1)} px in ${svg.getAttribute("class")}`);
        }
        return problems;
      });
      for (const p of layout) console.log(`  serious: layout: ${p}`);
      serious += layout.length;
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(serious > 0 ? 1 : 0);
