// Drives headless Chromium (Debian's, through playwright-core) on call.html; prints
// {"ready": true} once the page listens for calls, then the page's result, one JSON
// line each. Usage: node drive.mjs <page url> [timeout seconds]
import { chromium } from "playwright-core";

const [, , pageUrl, timeoutArg] = process.argv;
const timeoutMs = Number(timeoutArg || "90") * 1000;
// A fresh profile directory per run (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(process.env.CHROMIUM_PROFILE, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    // A fake camera and microphone, and no permission prompt for them.
    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
    // Real host addresses in candidates (not mDNS names aiortc cannot resolve).
    "--disable-features=WebRtcHideLocalIpsWithMdns",
  ],
});
let code = 1;
try {
  const page = browser.pages()[0] || await browser.newPage();
  page.on("console", (m) => process.stderr.write(`page: ${m.text()}\n`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.gfReady || window.gfResult, null,
                             { timeout: timeoutMs });
  console.log(JSON.stringify({ ready: true }));
  await page.waitForFunction(() => window.gfResult, null, { timeout: timeoutMs });
  const result = await page.evaluate(() => window.gfResult);
  console.log(JSON.stringify(result));
  code = result.ok ? 0 : 1;
} finally {
  await browser.close();
}
process.exit(code);
