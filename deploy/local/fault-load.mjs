// The load and the clock of deploy/local/fault-test.sh (Node 20, no packages): readers of the home
// page and comment posters run against the service while PostgreSQL is stopped for OUTAGE seconds
// and started again. Every request is recorded (start, end, HTTP status, error codes); the checks
// are made here and printed one per line ("ok - …" / "not ok - …"). Acknowledged comments are
// written to ACKED_FILE, one clientMutationId a line, for the script to look up in PostgreSQL.
//
// Environment: SERVICE_URL, PG_STOP and PG_START (shell commands), ACKED_FILE; optional
// READERS (4), POSTERS (2), WARMUP (5 s), OUTAGE (10 s), AFTER (12 s), RUN_ID.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const url = process.env.SERVICE_URL;
const seconds = (name, fallback) => Number(process.env[name] ?? fallback) * 1000;
const readers = Number(process.env.READERS ?? 4);
const posters = Number(process.env.POSTERS ?? 2);
const warmup = seconds('WARMUP', 5), outage = seconds('OUTAGE', 10), after = seconds('AFTER', 12);
const runId = process.env.RUN_ID ?? Date.now().toString(36);

// The bounds the test holds the service to.
const outageP99Bound = 2000;     // ms: an answer while the database is away comes quickly
const recoveryBound = 10000;     // ms: from PostgreSQL accepting connections to the first good answer
const requestTimeout = 15000;    // ms: a request that hangs longer counts as an error of its own

const started = performance.now();
const now = () => performance.now() - started;
const records = [];   // { kind, start, end, status, codes: [], ok }
const readiness = []; // { at, status }
const acked = new Set();
let stopping = false;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function graphql(kind, query, variables) {
  const record = { kind, start: now(), end: 0, status: 0, codes: [], ok: false, data: null };
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(requestTimeout),
    });
    record.status = response.status;
    const text = await response.text();
    let body = null;
    try { body = JSON.parse(text); } catch { record.codes.push('NOT_JSON'); }
    if (body) {
      for (const error of body.errors ?? []) record.codes.push(error.extensions?.code ?? 'NO_CODE');
      record.data = body.data ?? null;
    }
    record.ok = response.status === 200 && record.codes.length === 0 && record.data != null;
  } catch (error) {
    record.codes.push(error.name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK_ERROR');
  }
  record.end = now();
  records.push(record);
  return record;
}

const homePage = `{ reviews(first: 20) { totalCount nodes { id headline excerpt(length: 140) publishedAt
  verdict { rating } film { title year } } } }`;
const post = `mutation Post($input: PostCommentInput!) { postComment(input: $input) {
  clientMutationId status comment { id } errors { field code message } } }`;

async function reader() {
  while (!stopping) await graphql('read', homePage);
}

async function poster(number, reviewId) {
  for (let n = 0; ; n++) {
    if (stopping) return;
    const clientMutationId = `fault-${runId}-${number}-${n}`;
    // Retried with the same clientMutationId until acknowledged, as a client should.
    for (;;) {
      const record = await graphql('post', post, { input: {
        clientMutationId, reviewId, authorName: 'Fault test', authorEmail: `fault-${number}@example.org`,
        body: `Fault test comment ${clientMutationId}`,
      } });
      const payload = record.data?.postComment;
      if (record.ok && payload?.comment?.id) { acked.add(clientMutationId); break; }
      if (record.ok && payload?.errors?.length) record.codes.push(...payload.errors.map((e) => `PAYLOAD_${e.code}`));
      if (record.ok) record.ok = false;
      // The last comment of a poster is finished even after the load stops, within the deadline.
      if (now() > finishBy) return;
      await sleep(100);
    }
  }
}

async function pollReadiness() {
  while (!stopping) {
    const at = now();
    let status = 0;
    try {
      status = (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(requestTimeout) })).status;
    } catch { status = 0; }
    readiness.push({ at, end: now(), status });
    await sleep(250);
  }
}

const shell = (command) => new Promise((resolve, reject) =>
  execFile('bash', ['-c', command], (error, stdout, stderr) => (error ? reject(new Error(`${command}: ${stderr || error.message}`)) : resolve())));

let finishBy = Infinity;
const first = await graphql('read', '{ review(slug: "her") { id } }');
const reviewId = first.data?.review?.id;
if (!reviewId) {
  console.log(`not ok - the service answers before the outage (${first.status} ${first.codes.join(',')})`);
  process.exit(1);
}
records.length = 0;

