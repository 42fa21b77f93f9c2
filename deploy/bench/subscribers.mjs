#!/usr/bin/env node
// Subscription benchmark (issue 5, "Performance target"): opens N graphql-ws subscribers to
// one running instance, publishes reviews one after another and reports commit-to-receipt
// latency (p50/p99), messages lost and the service's memory per idle connection.
//
//   node subscribers.mjs --url http://127.0.0.1:5080 --pid <service pid> [--subscribers 5000]
//        [--reviews 20] [--batch 200] [--token <admin token>] [--out results/x.json]
//
// Normally started by deploy/bench/run.sh, which starts the service and its database.
// Loopback only; every wait is bounded; the script exits by itself (status 1 when a
// message was lost or a step timed out).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const o = {
    url: process.env.BENCH_URL ?? 'http://127.0.0.1:5080',
    pid: process.env.BENCH_PID ?? '',
    subscribers: 5000,
    reviews: 20,
    batch: 200,
    token: process.env.HeadlessReviews__AdminToken ?? 'hr_bench_admin_token_0123456789abcdef',
    film: 'her',
    out: '',
    settleMs: 3000,
    timeoutS: 600,
  };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split('=', 2);
    const v = () => (inline !== undefined ? inline : argv[++i]);
    switch (k) {
      case '--url': o.url = v(); break;
      case '--pid': o.pid = v(); break;
      case '-n': case '--subscribers': o.subscribers = Number(v()); break;
      case '--reviews': o.reviews = Number(v()); break;
      case '--batch': o.batch = Number(v()); break;
      case '--token': o.token = v(); break;
      case '--film': o.film = v(); break;
      case '--out': o.out = v(); break;
      case '--settle-ms': o.settleMs = Number(v()); break;
      case '--timeout': o.timeoutS = Number(v()); break;
      case '-h': case '--help':
        console.log('usage: node subscribers.mjs --url URL --pid PID [--subscribers N] [--reviews N] [--batch N] [--token T] [--out FILE]');
        process.exit(0);
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  for (const k of ['subscribers', 'reviews', 'batch', 'settleMs', 'timeoutS']) {
    if (!Number.isInteger(o[k]) || o[k] < 0) throw new Error(`--${k} must be a whole number`);
  }
  const u = new URL(o.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error('loopback URLs only');
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const httpUrl = new URL('/graphql', opts.url).toString();
const wsUrl = httpUrl.replace(/^http/, 'ws');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 23)}]`, ...a);

// The whole run is bounded: past the deadline, report what we have and exit.
const hardStop = setTimeout(() => {
  log(`timeout: the run took more than ${opts.timeoutS} s`);
  process.exit(2);
}, opts.timeoutS * 1000);
hardStop.unref();

function rssKb() {
  if (!opts.pid) return null;
  const status = readFileSync(`/proc/${opts.pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) : null;
}

