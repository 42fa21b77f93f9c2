// The README's commands against the live service, so the documentation cannot drift from the
// behaviour. The rules, by kind of fenced block (never a list of exceptions):
//   ```sh      run with bash when the block runs curl against http://localhost:5080 (the others set
//              configuration or start the service). The address becomes the live one; the variables a
//              block uses for secrets ($HeadlessReviews__AdminToken, $ADMIN, $TOKEN) hold the live admin
//              token, $WORDPRESS_EXPORT a WordPress export of the test fixtures, and a block's own
//              `export NAME=placeholder` of one of them is left out. The answer
//              must be JSON without errors, at any depth (payload `errors` lists included), with `data` when it is
//              GraphQL's. A block
//              that asks for text/event-stream is a subscription: it must deliver an event.
//   ```graphql every operation is validated against the live schema; those without required
//              variables run (with the admin token) and must answer without errors.
//   ```js      run with Node (its imports resolve here); a subscription snippet must print an event.
// Subscriptions are fed by the README's own Draft and Publish operations; the review is deleted after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, parse, validate, Kind } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '../../README.md'), 'utf8');
const live = process.env.HEADLESSREVIEWS_URL;
const adminToken = process.env.HEADLESSREVIEWS_ADMIN_TOKEN;
const documented = 'localhost:5080';
const secrets = {
  HeadlessReviews__AdminToken: adminToken, ADMIN: adminToken, TOKEN: adminToken,
  WORDPRESS_EXPORT: join(here, '../HeadlessReviews.Tests/Importing/WordPress/Fixtures/review-her.xml'),
};

/** Fenced blocks: { lang, text, line }. */
function blocks(markdown) {
  const found = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let match; (match = fence.exec(markdown));) {
    found.push({ lang: match[1], text: match[2], line: markdown.slice(0, match.index).split('\n').length });
  }
  return found;
}

const all = blocks(readme);
const talksToService = (block) => /\bcurl\b[^\n]*http:\/\/localhost:5080/.test(block.text.replace(/\\\n/g, ' '));
const shellBlocks = all.filter((b) => b.lang === 'sh' && talksToService(b));
const graphqlBlocks = all.filter((b) => b.lang === 'graphql');
const jsBlocks = all.filter((b) => b.lang === 'js' && b.text.includes(documented));
const isStream = (block) => /text\/event-stream/.test(block.text) || /\bsubscription\b/.test(block.text);

const toLive = (text) => text.replaceAll(`http://${documented}`, live).replaceAll(`ws://${documented}`, live.replace(/^http/, 'ws'));
const withoutPlaceholderExports = (text) =>
  text.split('\n').map((line) => (/^\s*export\s+(\w+)=/.exec(line)?.[1] in secrets ? `# (the test supplies it) ${line}` : line)).join('\n');

