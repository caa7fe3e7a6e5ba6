// A real WordPress in a browser with the extension, shared by wordpress.mjs (the end-to-end scenario)
// and wordpress-latency.mjs (the benchmark): Debian's Chromium (the unpacked extension) or Firefox ESR
// (the packed add-on), driven by puppeteer-core; logging in; the options page; a new block-editor post.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { EXTENSION } from "./browser.mjs";

export const WAIT_MS = 15000;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const FIREFOX_ID = "tonelint@tonelint.invalid";
const FIREFOX_UUID = "4d1c2f0e-7b1a-4e55-9c2e-0a6f3b7d9e11"; // pinned, so the options page has a known address

/** {browser, options (the options page's address), close()} */
export async function launch(browserName, firefoxZip) {
  if (browserName === "firefox") {
    const browser = await puppeteer.launch({
      browser: "firefox", executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr", headless: true,
      args: ["--remote-allow-system-access"], // WebDriver BiDi may then open the add-on's moz-extension:// options page
      extraPrefsFirefox: { "xpinstall.signatures.required": false,
                           "extensions.webextensions.uuids": JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }) },
    });
    await browser.installExtension(firefoxZip);
    return { browser, options: `moz-extension://${FIREFOX_UUID}/src/options.html`, close: () => browser.close() };
  }
  const profile = mkdtempSync(path.join(tmpdir(), "tonelint-wp-chromium-"));
  const browser = await puppeteer.launch({
    browser: "chrome", executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
    userDataDir: profile, ignoreDefaultArgs: ["--disable-extensions"],
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const worker = await browser.waitForTarget((t) => t.type() === "service_worker", { timeout: WAIT_MS });
  const close = async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); };
  return { browser, options: `chrome-extension://${new URL(worker.url()).host}/src/options.html`, close };
}

export async function logIn(page, { WP_URL, WP_USER, WP_PASSWORD }) {
  await page.goto(WP_URL + "/wp-login.php");
  // Filled in, not typed: the login page selects the user field on a timer, over the first keys typed.
  await page.$eval("#user_login", (input, value) => { input.value = value; }, WP_USER);
  await page.$eval("#user_pass", (input, value) => { input.value = value; }, WP_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("#wp-submit")]);
  if (!new URL(page.url()).pathname.startsWith("/wp-admin")) {
    throw new Error("not logged in: " + (await page.evaluate(() => (document.querySelector("#login_error") || document.body).innerText.slice(0, 200))));
  }
}

export async function setToken(browser, optionsUrl, token) {
  const options = await browser.newPage();
  // Firefox loads the add-on's page in another process and the driver never hears the load end: look for the form.
  await options.goto(optionsUrl, { timeout: 3000 }).catch(() => {});
  await options.waitForSelector("#token", { timeout: WAIT_MS });
  await options.$eval("#token", (input, value) => { input.value = value; }, token);
  await options.click("button[type=submit]");
  await options.waitForSelector("#saved:not([hidden])", { timeout: WAIT_MS });
  return options;
}

export async function newBlockPost(page, WP_URL) {
  await page.goto(WP_URL + "/wp-admin/post-new.php");
  await page.waitForSelector(".editor-post-title__input", { timeout: 30000 });
  await page.waitForFunction(() => window.wp && wp.data && wp.data.select("core/editor").getCurrentPostId());
}
