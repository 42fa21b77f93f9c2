// A deterministic WordPress export (WXR 1.2) of a film blog in the house format, for the import benchmark
// of issue 17: review posts (two in three from the classic editor, one in three from the block editor)
// with facts, body, pull-quotes, verdict and the blog's closing line; a featured-image attachment per post
// with PHP-serialised metadata; threaded comments of every status, pingbacks among them; pages, a menu
// item and a reusable block that the import skips. Same arguments, same bytes.
//
//   node deploy/bench/wxr/generate.mjs --out export.xml [--posts 10000] [--comments 250000] [--seed 1]
import { openSync, writeSync, closeSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
if (!args.out) { console.error('usage: node generate.mjs --out FILE [--posts N] [--comments N] [--seed N]'); process.exit(2); }
const posts = Number(args.posts ?? 10000), comments = Number(args.comments ?? 250000), seed = Number(args.seed ?? 1);

// mulberry32: small, fast, and the same everywhere.
function random(n) {
  let a = (seed * 0x9e3779b1 + n * 0x85ebca6b) >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

const ADJECTIVES = ['Cold', 'Silent', 'Last', 'Golden', 'Hidden', 'Broken', 'Distant', 'Bright', 'Quiet', 'Long', 'Secret', 'Wild', 'Lost', 'Burning', 'Paper'];
const NOUNS = ['Borderland', 'Harbour', 'Letters', 'Summer', 'Orchard', 'River', 'Station', 'Garden', 'Mirror', 'Winter', 'Signal', 'Lighthouse', 'Crossing', 'Frontier', 'Machine'];
const FIRST = ['Ada', 'Ben', 'Cara', 'Dev', 'Elin', 'Femi', 'Greta', 'Hugo', 'Ines', 'Joel', 'Kasia', 'Luca', 'Mina', 'Noor', 'Otto', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wes', 'Yara', 'Zoë', 'Chloé', 'José', 'Søren'];
const LAST = ['Adeyemi', 'Bianchi', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hughes', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'O’Brien', 'Petrov', 'Quinn', 'Rossi', 'Santos', 'Tanaka'];
const GENRES = ['Drama', 'Comedy', 'Thriller', 'Romance', 'Science Fiction', 'Horror', 'Documentary', 'Animation', 'Crime', 'Western'];
const CERTIFICATES = ['U', 'PG', '12A', '15', '18'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = ('the film a its with and of score camera light quiet scene long silence letters rain memory winter ' +
  'actor director frame window morning warm cold love strange music sings follows lingers closes wonder after before').split(' ');

const people = Array.from({ length: 3000 }, (_, i) => { const r = random(1_000_000 + i); return `${pick(r, FIRST)} ${pick(r, LAST)}`; });
const sentence = (r, words) => { const w = Array.from({ length: words }, () => pick(r, WORDS)); w[0] = w[0][0].toUpperCase() + w[0].slice(1); return w.join(' ') + '.'; };
const paragraph = (r) => Array.from({ length: int(r, 3, 6) }, () => sentence(r, int(r, 8, 18))).join(' ');
const ordinal = (d) => d + (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');
const cdata = (text) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pad = (n) => String(n).padStart(2, '0');
const wpDate = (ms) => { const d = new Date(ms); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`; };
// PHP's serialize() of the attachment metadata WordPress keeps: string lengths count UTF-8 bytes.
const php = (value) => {
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${value};`;
  if (typeof value === 'string') return `s:${Buffer.byteLength(value, 'utf8')}:"${value}";`;
  const entries = Object.entries(value);
  return `a:${entries.length}:{${entries.map(([k, v]) => php(k) + php(v)).join('')}}`;
};

const SITE = 'https://films.example.org';
const out = openSync(args.out, 'w');
let buffered = [];
let size = 0;
const write = (text) => { buffered.push(text); size += text.length; if (size > 1 << 20) flush(); };
const flush = () => { writeSync(out, buffered.join('')); buffered = []; size = 0; };

write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>Pop or Poop? Film reviews</title>
\t<link>${SITE}</link>
\t<description>Films, reviewed</description>
\t<pubDate>Mon, 02 Nov 2026 10:00:00 +0000</pubDate>
\t<language>en-GB</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${SITE}</wp:base_site_url>
\t<wp:base_blog_url>${SITE}</wp:base_blog_url>
\t<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('editor')}</wp:author_login><wp:author_email>${cdata('editor@films.example.org')}</wp:author_email><wp:author_display_name>${cdata('Sam Critic')}</wp:author_display_name><wp:author_first_name>${cdata('Sam')}</wp:author_first_name><wp:author_last_name>${cdata('Critic')}</wp:author_last_name></wp:author>
\t<wp:author><wp:author_id>2</wp:author_id><wp:author_login>${cdata('guest')}</wp:author_login><wp:author_email>${cdata('guest@films.example.org')}</wp:author_email><wp:author_display_name>${cdata('Alex Guest')}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>
\t<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>${cdata('reviews')}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata('Reviews')}</wp:cat_name></wp:category>
\t<generator>https://wordpress.org/?v=6.6</generator>
`);

let id = 10;
const start = Date.UTC(2012, 0, 1);
let commentId = 1;
let commentsLeft = comments;
for (let p = 0; p < posts; p++) {
  const r = random(p);
  const title = `The ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}${p >= ADJECTIVES.length * NOUNS.length ? ` ${Math.floor(p / (ADJECTIVES.length * NOUNS.length)) + 1}` : ''}`;
  const slug = `review-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const published = start + p * 3 * 3600_000 + int(r, 0, 3600) * 1000;
  const postId = (id += 2), posterId = postId - 1;
  const cast = Array.from({ length: int(r, 2, 5) }, () => pick(r, people));
  const director = pick(r, people), writer = r() < 0.5 ? director : pick(r, people);
  const release = new Date(published - int(r, 0, 60) * 86400_000);
  const facts = [`Genre: ${pick(r, GENRES)}${r() < 0.4 ? `, ${pick(r, GENRES)}` : ''}`, `Certificate: ${pick(r, CERTIFICATES)}`,
    `UK Release Date: ${ordinal(release.getUTCDate())} ${MONTHS[release.getUTCMonth()]} ${release.getUTCFullYear()}`, `Runtime: ${int(r, 80, 170)} minutes`,
    `Director: ${director}`, `Writer: ${writer}`, `Starring: ${cast.join(', ')}`, `Synopsis: ${sentence(r, 20)}`];
  const body = Array.from({ length: int(r, 4, 7) }, () => paragraph(r));
  const quote = sentence(r, 14);
  const pop = r() < 0.7;
  const summary = [paragraph(r), paragraph(r)];
  const poster = `${SITE}/wp-content/uploads/${release.getUTCFullYear()}/${pad(release.getUTCMonth() + 1)}/${slug}-poster.jpg`;
  const blockEditor = p % 3 === 2;
  const content = blockEditor
    ? [`<!-- wp:paragraph -->\n<p>${facts.map((f) => `<strong>${f.replace(': ', ':</strong> ')}`).join('<br>')}</p>\n<!-- /wp:paragraph -->`,
       ...body.slice(0, 2).map((b) => `<!-- wp:paragraph -->\n<p>${b}</p>\n<!-- /wp:paragraph -->`),
       '<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->',
       `<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>${quote}</p></blockquote></figure>\n<!-- /wp:pullquote -->`,
       ...body.slice(2).map((b) => `<!-- wp:paragraph -->\n<p>${b}</p>\n<!-- /wp:paragraph -->`),
       '<!-- wp:heading -->\n<h2 class="wp-block-heading">Pop or Poop?</h2>\n<!-- /wp:heading -->',
       `<!-- wp:paragraph -->\n<p><strong>Rating: ${pop ? 'Pop!' : 'Poop!'}</strong></p>\n<!-- /wp:paragraph -->`,
       ...summary.map((s) => `<!-- wp:paragraph -->\n<p>${s}</p>\n<!-- /wp:paragraph -->`),
       '<!-- wp:paragraph -->\n<p>Do you agree with my review? Let me know in the comments section.</p>\n<!-- /wp:paragraph -->'].join('\n\n')
    : [facts.join('\n'), body[0], '<!--more-->', body[1], `<blockquote>${quote}</blockquote>`, ...body.slice(2),
       '<h3>Pop or Poop?</h3>', `<strong>Rating: ${pop ? 'Pop!' : 'Poop!'}</strong>`, ...summary,
       'Do you agree with my review? Let me know in the comments section.'].join('\n\n');

  write(`\t<item>
\t\t<title>${cdata(`Poster for ${title}`)}</title>
\t\t<link>${SITE}/${slug}/poster/</link>
\t\t<pubDate>${new Date(published).toUTCString().replace('GMT', '+0000')}</pubDate>
\t\t<dc:creator>${cdata('editor')}</dc:creator>
\t\t<guid isPermaLink="false">${poster}</guid>
\t\t<description></description>
\t\t<content:encoded>${cdata('')}</content:encoded>
\t\t<excerpt:encoded>${cdata('')}</excerpt:encoded>
\t\t<wp:post_id>${posterId}</wp:post_id>
\t\t<wp:post_date>${cdata(wpDate(published))}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(wpDate(published))}</wp:post_date_gmt>
\t\t<wp:post_name>${cdata(`${slug}-poster`)}</wp:post_name>
\t\t<wp:status>${cdata('inherit')}</wp:status>
\t\t<wp:post_parent>${postId}</wp:post_parent>
\t\t<wp:post_type>${cdata('attachment')}</wp:post_type>
\t\t<wp:attachment_url>${cdata(poster)}</wp:attachment_url>
\t\t<wp:postmeta><wp:meta_key>${cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>${cdata(`Poster for ${title}`)}</wp:meta_value></wp:postmeta>
\t\t<wp:postmeta><wp:meta_key>${cdata('_wp_attachment_metadata')}</wp:meta_key><wp:meta_value>${cdata(php({ width: 800, height: 1200, file: poster.split('/uploads/')[1], sizes: { thumbnail: { file: `${slug}-poster-150x150.jpg`, width: 150, height: 150, 'mime-type': 'image/jpeg' } }, image_meta: { caption: '', title: `Poster – ${title}` } }))}</wp:meta_value></wp:postmeta>
\t</item>
\t<item>
\t\t<title>${cdata(`Review &#8211; ${xml(title)}`)}</title>
\t\t<link>${SITE}/${new Date(published).getUTCFullYear()}/${pad(new Date(published).getUTCMonth() + 1)}/${slug}/</link>
\t\t<pubDate>${new Date(published).toUTCString().replace('GMT', '+0000')}</pubDate>
\t\t<dc:creator>${cdata(p % 10 === 9 ? 'guest' : 'editor')}</dc:creator>
\t\t<guid isPermaLink="false">${SITE}/?p=${postId}</guid>
\t\t<description></description>
\t\t<content:encoded>${cdata(content)}</content:encoded>
\t\t<excerpt:encoded>${cdata('')}</excerpt:encoded>
\t\t<wp:post_id>${postId}</wp:post_id>
\t\t<wp:post_date>${cdata(wpDate(published))}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(wpDate(published))}</wp:post_date_gmt>
\t\t<wp:comment_status>${cdata('open')}</wp:comment_status>
\t\t<wp:ping_status>${cdata('open')}</wp:ping_status>
\t\t<wp:post_name>${cdata(slug)}</wp:post_name>
\t\t<wp:status>${cdata('publish')}</wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type>${cdata('post')}</wp:post_type>
\t\t<wp:post_password>${cdata('')}</wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>
\t\t<category domain="category" nicename="reviews">${cdata('Reviews')}</category>
\t\t<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(posterId))}</wp:meta_value></wp:postmeta>
`);
  // This post's share of the comments: an even spread, the remainder on the last post.
  const count = p === posts - 1 ? commentsLeft : Math.min(commentsLeft, int(r, 0, Math.max(0, Math.round((2 * comments) / posts))));
  commentsLeft -= count;
  const first = commentId;
  for (let c = 0; c < count; c++, commentId++) {
    const cr = random(10_000_000 + commentId);
    const status = (() => { const x = cr(); return x < 0.85 ? '1' : x < 0.93 ? '0' : x < 0.98 ? 'spam' : 'trash'; })();
    const pingback = cr() < 0.01;
    const parent = !pingback && c > 0 && cr() < 0.3 ? first + Math.floor(cr() * c) : 0;
    const name = `${pick(cr, FIRST)} ${pick(cr, LAST)}`;
    const when = published + (c + 1) * int(cr, 60, 7200) * 1000;
    write(`\t\t<wp:comment>
\t\t\t<wp:comment_id>${commentId}</wp:comment_id>
\t\t\t<wp:comment_author>${cdata(pingback ? 'Another film blog' : name)}</wp:comment_author>
\t\t\t<wp:comment_author_email>${cdata(pingback ? '' : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.net`)}</wp:comment_author_email>
\t\t\t<wp:comment_author_url>${pingback ? 'https://blog.example.com/a-post/' : cr() < 0.2 ? 'https://example.net/' : ''}</wp:comment_author_url>
\t\t\t<wp:comment_author_IP>${cdata(`192.0.2.${int(cr, 1, 254)}`)}</wp:comment_author_IP>
\t\t\t<wp:comment_date>${cdata(wpDate(when))}</wp:comment_date>
\t\t\t<wp:comment_date_gmt>${cdata(wpDate(when))}</wp:comment_date_gmt>
\t\t\t<wp:comment_content>${cdata(pingback ? `[&#8230;] ${sentence(cr, 8)} [&#8230;]` : Array.from({ length: int(cr, 1, 3) }, () => sentence(cr, int(cr, 6, 14))).join(' '))}</wp:comment_content>
\t\t\t<wp:comment_approved>${cdata(status)}</wp:comment_approved>
\t\t\t<wp:comment_type>${cdata(pingback ? 'pingback' : 'comment')}</wp:comment_type>
\t\t\t<wp:comment_parent>${parent}</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
${status === 'spam' ? `\t\t\t<wp:commentmeta><wp:meta_key>${cdata('akismet_result')}</wp:meta_key><wp:meta_value>${cdata('true')}</wp:meta_value></wp:commentmeta>\n` : ''}\t\t</wp:comment>
`);
  }
  write('\t</item>\n');
}

// What the import leaves behind, each with its reason.
const skipped = [
  ['About', 'page', 'about', 'publish', '<p>Who writes here, and why.</p>'],
  ['Reviews', 'nav_menu_item', '12345', 'publish', ''],
  ['Newsletter sign-up', 'wp_block', 'newsletter-sign-up', 'publish', '<!-- wp:paragraph --><p>Sign up.</p><!-- /wp:paragraph -->'],
  ['Oscars night: my predictions', 'post', 'oscars-night-predictions', 'publish', 'Not a review, just a list.'],
];
for (const [title, type, name, status, content] of skipped) {
  write(`\t<item><title>${cdata(title)}</title><link>${SITE}/${name}/</link><dc:creator>${cdata('editor')}</dc:creator><guid isPermaLink="false">${SITE}/?p=${++id}</guid>` +
    `<content:encoded>${cdata(content)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded><wp:post_id>${id}</wp:post_id>` +
    `<wp:post_date>${cdata('2020-01-01 10:00:00')}</wp:post_date><wp:post_date_gmt>${cdata('2020-01-01 10:00:00')}</wp:post_date_gmt><wp:post_name>${cdata(name)}</wp:post_name>` +
    `<wp:status>${cdata(status)}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>${cdata(type)}</wp:post_type></item>\n`);
}
write('</channel>\n</rss>\n');
flush();
closeSync(out);
console.error(`wrote ${args.out}: ${posts} review posts with ${comments} comments, ${posts} attachments, ${skipped.length} other items`);