async function gql(query, variables, operationName) {
  const response = await fetch(`${live}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return response.json();
}

/** Every `errors` found in an answer, at any depth: GraphQL errors and payload error lists. */
function errorsIn(value, path = '') {
  if (Array.isArray(value)) return value.flatMap((item, i) => errorsIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'errors' && Array.isArray(inner) && inner.length > 0 ? [`${path}.errors: ${JSON.stringify(inner)}`] : errorsIn(inner, `${path}.${key}`));
}

/** Runs a command; resolves with its output once it exits, or once `until(stdout)` holds (then stops it). */
function run(command, args, { until, timeout = 20_000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: here, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', done = false;
    const finish = (error, code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      if (error) reject(error); else resolve({ stdout, stderr, code });
    };
    const timer = setTimeout(() => finish(new Error(`${command} ${args.join(' ').slice(0, 200)}: timed out after ${timeout} ms; output: ${stdout}${stderr}`)), timeout);
    child.stdout.on('data', (chunk) => { stdout += chunk; if (until?.(stdout)) finish(null, null); });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('exit', (code) => finish(until ? new Error(`exited (${code}) before the expected output: ${stdout}${stderr}`) : null, code));
  });
}

const shell = (block, options) => run('bash', ['-o', 'pipefail', '-c', withoutPlaceholderExports(toLive(block.text))], { ...options, env: secrets });
const name = (block) => `README line ${block.line}: ${block.text.trim().split('\n')[0].slice(0, 70)}`;

test('the README has commands of every kind to check', () => {
  assert.ok(shellBlocks.filter((b) => !isStream(b)).length >= 2, 'curl commands');
  assert.ok(shellBlocks.some(isStream), 'an event-stream curl');
  assert.ok(graphqlBlocks.length >= 4, 'GraphQL documents');
  assert.ok(jsBlocks.length >= 1, 'a graphql-ws snippet');
});

for (const block of shellBlocks.filter((b) => !isStream(b))) {
  test(name(block), async () => {
    const { stdout, stderr, code } = await shell(block);
    assert.equal(code, 0, `exit ${code}: ${stderr}`);
    let answer;
    assert.doesNotThrow(() => { answer = JSON.parse(stdout); }, `not JSON: ${stdout}`);
    assert.deepEqual(errorsIn(answer), []);
    // A GraphQL answer has data; the other endpoints (the import's report) answer plain JSON.
    if (/localhost:5080\/graphql\b/.test(block.text)) assert.ok(answer.data, 'data in the answer');
  });
}

const schema = buildClientSchema((await gql(getIntrospectionQuery())).data);
const operationsOf = (block) => parse(block.text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
const needsVariables = (operation) => operation.variableDefinitions.some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);

for (const block of graphqlBlocks) {
  test(name(block), async () => {
    const document = parse(block.text);
    assert.deepEqual(validate(schema, document).map((error) => error.message), []);
    for (const operation of operationsOf(block).filter((o) => !needsVariables(o) && o.operation !== 'subscription')) {
      const answer = await gql(block.text, {}, operation.name?.value);
      assert.deepEqual(errorsIn(answer), [], `operation ${operation.name?.value ?? '(anonymous)'}`);
    }
  });
}

test('the README\'s subscriptions (event stream and graphql-ws) deliver a review published with its Draft and Publish', async () => {
  const operation = (wanted) => {
    const block = graphqlBlocks.find((b) => operationsOf(b).some((o) => o.name?.value === wanted));
    assert.ok(block, `the README's ${wanted} operation`);
    return block.text;
  };
  const snippet = join(here, `.readme-snippet-${process.pid}.mjs`);
  writeFileSync(snippet, jsBlocks.map((b) => toLive(b.text)).join('\n'));
  const streams = [
    ...shellBlocks.filter(isStream).map((block) => shell(block, { until: (out) => /^event: next\r?\ndata: .+\n/m.test(out), timeout: 30_000 })),
    run(process.execPath, [snippet], { until: (out) => out.trim().length > 0, timeout: 30_000, env: secrets }),
  ];
  const reviewIds = [];
  try {
    const film = (await gql('{ film(slug: "her") { id } }')).data.film.id;
    const delivered = Promise.all(streams);
    let arrived = false;
    delivered.then(() => { arrived = true; }, () => { arrived = true; });
    // A subscription may reach the service after a publish: publish again (a new review) until both have an event.
    while (!arrived) {
      const draft = await gql(operation('Draft'), { film }, 'Draft');
      assert.deepEqual(errorsIn(draft), []);
      const { id, version } = draft.data.createReview.review;
      reviewIds.push(id);
      const published = await gql(operation('Publish'), { id, version }, 'Publish');
      assert.deepEqual(errorsIn(published), []);
      await Promise.race([delivered.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    const [sse, ws] = await delivered;
    const data = JSON.parse(/^event: next\r?\ndata: (.+)$/m.exec(sse.stdout)[1]);
    assert.deepEqual(errorsIn(data), []);
    assert.ok(data.data.reviewPublished.headline, 'a headline over the event stream');
    assert.ok(ws.stdout.trim().length > 0, 'the graphql-ws snippet printed the headline');
  } finally {
    rmSync(snippet, { force: true });
    await Promise.allSettled(streams);
    for (const id of reviewIds) await gql('mutation($id: ID!) { deleteReview(input: { id: $id, expectedVersion: 2 }) { errors { code } } }', { id });
  }
});
