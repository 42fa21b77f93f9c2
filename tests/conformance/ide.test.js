// The GraphQL IDE (GraphiQL at /graphql) in a real browser: Debian's Chromium driven by
// playwright-core, headless and kept off the network. Runs the example document's HerReview
// operation through the UI, an editor's mutation with a token typed into the headers editor, and a
// subscription that shows an event after a publish. Every request the page makes, WebSocket
// included, must stay on the service's origin. Screenshots land in artifacts/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.HEADLESSREVIEWS_URL;
const origin = new URL(base).origin;
const adminToken = process.env.HEADLESSREVIEWS_ADMIN_TOKEN;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = new URL('./artifacts/', import.meta.url);

// Flags that keep a headless Chromium from reaching anything but the service under test.
const offlineFlags = [
  '--no-sandbox', // the test command runs as root in CI
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-sync',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-proxy-server',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

let browser;

before(async () => {
  assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: offlineFlags });
});

after(async () => {
  await browser?.close();
});

/** Opens the IDE in a fresh browser context and records every URL the page asks for. */
async function openIde(path = '/graphql') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requested = [];
  const problems = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text().slice(0, 300)}`); });
  // GraphiQL is ready once it has introspected the schema (its first POST) and drawn its editors.
  const introspected = page.waitForResponse((response) => response.url() === `${base}/graphql` && response.request().method() === 'POST', { timeout: 30_000 });
  await page.goto(base + path);
  await introspected;
  await page.waitForSelector('.graphiql-container .monaco-editor', { timeout: 30_000 });
  return { page, context, requested, problems };
}

function assertStayedOnOrigin({ requested, problems }) {
  const socketOrigin = origin.replace(/^http/, 'ws');
  const elsewhere = requested.filter((url) => !url.startsWith(origin + '/') && !url.startsWith(socketOrigin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(elsewhere, [], 'the IDE loaded something from another origin');
  assert.ok(requested.some((url) => url.includes('/graphql/ide/assets/')), 'the IDE loaded its own assets');
  // A Content-Security-Policy violation or a crash shows up as a console error.
  assert.deepEqual(problems, []);
}

// Monaco draws spaces as no-break spaces; read the pane as plain text.
async function responseText(page) {
  return ((await page.locator('.graphiql-response').textContent()) ?? '').replaceAll('\u00a0', ' ');
}

async function waitForResponse(page, expected, timeout = 15_000) {
  await page.waitForFunction(
    (text) => document.querySelector('.graphiql-response')?.textContent?.replaceAll('\u00a0', ' ').includes(text),
    expected,
    { timeout },
  ).catch(async (error) => {
    throw new Error(`the result pane never showed ${JSON.stringify(expected)}; it shows: ${(await responseText(page)).slice(0, 500)}`, { cause: error });
  });
}

/** Replaces the content of one of GraphiQL's Monaco editors as a person would: click, select all, type. */
async function typeInto(page, editorUriSuffix, text) {
  const editor = page.locator(`.monaco-editor[data-uri$="${editorUriSuffix}"]`);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

async function api(query, variables, token = adminToken) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

test('the IDE runs the example HerReview query and shows the review', async () => {
  const ide = await openIde();
  try {
    // The default document holds several operations: the run button asks which one.
    const herReview = ide.page.locator('.graphiql-dropdown-item', { hasText: /^HerReview$/ });
    const answered = ide.page.waitForResponse((response) => response.request().postDataJSON()?.operationName === 'HerReview');
    await ide.page.click('.graphiql-execute-button');
    await herReview.waitFor({ timeout: 10_000 });
    await herReview.click();
    await waitForResponse(ide.page, '"headline": "Review – Her"');
    // The pane draws only the lines in view; the whole answer is checked as it came over the wire.
    const body = await (await answered).json();
    assert.equal(body.errors, undefined);
    assert.equal(body.data.review.film.title, 'Her');
    assert.ok(body.data.review.commentToken);
    await ide.page.screenshot({ path: new URL('ide-her-review.png', artifacts).pathname });

    // History remembers what ran.
    await ide.page.getByRole('button', { name: 'Show History' }).click();
    await ide.page.locator('.graphiql-history', { hasText: 'HerReview' }).waitFor({ timeout: 10_000 });

    // The documentation explorer is there and was fed by introspection.
    await ide.page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await ide.page.locator('.graphiql-doc-explorer a', { hasText: /^Query$/ }).first().click();
    await ide.page.locator('.graphiql-doc-explorer', { hasText: 'Everything a frontend can read' }).waitFor({ timeout: 10_000 });
    assertStayedOnOrigin(ide);
  } finally {
    await ide.context.close();
  }
});

test('an editor token typed into the headers editor authorises a mutation', async () => {
  const { film } = await api('{ film(slug: "her") { id } }');
  const mutation = 'mutation Draft($filmId: ID!) { createReview(input: { filmId: $filmId, byline: "IDE test", verdict: { rating: POP, summary: "Typed in the browser." }, body: "Drafted from the IDE." }) { review { status byline } errors { code } } }';
  const ide = await openIde(`/graphql?query=${encodeURIComponent(mutation)}&variables=${encodeURIComponent(JSON.stringify({ filmId: film.id }))}`);
  try {
    // Without a token: refused, nothing written.
    await ide.page.click('.graphiql-execute-button');
    await waitForResponse(ide.page, 'AUTH_NOT_AUTHENTICATED');

    await typeInto(ide.page, 'request-headers.json', JSON.stringify({ Authorization: `Bearer ${adminToken}` }));
    await ide.page.click('.graphiql-execute-button');
    await waitForResponse(ide.page, '"status": "DRAFT"');
    assert.match(await responseText(ide.page), /"byline": "IDE test"/);
    assertStayedOnOrigin(ide);
  } finally {
    await ide.context.close();
  }
});

test('a subscription in the IDE shows a review as it is published', async () => {
  const subscription = 'subscription Live { reviewPublished { headline film { title } } }';
  const ide = await openIde(`/graphql?query=${encodeURIComponent(subscription)}`);
  try {
    // The socket carries the headers editor's token in connection_init (browsers cannot set headers on it).
    await typeInto(ide.page, 'request-headers.json', JSON.stringify({ Authorization: `Bearer ${adminToken}` }));
    const frames = [];
    const subscribed = new Promise((resolve) => ide.page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        frames.push(JSON.parse(String(frame.payload)));
        if (frames.at(-1).type === 'subscribe') resolve();
      });
    }));
    await ide.page.click('.graphiql-execute-button');
    await subscribed;
    assert.equal(frames[0].type, 'connection_init');
    assert.equal(frames[0].payload.authorization, `Bearer ${adminToken}`);

    const headline = `Published while the IDE listened ${Date.now()}`;
    const { film } = await api('{ film(slug: "her") { id } }');
    const draft = await api(
      'mutation($filmId: ID!, $headline: String!) { createReview(input: { filmId: $filmId, headline: $headline, byline: "IDE test", verdict: { rating: POP, summary: "Live." }, body: "Live." }) { review { id version } } }',
      { filmId: film.id, headline });
    const { id, version } = draft.createReview.review;
    await api('mutation($id: ID!, $version: Int!) { publishReview(input: { id: $id, expectedVersion: $version }) { errors { code } } }', { id, version });

    await waitForResponse(ide.page, headline);
    await waitForResponse(ide.page, '"title": "Her"');
    await ide.page.screenshot({ path: new URL('ide-subscription.png', artifacts).pathname });
    assertStayedOnOrigin(ide);
  } finally {
    await ide.context.close();
  }
});