async function gql(query, variables, auth = true) {
  const res = await fetch(httpUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(auth ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function createReview(filmId, i) {
  const d = await gql(
    `mutation($input: CreateReviewInput!) { createReview(input: $input) { errors { code message } review { id version } } }`,
    { input: { filmId, byline: 'Bench', body: `Benchmark review ${i}.`, headline: `Bench review ${i} ${Date.now()}`, verdict: { rating: 'POP', summary: 'Bench.' } } },
  );
  const p = d.createReview;
  if (p.errors.length) throw new Error(`createReview: ${JSON.stringify(p.errors)}`);
  return p.review;
}

// Returns the time the publishReview response arrived: the commit time.
async function publishReview(review) {
  const d = await gql(
    `mutation($input: PublishReviewInput!) { publishReview(input: $input) { errors { code message } review { id } } }`,
    { input: { id: review.id, expectedVersion: review.version } },
  );
  const t = performance.now();
  if (d.publishReview.errors.length) throw new Error(`publishReview: ${JSON.stringify(d.publishReview.errors)}`);
  return t;
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// --- subscribers ---------------------------------------------------------------------------
const SUBSCRIPTION = 'subscription { reviewPublished { id headline } }';
const subs = []; // { client, acked, receipts: Map<reviewId, time>, duplicates, error }
let events = 0;
let failures = 0;
let onEvent = () => {};

function openSubscriber(index) {
  const s = { index, acked: false, receipts: new Map(), duplicates: 0, error: null, completed: false };
  let resolveAck, rejectAck;
  s.ack = new Promise((res, rej) => { resolveAck = res; rejectAck = rej; });
  s.client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    connectionAckWaitTimeout: 60_000,
    keepAlive: 0,
    on: {
      connected: () => { s.acked = true; resolveAck(); },
      closed: (e) => {
        if (!s.acked) rejectAck(new Error(`closed before ack: ${e?.code ?? ''} ${e?.reason ?? e?.message ?? ''}`));
        else if (!s.closing) { s.error ??= `closed: ${e?.code ?? ''} ${e?.reason ?? ''}`; failures++; }
      },
      error: (e) => { s.error ??= String(e?.message ?? e); },
    },
  });
  s.client.subscribe({ query: SUBSCRIPTION }, {
    next: (msg) => {
      const t = performance.now();
      const id = msg?.data?.reviewPublished?.id;
      if (!id) { s.error ??= `bad event ${JSON.stringify(msg)}`; return; }
      if (s.receipts.has(id)) { s.duplicates++; return; }
      s.receipts.set(id, t);
      events++;
      onEvent(id);
    },
    error: (e) => { s.error ??= `subscription error: ${JSON.stringify(e?.message ?? e)}`; failures++; },
    complete: () => { s.completed = true; },
  });
  return s;
}

// Waits until pred() is true (polling), or fails after ms.
async function waitFor(pred, ms, what) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(20);
  }
}

const result = {
  benchmark: 'subscribers',
  date: new Date().toISOString(),
  url: httpUrl,
  node: process.version,
  subscribers: opts.subscribers,
  reviews: opts.reviews,
  batch: opts.batch,
};