const load = [
  ...Array.from({ length: readers }, () => reader()),
  ...Array.from({ length: posters }, (_, i) => poster(i, reviewId)),
  pollReadiness(),
];
await sleep(warmup);
const stopAt = now();
await shell(process.env.PG_STOP);
const downAt = now();     // pg_ctl stop returned: the server is gone
let liveDuringOutage = 0;
await sleep(outage / 2);
try { liveDuringOutage = (await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(requestTimeout) })).status; } catch { /* 0 */ }
await sleep(outage - (now() - downAt));
const startAt = now();
await shell(process.env.PG_START);
const upAt = now();       // pg_ctl start -w returned: PostgreSQL accepts connections
await sleep(after);
finishBy = now() + 10000;
stopping = true;
await Promise.all(load);
const endAt = now();

// --- the checks ------------------------------------------------------------------------------
const results = [];
const check = (ok, text) => { results.push(ok); console.log(`${ok ? 'ok' : 'not ok'} - ${text}`); };
const percentile = (values, p) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${Math.round(value)} ms`;

const during = records.filter((r) => r.start >= downAt && r.end <= startAt);
const errors = records.filter((r) => !r.ok);
const reads = records.filter((r) => r.kind === 'read');
const posts = records.filter((r) => r.kind === 'post');
const firstOk = records.filter((r) => r.ok && r.start >= upAt).sort((a, b) => a.end - b.end)[0];
const recovery = firstOk ? firstOk.end - upAt : Infinity;
const lateFailures = records.filter((r) => !r.ok && r.start >= upAt + recoveryBound);
const otherCodes = new Set(errors.flatMap((r) => r.codes).filter((code) => code !== 'SERVICE_UNAVAILABLE'));
const badStatus = new Set(records.map((r) => r.status).filter((status) => status !== 200 && status !== 503));
const duringLatency = during.map((r) => r.end - r.start);
const readyDuring = readiness.filter((r) => r.at >= downAt && r.end <= startAt);

console.log(`requests: ${records.length} (${reads.length} reads, ${posts.length} comment posts) in ${(endAt / 1000).toFixed(1)} s; ` +
  `errors: ${errors.length}; comments acknowledged: ${acked.size}`);
console.log(`outage: pg_ctl stop took ${ms(downAt - stopAt)}, PostgreSQL away ${((startAt - downAt) / 1000).toFixed(1)} s, ` +
  `pg_ctl start took ${ms(upAt - startAt)}; ${during.length} requests inside it, latency p50 ${ms(percentile(duringLatency, 50))}, ` +
  `p99 ${ms(percentile(duringLatency, 99))}, max ${ms(Math.max(0, ...duringLatency))}`);
console.log(`recovery: first good answer ${firstOk ? ms(recovery) : 'never'} after PostgreSQL accepted connections`);

check(during.length > 0 && during.every((r) => !r.ok && r.codes.includes('SERVICE_UNAVAILABLE')),
  `every request during the outage answered SERVICE_UNAVAILABLE (${during.filter((r) => r.codes.includes('SERVICE_UNAVAILABLE')).length} of ${during.length})`);
check(during.length > 0 && percentile(duringLatency, 99) < outageP99Bound,
  `answers during the outage were quick (p99 ${ms(percentile(duringLatency, 99))} < ${ms(outageP99Bound)})`);
check(readyDuring.length > 0 && readyDuring.every((r) => r.status === 503) && liveDuringOutage === 200,
  `readiness was 503 throughout the outage (${readyDuring.length} probes), liveness ${liveDuringOutage}`);
check(recovery < recoveryBound && lateFailures.length === 0,
  `recovered by itself in ${ms(recovery)} (< ${ms(recoveryBound)}), no failure after that bound (${lateFailures.length})`);
check(readiness.some((r) => r.at >= upAt && r.status === 200), 'readiness back to 200 after the outage');
check(otherCodes.size === 0 && badStatus.size === 0,
  `no error but SERVICE_UNAVAILABLE, no status but 200 and 503 (${[...otherCodes, ...badStatus].join(', ') || 'none'})`);
check(acked.size > 0 && posts.some((r) => r.ok && r.start >= upAt), `comments acknowledged before and after the outage (${acked.size})`);

writeFileSync(process.env.ACKED_FILE, [...acked].map((id) => `${id}\n`).join(''));
console.log(`load checks: ${results.filter(Boolean).length} passed, ${results.filter((ok) => !ok).length} failed`);
process.exit(results.every(Boolean) ? 0 : 1);
