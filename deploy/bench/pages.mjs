// Helper of deploy/bench/pages.sh (issue 16): the pages' request bodies for each contender, the check
// that the contenders answer the same content, and the report (markdown table and SVG chart).
//   node pages.mjs bodies <targets.tsv> <out-dir>
//   node pages.mjs check <bodies-dir> <hr-url> <pg-url> <raw-url> <editor-token>
//   node pages.mjs stale <writer-url> <reader-url> <editor-token> <review-slug> <changes> <interval-ms> <readers> <out.json>
//   node pages.mjs report <results.jsonl> <meta.json> <out.md> <out.svg> [stale.json]
import { readFileSync, writeFileSync } from 'node:fs';

// The pages as the service's GraphQL documents (the frontend's queries) ...
const HR = {
  review: `query ReviewPage($slug: String!) { review(slug: $slug) { id headline byline publishedAt
    verdict { rating summary } body { html pullQuotes }
    film { title year runtimeMinutes certificateLabel genres poster { url altText }
      directors { name slug } writers { name slug } cast { billing character person { name slug } } }
    commentCount
    comments(first: 20) { nodes { id authorName postedAt html replies { id authorName postedAt html } } } } }`,
  home: `query HomePage { reviews(first: 20) { nodes { id slug headline publishedAt excerpt(length: 160)
    verdict { rating summary } commentCount film { title year poster { url altText } directors { name } } } } }`,
  search: `query Search($query: String!) { search(query: $query, first: 10) { nodes { __typename
    ... on Review { slug headline } ... on Film { slug title year } ... on Person { slug name } } } }`,
  comment: `mutation PostComment($reviewId: ID!, $authorEmail: String!) { postComment(input: { reviewId: $reviewId, authorName: "A reader",
    authorEmail: $authorEmail, body: "Saw it again last night; the letters still land." }) {
    status comment { id authorName html postedAt } errors { field code message } } }`,
};

// ... and against PostGraphile's generated schema on the relational copy.
const PG = {
  review: `query ReviewPage($slug: String!) { review: reviewBySlug(slug: $slug) { id headline byline publishedAt
    verdictRating verdictSummary bodyHtml pullQuotes
    film: filmByFilmId { title year runtimeMinutes certificate genres posterUrl posterAltText
      directors: filmDirectorsByFilmId(orderBy: POSITION_ASC) { nodes { person: personByPersonId { name slug } } }
      writers: filmWritersByFilmId(orderBy: POSITION_ASC) { nodes { person: personByPersonId { name slug } } }
      cast: filmCastsByFilmId(orderBy: BILLING_ASC) { nodes { billing character person: personByPersonId { name slug } } } }
    commentCount
    comments: commentsByReviewId(condition: { status: "approved", parentId: null }, orderBy: [POSTED_AT_ASC, PRIMARY_KEY_ASC], first: 20) {
      nodes { id authorName postedAt html
        replies: commentsByParentId(condition: { status: "approved" }, orderBy: [POSTED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { id authorName postedAt html } } } } } }`,
  home: `query HomePage { reviews: allReviews(condition: { status: "published" }, orderBy: [PUBLISHED_AT_DESC, PRIMARY_KEY_DESC], first: 20) {
    nodes { id slug headline publishedAt excerpt verdictRating verdictSummary commentCount
      film: filmByFilmId { title year posterUrl posterAltText
        directors: filmDirectorsByFilmId(orderBy: POSITION_ASC) { nodes { person: personByPersonId { name } } } } } } }`,
  search: `query Search($query: String!) { search(query: $query, first: 10) { nodes { kind rank
    review: reviewByReviewId { slug headline } film: filmByFilmId { slug title year } person: personByPersonId { slug name } } } }`,
  comment: `mutation PostComment($reviewId: UUID!, $authorEmail: String!) { createComment(input: { comment: { reviewId: $reviewId, authorName: "A reader",
    authorEmail: $authorEmail, body: "Saw it again last night; the letters still land.", status: "pending" } }) {
    comment { id authorName html postedAt } } }`,
};