let exitCode = 0;
try {
  const film = (await gql(`query($s: String!) { film(slug: $s) { id } }`, { s: opts.film }, false)).film;
  if (!film) throw new Error(`no film with slug ${opts.film} (is HeadlessReviews__SeedDemoData=true?)`);

  // Warm the service (JIT, connection pool, one WebSocket) before the baseline, so that
  // the per-connection figure is not mostly start-up allocations.
  {
    const w = openSubscriber(-1);
    await w.ack;
    const r = await createReview(film.id, 'warm-up');
    await publishReview(r);
    await waitFor(() => w.receipts.has(r.id), 10_000, 'the warm-up event');
    w.closing = true;
    await w.client.dispose();
    events = 0;
    await sleep(opts.settleMs);
  }
  const rssBeforeKb = rssKb();
  log(`service RSS before connecting: ${rssBeforeKb} kB`);

  // Connect in batches; each batch must be acknowledged before the next one starts.
  const tConnect = performance.now();
  for (let i = 0; i < opts.subscribers; i += opts.batch) {
    const batch = [];
    for (let j = i; j < Math.min(opts.subscribers, i + opts.batch); j++) batch.push(openSubscriber(j));
    subs.push(...batch);
    const settled = await Promise.allSettled(batch.map((s) => s.ack));
    const bad = settled.filter((x) => x.status === 'rejected');
    if (bad.length) throw new Error(`${bad.length} of batch at ${i} not acknowledged; first: ${bad[0].reason.message}`);
    if ((i / opts.batch) % 5 === 4 || i + opts.batch >= opts.subscribers) log(`acknowledged: ${subs.length}`);
  }
  const connectSeconds = (performance.now() - tConnect) / 1000;

  // graphql-transport-ws does not confirm a subscribe; a probe event, received by every
  // subscriber, shows all subscriptions are live. It is not counted in the figures.
  const probe = await createReview(film.id, 'probe');
  await publishReview(probe);
  await waitFor(() => subs.every((s) => s.receipts.has(probe.id)), 60_000,
    `the probe event at every subscriber (${subs.filter((s) => s.receipts.has(probe.id)).length}/${subs.length})`);
  log(`all ${subs.length} subscribed (probe event received everywhere)`);
  for (const s of subs) s.receipts.delete(probe.id);
  events = 0;

  await sleep(opts.settleMs);
  const rssIdleKb = rssKb();
  log(`service RSS with ${subs.length} idle subscribers: ${rssIdleKb} kB`);

  // Create the drafts first, so publishing is the only thing measured; then publish one
  // after another, each commit time being when its publishReview response arrives.
  const drafts = [];
  for (let i = 0; i < opts.reviews; i++) drafts.push(await createReview(film.id, i + 1));
  const commits = new Map();
  const tPublish = performance.now();
  for (const d of drafts) commits.set(d.id, await publishReview(d));
  const publishSeconds = (performance.now() - tPublish) / 1000;

  const expected = opts.subscribers * opts.reviews;
  let deliveryTimedOut = false;
  try {
    await waitFor(() => events >= expected, 30_000, 'all events');
  } catch {
    deliveryTimedOut = true;
  }
  const rssAfterKb = rssKb();

  const latencies = [];
  const perReview = [];
  for (const d of drafts) {
    const commit = commits.get(d.id);
    const lat = [];
    for (const s of subs) {
      const t = s.receipts.get(d.id);
      if (t !== undefined) lat.push(t - commit);
    }
    lat.sort((a, b) => a - b);
    latencies.push(...lat);
    perReview.push({ id: d.id, received: lat.length, p50Ms: round(percentile(lat, 50)), maxMs: round(lat.at(-1)) });
  }
  latencies.sort((a, b) => a - b);
  const received = latencies.length;
  const lost = expected - received;
  const failedSubscribers = subs.filter((s) => s.error);

  Object.assign(result, {
    connectSeconds: round(connectSeconds, 2),
    publishSeconds: round(publishSeconds, 2),
    expected,
    received,
    lost,
    duplicates: subs.reduce((n, s) => n + s.duplicates, 0),
    deliveryTimedOut,
    failedSubscribers: failedSubscribers.length,
    firstFailure: failedSubscribers[0]?.error ?? null,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1)),
      min: round(latencies[0]),
    },
    memory: {
      rssBeforeKb,
      rssIdleKb,
      rssAfterPublishKb: rssAfterKb,
      perIdleConnectionKb: rssBeforeKb != null && rssIdleKb != null && opts.subscribers
        ? round((rssIdleKb - rssBeforeKb) / opts.subscribers, 1) : null,
    },
    perReview,
    targets: { p99UnderMs: 1000, perIdleConnectionUnderKb: 100, lost: 0 },
  });
  result.pass = lost === 0 && result.latencyMs.p99 != null && result.latencyMs.p99 < 1000
    && (result.memory.perIdleConnectionKb == null || result.memory.perIdleConnectionKb < 100);
  if (!result.pass) exitCode = 1;
} catch (e) {
  result.error = String(e?.stack ?? e);
  result.pass = false;
  exitCode = 1;
  log(`error: ${e?.message ?? e}`);
}

// --- report --------------------------------------------------------------------------------
const r = result;
console.log('');
console.log(`HeadlessReviews subscription benchmark, ${r.date}`);
console.log(`  subscribers:        ${r.subscribers} (graphql-ws, batches of ${r.batch}, connected in ${r.connectSeconds ?? '-'} s)`);
console.log(`  reviews published:  ${r.reviews} (in ${r.publishSeconds ?? '-'} s)`);
if (r.latencyMs) {
  console.log(`  latency commit->receipt: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms   (target p99 < 1000 ms)`);
  console.log(`  messages: expected ${r.expected}, received ${r.received}, lost ${r.lost}, duplicates ${r.duplicates}   (target 0 lost)`);
  console.log(`  memory: RSS ${r.memory.rssBeforeKb} kB before, ${r.memory.rssIdleKb} kB with all idle -> ${r.memory.perIdleConnectionKb} kB per idle connection   (target < 100 kB)`);
  if (r.failedSubscribers) console.log(`  failed subscribers: ${r.failedSubscribers} (first: ${r.firstFailure})`);
}
if (r.error) console.log(`  error: ${r.error.split('\n')[0]}`);
console.log(`  result: ${r.pass ? 'PASS' : 'FAIL'}`);

const out = opts.out || resolve(here, 'results', `subscribers-${r.date.slice(0, 10)}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(`  written: ${out}`);

// Close every socket (bounded), then exit.
for (const s of subs) s.closing = true;
await Promise.race([Promise.allSettled(subs.map((s) => s.client.dispose())), sleep(10_000)]);
process.exit(exitCode);
