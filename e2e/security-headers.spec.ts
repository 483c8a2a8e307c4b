import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, signIn } from "./support";

/** What next.config.ts promises on every response, written out again so a change there is a deliberate one. */
const EXPECTED: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
  "permissions-policy": "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
};

async function expectSecurityHeaders(request: APIRequestContext, path: string, status?: number) {
  const response = await request.get(path, { maxRedirects: 0 });
  if (status !== undefined) expect(response.status(), path).toBe(status);
  const headers = response.headers();
  for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], `${name} on ${path}`).toBe(value);
  // Served over plain http in the demo: HSTS belongs to the TLS proxy in front of a real installation.
  expect(headers["strict-transport-security"], path).toBeUndefined();
  expect(headers["x-powered-by"], path).toBeUndefined();
  return response;
}

test("every kind of response carries the security headers", async ({ request }) => {
  const signInPage = await expectSecurityHeaders(request, "/masuk", 200);
  await expectSecurityHeaders(request, "/verifikasi", 200);
  await expectSecurityHeaders(request, "/api/auth/csrf", 200);
  // A route handler that sets its own content type (the refusal of a download) still gets them all.
  await expectSecurityHeaders(request, "/api/naskah/1/berkas", 401);

  const html = await signInPage.text();
  const asset = html.match(/\/_next\/static\/[^"'\s]+\.js/)?.[0];
  expect(asset, "a script from /_next/static in the sign-in page").toBeTruthy();
  await expectSecurityHeaders(request, asset!, 200);
});

test("the pages work under the Content-Security-Policy", async ({ page }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  const isViolation = (text: string) => /Content Security Policy|Refused to/i.test(text);
  page.on("console", (message) => {
    if (isViolation(message.text())) violations.push(`${page.url()} console.${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (isViolation(String(error))) violations.push(`${page.url()} pageerror: ${String(error)}`);
  });
  // Reported even where a browser would not print the violation.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Refused to load (Content Security Policy): ${event.violatedDirective} ${event.blockedURI}`),
    );
  });

  await signIn(page, DEMO.admin.email);
  for (const path of ["/naskah", "/surat-masuk", "/presensi", "/tte"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("load");
  }

  // A naskah detail draws its PDF with pdf.js in a worker: scripts, worker and canvas all pass the policy.
  // The demo seeds three naskah; the third is the admin's own invitation (fresh database, ids 1–3).
  let opened = false;
  for (const id of [3, 1, 2]) {
    const response = await page.goto(`/naskah/${id}`);
    if (response?.status() !== 200) continue;
    await page.getByTestId("pdf-viewer").scrollIntoViewIfNeeded(); // pdf.js loads when the viewer nears the screen
    await expect(page.getByTestId("pdf-viewer").locator("canvas").first()).toBeVisible({ timeout: 30_000 });
    opened = true;
    break;
  }
  expect(opened, "one seeded naskah can be opened by the demo admin").toBe(true);

  expect(violations).toEqual([]);
});