const OPS = ['review', 'home', 'search', 'comment'];
// hr runs with its response cache off (what the issue's first targets are about), hrc with it on.
const CONTENDERS = ['hr', 'hrc', 'pg', 'raw'];
const NAMES = { hr: 'HeadlessReviews', hrc: 'HeadlessReviews, response cache on', pg: 'PostGraphile 4', raw: 'raw Npgsql' };
const PATHS = { hr: '/graphql', hrc: '/graphql', pg: '/graphql', raw: { review: '/review', home: '/home', search: '/search', comment: '/comment' } };
const pathOf = (contender, op) => (contender === 'raw' ? PATHS.raw[op] : PATHS[contender]);

function bodies(targetsFile, out) {
  // Each line: one published review (slug, global id, uuid); comments on it come from a reader of its own.
  const targets = readFileSync(targetsFile, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  const gql = (query, variables) => JSON.stringify({ query, variables });
  const make = {
    hr: { review: ([slug]) => gql(HR.review, { slug }), home: () => gql(HR.home, {}), search: () => gql(HR.search, { query: 'love' }), comment: ([, id], i) => gql(HR.comment, { reviewId: id, authorEmail: `reader${i}@example.com` }) },
    pg: { review: ([slug]) => gql(PG.review, { slug }), home: () => gql(PG.home, {}), search: () => gql(PG.search, { query: 'love' }), comment: ([, , uuid], i) => gql(PG.comment, { reviewId: uuid, authorEmail: `reader${i}@example.com` }) },
    raw: { review: ([slug]) => JSON.stringify({ slug }), home: () => '{}', search: () => JSON.stringify({ query: 'love' }), comment: ([, , uuid]) => JSON.stringify({ reviewId: uuid }) },
  };
  make.hrc = make.hr;
  for (const contender of CONTENDERS)
    for (const op of OPS) writeFileSync(`${out}/${contender}-${op}.txt`, targets.map((t, i) => make[contender][op](t, i)).join('\n') + '\n');
}

// What a page shows, in a form the three answers share: the check compares these.
const digest = {
  review: (c, d) => {
    const r = d.review;
    if (!r) return null;
    const film = r.film;
    const people = (list) => (c === 'pg' ? list.nodes.map((n) => n.person.name) : list.map((p) => p.name));
    const cast = c === 'pg' ? film.cast.nodes : film.cast;
    const comments = r.comments.nodes;
    return { headline: r.headline, title: film.title, directors: people(film.directors), writers: people(film.writers), cast: cast.map((m) => m.person.name),
      html: (c === 'pg' ? r.bodyHtml : r.body.html).length, comments: comments.map((n) => n.authorName + ':' + (c === 'pg' ? n.replies.nodes : n.replies).length), count: r.commentCount };
  },
  home: (c, d) => d.reviews.nodes.map((n) => [n.slug, n.film.title, n.excerpt, n.commentCount].join('|')),
  search: (c, d) => d.search.nodes.map((n) => (c === 'pg' ? (n.review ?? n.film ?? n.person).slug : n.slug)),
};

async function post(url, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { throw new Error(`${url}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`); }
  if (!response.ok || json.errors || !json.data) throw new Error(`${url}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  return json.data;
}

async function check(dir, hr, hrc, pg, raw, token) {
  const base = { hr, hrc, pg, raw };
  let failed = false;
  for (const op of OPS) {
    const answers = {};
    for (const contender of CONTENDERS) {
      const [first] = readFileSync(`${dir}/${contender}-${op}.txt`, 'utf8').split('\n');
      const data = await post(base[contender] + pathOf(contender, op), first, op === 'comment' && contender.startsWith('hr') ? token : undefined);
      if (op === 'comment') {
        const payload = data.postComment ?? data.createComment;
        if (!payload?.comment?.id) throw new Error(`${contender} comment: no comment in ${JSON.stringify(data)}`);
        continue;
      }
      answers[contender] = JSON.stringify(digest[op](contender, data));
    }
    if (op === 'comment') { console.error(`  check ${op}: all stored a comment`); continue; }
    // Asked twice of the cached contender: the second answer is a hit and must be the first again.
    const again = JSON.stringify(digest[op]('hrc', await post(base.hrc + '/graphql', readFileSync(`${dir}/hrc-${op}.txt`, 'utf8').split('\n')[0])));
    const same = CONTENDERS.every((c) => answers[c] === answers.hr) && again === answers.hrc;
    console.error(`  check ${op}: ${same ? 'same content from all (and from a cache hit)' : 'DIFFERENT content'}`);
    if (!same) { failed = true; for (const c of CONTENDERS) console.error(`    ${c}: ${answers[c].slice(0, 600)}`); }
    if (answers.hr === 'null' || answers.hr === '[]') { failed = true; console.error(`    the ${op} page is empty`); }
  }
  if (failed) process.exit(1);
}

// The stale window: changes go through one instance (the writer), readers hammer another (the reader)
// with the review's query, anonymous, so its response cache answers them. For each change, the window
// is from the moment the mutation's response arrived to the arrival of the last answer from the reader
// that still showed the old headline to a request sent after that moment (0 when there was none).
async function stale(writer, reader, token, slug, changes, intervalMs, readers, outFile) {
  const query = JSON.stringify({ query: 'query Stale($slug: String!) { review(slug: $slug) { headline } }', variables: { slug } });
  const gql = async (url, body, auth) => {
    const headers = { 'content-type': 'application/json' };
    if (auth) headers.authorization = `Bearer ${auth}`;
    const response = await fetch(url + '/graphql', { method: 'POST', headers, body });
    const json = await response.json();
    if (!response.ok || json.errors) throw new Error(`${url}: HTTP ${response.status}: ${JSON.stringify(json).slice(0, 400)}`);
    return json.data;
  };
  const current = await gql(writer, JSON.stringify({ query: 'query($slug: String!) { review(slug: $slug) { id version headline } }', variables: { slug } }), token);
  let { id, version } = current.review;
  const original = current.review.headline;
  const prefix = `Stale probe ${process.pid}`;
  // changes[i]: when its response arrived, and the latest arrival of an old answer to a request sent after it.
  const windows = [];
  let latest = null; // { index, headline, at } of the last change whose response arrived
  let reads = 0, errors = 0, running = true;
  const headlineOf = (i) => `${prefix} #${i}`;
  const indexOf = (headline) => (headline?.startsWith(prefix + ' #') ? Number(headline.slice(prefix.length + 2)) : -1);
  const loop = async () => {
    while (running) {
      const known = latest;
      try {
        const data = await gql(reader, query);
        const at = performance.now();
        reads++;
        // Older than the change that had answered before this request was sent: stale.
        if (known && indexOf(data.review?.headline) < known.index) windows[known.index] = Math.max(windows[known.index] ?? 0, at - known.at);
      } catch { errors++; }
    }
  };
  const started = performance.now();
  const loops = Array.from({ length: Number(readers) }, loop);
  const mutation = 'mutation($input: UpdateReviewInput!) { updateReview(input: $input) { review { version headline } errors { code message } } }';
  for (let i = 0; i < Number(changes); i++) {
    await new Promise((resolve) => setTimeout(resolve, Number(intervalMs)));
    const data = await gql(writer, JSON.stringify({ query: mutation, variables: { input: { id, expectedVersion: version, headline: headlineOf(i) } } }), token);
    if (data.updateReview.errors.length) throw new Error(`updateReview: ${JSON.stringify(data.updateReview.errors)}`);
    latest = { index: i, at: performance.now() };
    windows[i] ??= 0;
    version = data.updateReview.review.version;
  }
  await new Promise((resolve) => setTimeout(resolve, Number(intervalMs)));
  running = false;
  await Promise.all(loops);
  const seconds = (performance.now() - started) / 1000;
  // Put the review back as it was.
  await gql(writer, JSON.stringify({ query: mutation, variables: { input: { id, expectedVersion: version, headline: original } } }), token);
  const all = windows.map((w) => w ?? 0);
  const sorted = [...all].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const result = { changes: all.length, interval_ms: Number(intervalMs), readers: Number(readers), stale_changes: all.filter((w) => w > 0).length,
    p50_ms: pct(50), p99_ms: pct(99), max_ms: sorted[sorted.length - 1], reads, reads_per_s: reads / seconds, errors };
  writeFileSync(outFile, JSON.stringify(result) + '\n');
  console.error(`  stale window over ${result.changes} changes: p50 ${result.p50_ms.toFixed(1)} ms, p99 ${result.p99_ms.toFixed(1)} ms, max ${result.max_ms.toFixed(1)} ms; ${result.stale_changes} changes saw a stale answer; ${reads} reads (${result.reads_per_s.toFixed(0)}/s), ${errors} errors`);
}

const median = (values) => { const s = [...values].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function report(resultsFile, metaFile, outMd, outSvg, staleFile) {
  const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  const runs = readFileSync(resultsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  // One row per scale, op, concurrency and contender: rounds combined (sums for counts, medians for latencies).
  const rows = new Map();
  for (const r of runs) {
    const key = [r.scale, r.op, r.c, r.contender].join('/');
    if (!rows.has(key)) rows.set(key, { ...r, runs: [] });
    rows.get(key).runs.push(r);
  }
  const stat = [...rows.values()].map((row) => {
    const w = row.runs.map((r) => r.wrk);
    const requests = w.reduce((s, x) => s + x.requests, 0);
    const seconds = w.reduce((s, x) => s + x.duration_us, 0) / 1e6;
    const errors = w.reduce((s, x) => s + x.connect + x.read + x.write + x.status + x.timeout + (x.graphql ?? 0), 0);
    const all = row.runs.reduce((s, r) => s + r.wrk.requests + (r.readers?.requests ?? 0), 0);
    const serverCpu = row.runs.reduce((s, r) => s + r.server_cpu_s, 0);
    const pgCpu = row.runs.reduce((s, r) => s + r.pg_cpu_s, 0);
    const readers = row.runs.filter((r) => r.readers).map((r) => r.readers);
    // Nothing answered within the cell (a page slower than the run is long): no latency, no CPU per request.
    const none = requests === 0;
    return { scale: row.scale, op: row.op, c: row.c, contender: row.contender, rps: requests / seconds, p50: none ? null : median(w.map((x) => x.p50_us)) / 1000,
      p99: none ? null : median(w.map((x) => x.p99_us)) / 1000, errors, serverMsPerReq: none ? null : (1000 * serverCpu) / all,
      // Negative when a backend exited between the samples before the postmaster reaped it: shown as unknown.
      pgMsPerReq: none || pgCpu < 0 ? null : (1000 * pgCpu) / all,
      readerRps: readers.length ? readers.reduce((s, x) => s + x.requests, 0) / (readers.reduce((s, x) => s + x.duration_us, 0) / 1e6) : null,
      readerErrors: readers.reduce((s, x) => s + x.connect + x.read + x.write + x.status + x.timeout + (x.graphql ?? 0), 0) };
  });
  const find = (scale, op, c, contender) => stat.find((s) => s.scale === scale && s.op === op && s.c === c && s.contender === contender);
  const f = (x, digits = 1) => (x == null || Number.isNaN(x) ? '–' : x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const lines = [];
  lines.push(`# Page benchmark: HeadlessReviews, PostGraphile 4 and raw Npgsql${meta.quick ? ' — SMOKE RUN (not results)' : ''}`, '');
  if (meta.quick) lines.push('> **Smoke run** (`--quick`, short durations on a busy machine): it shows that the harness works end to end. Its figures are not results; a quiet full run replaces them.', '');
  lines.push(`- Date: ${meta.date}`, `- Machine: ${meta.machine}`, `- PostgreSQL: ${meta.postgres}`, `- Command: \`${meta.command}\``,
    `- Load: wrk on loopback, ${meta.rounds} interleaved round(s) of ${meta.duration} s per cell after ${meta.warmup} s warm-up${meta.firstWarmup ? ` (and ${meta.firstWarmup} s per page and contender once before round 1)` : ''}; concurrency ${meta.concurrency.join(', ')}`,
    `- Data: ${meta.scales.map((s) => `${s} (${meta.sizes[s]})`).join('; ')}`,
    `- Loading: ${meta.scales.map((s) => `${s} ${meta.loadSeconds[s]} s`).join(', ')}; HeadlessReviews cold start to ready: ${meta.scales.map((s) => `${s} ${f(meta.coldStart[s], 2)} s`).join(', ')}`,
    `- Peak RSS (VmHWM): ${meta.scales.map((s) => `${s}: ` + CONTENDERS.map((c) => `${NAMES[c]} ${meta.rss[s]?.[c] ?? '–'} MB`).join(', ')).join('; ')}`, '',
    'Errors: socket errors, timeouts, non-2xx answers and answers carrying `"errors":[{` (GraphQL or payload errors). CPU ms/req: CPU time (user + system) of the server process, and of the whole PostgreSQL cluster, per request answered during the cell. The write cells also run readers loading the home page at the same concurrency; their throughput is in the last column.', '',
    '| scale | page | c | contender | req/s | p50 ms | p99 ms | errors | server CPU ms/req | PostgreSQL CPU ms/req | HR / peer | HR / raw | home req/s beside writes |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of stat) {
    const hr = find(s.scale, s.op, s.c, 'hr');
    const ratio = (other) => (s.contender.startsWith('hr') && other?.rps ? f(s.rps / other.rps, 2) + '×' : '');
    lines.push(`| ${s.scale} | ${s.op} | ${s.c} | ${NAMES[s.contender]} | ${f(s.rps)} | ${f(s.p50, 2)} | ${f(s.p99, 2)} | ${s.errors + s.readerErrors} | ${f(s.serverMsPerReq, 2)} | ${f(s.pgMsPerReq, 2)} | ${ratio(find(s.scale, s.op, s.c, 'pg'))} | ${ratio(find(s.scale, s.op, s.c, 'raw'))} | ${s.readerRps == null ? '' : f(s.readerRps)} |`);
  }
  // The issue's targets, each met, missed, or not measured by this run.
  const targets = [];
  const target = (name, ok, detail) => targets.push(`| ${name} | ${ok == null ? 'not measured' : ok ? 'met' : '**missed**'} | ${detail} |`);
  for (const scale of ['S', 'M']) for (const op of ['home', 'review']) {
    const hr = find(scale, op, 16, 'hr'), pg = find(scale, op, 16, 'pg'), raw = find(scale, op, 16, 'raw');
    const have = hr && pg && raw && hr.p99 != null && pg.rps > 0 && raw.rps > 0;
    target(`${op} at ${scale}, c=16: ≥ 2.5× PostGraphile`, have ? hr.rps >= 2.5 * pg.rps : null, have ? `${f(hr.rps / pg.rps, 2)}×` : '');
    target(`${op} at ${scale}, c=16: ≥ 50 % of raw`, have ? hr.rps >= 0.5 * raw.rps : null, have ? `${f((100 * hr.rps) / raw.rps, 0)} %` : '');
    target(`${op} at ${scale}, c=16: p99 ≤ 2× raw's`, have ? hr.p99 <= 2 * raw.p99 : null, have ? `${f(hr.p99, 2)} ms vs ${f(raw.p99, 2)} ms` : '');
  }
  for (const scale of ['S', 'M']) for (const op of ['home', 'review']) {
    const hrc = find(scale, op, 16, 'hrc'), raw = find(scale, op, 16, 'raw');
    const have = hrc && raw && hrc.rps > 0 && raw.rps > 0;
    target(`${op} at ${scale}, c=16, response cache on: ≥ 3× raw`, have ? hrc.rps >= 3 * raw.rps : null, have ? `${f(hrc.rps / raw.rps, 2)}× (${f(hrc.rps)} vs ${f(raw.rps)} req/s)` : '');
  }
  const stale = staleFile ? JSON.parse(readFileSync(staleFile, 'utf8')) : null;
  target('stale window after a change, another instance, p99 < 100 ms', stale ? stale.p99_ms < 100 : null,
    stale ? `p50 ${f(stale.p50_ms, 1)} ms, p99 ${f(stale.p99_ms, 1)} ms, max ${f(stale.max_ms, 1)} ms over ${stale.changes} changes (${stale.stale_changes} with any stale answer; ${f(stale.reads_per_s, 0)} reads/s, ${stale.errors} errors)` : '');
  const postS = find('S', 'comment', 16, 'hr'), postM = find('M', 'comment', 16, 'hr');
  target('postComment p50 at M ≤ 1.5× at S (c=16)', postS?.p50 != null && postM?.p50 != null ? postM.p50 <= 1.5 * postS.p50 : null, postS && postM ? `${f(postM.p50, 2)} ms vs ${f(postS.p50, 2)} ms` : '');
  const posts = stat.filter((s) => s.op === 'comment' && s.contender === 'hr');
  const bestPosts = posts.length ? Math.max(...posts.map((s) => s.rps)) : null;
  target('postComment ≥ 200 posts/s sustained', bestPosts == null ? null : bestPosts >= 200, bestPosts == null ? '' : `${f(bestPosts)} posts/s (best cell)`);
  for (const op of ['review', 'home']) {
    const s = find('S', op, 16, 'hr'), l = find('L', op, 16, 'hr');
    target(`${op} p50 at L ≤ 1.5× at S (c=16)`, s?.p50 != null && l?.p50 != null ? l.p50 <= 1.5 * s.p50 : null, s && l ? `${f(l.p50, 2)} ms vs ${f(s.p50, 2)} ms` : '');
  }
  const rssM = meta.rss.M?.hr;
  target('HeadlessReviews peak RSS under load at M < 400 MB', rssM == null ? null : rssM < 400, rssM == null ? '' : `${rssM} MB`);
  const cold = Math.max(...meta.scales.map((s) => meta.coldStart[s]));
  target('cold start to ready < 3 s', cold < 3, `${f(cold, 2)} s (slowest scale)`);
  const failing = stat.filter((s) => s.errors + s.readerErrors > 0);
  target('no errors in any cell', failing.length === 0, failing.length ? failing.map((s) => `${s.scale} ${s.op} c=${s.c} ${NAMES[s.contender]}`).join('; ') : '0');
  lines.push('', '## Targets (issue 16)', '', '| target | status | measured |', '| --- | --- | --- |', ...targets, '');
  const floors = Object.entries(meta.engineFloor ?? {});
  if (floors.length) {
    lines.push("## The GraphQL engine's floor (review page)", '',
      "`deploy/bench/EngineFloor`: the review page's document executed by GraphQL.NET alone over the page HeadlessReviews answered, held in memory " +
      '(no HTTP, database or loaders; no validation rules; serial execution), for what any GraphQL.NET service pays before it reads a row. ' +
      'Beside it, the server CPU per review page measured above (c=16).', '');
    for (const [scale, line] of floors) {
      const hr = find(scale, 'review', 16, 'hr'), raw = find(scale, 'review', 16, 'raw');
      lines.push(`- ${scale}: ${line}` + (hr && raw ? `; server CPU a page: HeadlessReviews ${f(hr.serverMsPerReq, 2)} ms, raw ${f(raw.serverMsPerReq, 2)} ms` : ''));
    }
    lines.push('');
  }
  if (meta.quick) lines.push('Smoke run: the statuses above only show the checks work; they say nothing about the service.', '');
  lines.push(`![Throughput per contender](${meta.svgName})`, '');
  writeFileSync(outMd, lines.join('\n'));
  writeFileSync(outSvg, chart(stat, meta));
}

// Grouped bars: one group per scale, page and concurrency; one bar per contender.
function chart(stat, meta) {
  const groups = [...new Set(stat.map((s) => `${s.scale} ${s.op} c=${s.c}`))];
  const colours = { hr: '#1f77b4', hrc: '#9467bd', pg: '#ff7f0e', raw: '#2ca02c' };
  const max = Math.max(1, ...stat.map((s) => s.rps));
  const bar = 14, gap = 18, left = 150, width = 900, plot = width - left - 90;
  const n = CONTENDERS.length;
  const height = 70 + groups.length * (n * bar + gap);
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="15">Throughput (requests/s) per contender${meta.quick ? ' — smoke run, not results' : ''}; ${esc(meta.date)}</text>`];
  CONTENDERS.forEach((c, i) => out.push(`<rect x="${10 + i * 220}" y="32" width="12" height="12" fill="${colours[c]}"/><text x="${26 + i * 220}" y="43">${NAMES[c]}</text>`));
  groups.forEach((g, gi) => {
    const y0 = 60 + gi * (n * bar + gap);
    out.push(`<text x="${left - 8}" y="${y0 + (n / 2) * bar + 4}" text-anchor="end">${esc(g)}</text>`);
    CONTENDERS.forEach((c, ci) => {
      const s = stat.find((x) => `${x.scale} ${x.op} c=${x.c}` === g && x.contender === c);
      if (!s) return;
      const w = Math.max(1, (plot * s.rps) / max);
      out.push(`<rect x="${left}" y="${y0 + ci * bar}" width="${w.toFixed(1)}" height="${bar - 2}" fill="${colours[c]}"/>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${y0 + ci * bar + bar - 4}">${Math.round(s.rps)}</text>`);
    });
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'bodies') bodies(...rest);
else if (command === 'check') await check(...rest);
else if (command === 'stale') await stale(...rest);
else if (command === 'report') report(...rest);
else { console.error('usage: node pages.mjs bodies|check|report …'); process.exit(2); }
