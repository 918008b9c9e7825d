// A web page in headless Chromium (puppeteer-core, from Ace by DAISY's install): axe-core's
// findings, what a click on the first note reference does, whether a note's popover opens and
// where (its box and its button's), and a screenshot. Usage: node browser.cjs PAGE.html SCREENSHOT.png; prints one JSON object.
const path = require("path");
const puppeteer = require("puppeteer-core");

(async () => {
  const [page, shot] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"],
  });
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1000, height: 900 });
    await tab.goto("file://" + path.resolve(page), { waitUntil: "load" });
    await tab.screenshot({ path: shot });
    await tab.addScriptTag({ path: require.resolve("@daisy/axe-core-for-ace/axe.min.js") });
    const axe = await tab.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    const click = await tab.evaluate(async () => {
      const ref = document.querySelector("a.noteref[href^='#']");
      if (!ref) return null;
      const before = window.scrollY;
      ref.click();
      await new Promise((done) => setTimeout(done, 300));
      const note = document.getElementById(ref.getAttribute("href").slice(1));
      const box = note.getBoundingClientRect();
      return { before, after: window.scrollY, hash: location.hash, target: ref.getAttribute("href"),
               noteInView: box.top >= 0 && box.top < window.innerHeight };
    });
    const popover = await tab.evaluate(async () => {
      const button = document.querySelector("button.peek");
      if (!button) return null;
      button.scrollIntoView({ block: "start" });  // near the top: a note opened mid-window is far from it
      button.click();
      await new Promise((done) => setTimeout(done, 100));
      const open = document.querySelector("[popover]:popover-open");
      const box = (element) => {
        const r = element.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return open ? { id: open.id, text: open.textContent, box: box(open), button: box(button) }
                  : { id: null, text: "" };
    });
    console.log(JSON.stringify({ axe, click, popover }));
  } finally {
    await browser.close();
  }
})().catch((error) => { console.error(String(error)); process.exit(1); });
