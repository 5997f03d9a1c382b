import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples/index';
import { parseScenario } from './parse';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, migratePayload, shareUrl } from './share';
import type { ShareDecoded } from './share';
import { base64urlDecode, base64urlEncode, bothCodecs, compressText } from './shareCodec';

const deflated = (text: string | Uint8Array): string =>
  `#s=1.d${base64urlEncode(deflateSync(typeof text === 'string' ? strToU8(text) : text))}`;

function decoded(r: ShareDecoded): Extract<ShareDecoded, { ok: true }> {
  if (!r.ok) throw new Error(r.message);
  return r;
}

const DEMO = `# a comment
metadata: {name: demo, title: "A demo"}
spec:
  job: {apiVersion: batch/v1, kind: Job, metadata: {name: demo}, spec: {template: {spec: {restartPolicy: Never, containers: [{name: main, image: busybox}]}}}}
  actions: [{at: 5, suspend: true}]
expect: {finished: true}
`;

describe('share links', () => {
  it.each(EXAMPLES.map((e) => [e.id, e.text] as const))('example %s round-trips in at most 1,000 characters', (_id, text) => {
    const fragment = encodeShare({ scenarioText: text, cursorMs: 12_000, view: { panel: 'pods' } });
    expect(fragment.length).toBeLessThanOrEqual(1000);
    expect(fragment).toMatch(/^#s=1\.[dz][A-Za-z0-9_\-+$]+$/);
    const link = decoded(decodeShare(`http://127.0.0.1:5173/?lang=zh#${fragment.slice(1)}`));
    expect(link).toMatchObject({ version: 1, mode: 'document', cursorMs: 12_000, view: { panel: 'pods' } });
    const before = parseScenario(text);
    const after = parseScenario(link.scenarioText);
    expect(after.ok && before.ok && after.scenario).toEqual(before.ok && before.scenario);
  });

  it('accepts a full URL, the fragment, the s= value, extra fragment parameters and %-escapes', () => {
    const fragment = encodeShare({ scenarioText: DEMO });
    const value = fragment.slice(3);
    for (const form of [fragment, `https://x.test/app/${fragment}`, `s=${value}`, value, `#tab=pods&s=${value}`, ` ${fragment}\n`, fragment.replace('.', '%2E')]) {
      expect(decodeShare(form)).toMatchObject({ ok: true, mode: 'document' });
    }
  });

  it('carries the title but not comments, description or expect in the compact form', () => {
    const text = decoded(decodeShare(encodeShare({ scenarioText: DEMO }))).scenarioText;
    expect(text).toContain('title: A demo');
    expect(text).not.toContain('comment');
    expect(text).not.toContain('expect');
  });

  it('keeps the text verbatim when asked, and when it is not a valid scenario', () => {
    expect(decoded(decodeShare(encodeShare({ scenarioText: DEMO, keepText: true })))).toMatchObject({ mode: 'text', scenarioText: DEMO });
    const broken = 'spec:\n  job: {}\n  seed: x   # half-edited\n';
    expect(decoded(decodeShare(encodeShare({ scenarioText: broken })))).toMatchObject({ mode: 'text', scenarioText: broken });
  });

  it('encodes a parsed scenario, with an optional title', () => {
    const p = parseScenario(DEMO);
    if (!p.ok) throw new Error('demo must parse');
    const link = decoded(decodeShare(encodeShare({ scenario: p.scenario, title: 'T' })));
    const back = parseScenario(link.scenarioText);
    expect(back.ok && back.scenario).toEqual(p.scenario);
    expect(link.scenarioText).toContain('title: T');
  });

  it('shareUrl replaces an existing fragment', () => {
    expect(shareUrl('http://h/p?q=1#old', { scenarioText: DEMO })).toMatch(/^http:\/\/h\/p\?q=1#s=1\.d/);
  });

  it('uses lz-string when it is shorter, and decodes both codecs', () => {
    const text = JSON.stringify({ x: 'ab' });
    const both = bothCodecs(text);
    expect(compressText(text)).toEqual(both.z.length < both.d.length ? { codec: 'z', data: both.z } : { codec: 'd', data: both.d });
    expect(decodeShare(`#s=1.z${both.z}`)).toMatchObject({ ok: true, scenarioText: 'ab' });
    expect(decodeShare(`#s=1.d${both.d}`)).toMatchObject({ ok: true, scenarioText: 'ab' });
  });

  it('base64url round-trips every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(base64urlDecode(base64urlEncode(bytes))).toEqual(bytes);
    }
  });

  it('migrates older payloads step by step, and refuses versions without a path', () => {
    const table = { 0: (p: Record<string, unknown>) => ({ x: String(p.text) }) };
    expect(migratePayload({ text: 'old' }, 0, table)).toEqual({ x: 'old' });
    expect(migratePayload({ x: 'same' }, 1, table)).toEqual({ x: 'same' });
    expect(migratePayload({}, 0)).toBe('share format v0 is no longer supported (this version reads v1 to v1)');
  });
});

const valid = encodeShare({ scenarioText: DEMO });
const bomb = deflated(`{"x":"${' '.repeat(3 * 1024 * 1024)}"}`);
const deep = deflated(`{"d":${'['.repeat(300)}${']'.repeat(300)}}`);

describe('decodeShare never throws on hostile input', () => {
  it.each<[string, unknown, string]>([
    ['an empty string', '', 'no scenario in it'],
    ['a page address without fragment', 'https://example.com/app', 'no scenario in it'],
    ['another fragment parameter only', '#tab=pods', 'no scenario in it'],
    ['no version', '#s=dAAAA', 'must start with a version number'],
    ['a newer version', '#s=2.dAAAA', 'made by a newer Job Playground (share format v2)'],
    ['version 0', '#s=0.dAAAA', 'unknown share format version 0'],
    ['no data', '#s=1.', 'carries no data'],
    ['only the codec', '#s=1.d', 'carries no data'],
    ['an unknown codec', '#s=1.qAAAA', 'unknown compression "q"'],
    ['a character outside base64url', '#s=1.dAB*D', 'not base64url: "*" at position 3'],
    ['an impossible base64 length', '#s=1.dABCDE', 'cut off'],
    ['a truncated link', valid.slice(0, valid.length - 12), 'cut off'],
    ['random bytes', '#s=1.dv7-v7-v7-v7', 'damaged'],
    ['a payload that is not JSON', deflated('not json'), 'not JSON'],
    ['a payload that is a list', deflated('[1,2]'), 'not a map'],
    ['no scenario in the payload', deflated('{}'), 'exactly one scenario'],
    ['both scenario forms', deflated('{"d":{},"x":""}'), 'exactly one scenario'],
    ['a document that is not a map', deflated('{"d":1}'), 'must be a map'],
    ['a text that is not a string', deflated('{"x":5}'), 'must be a string'],
    ['a negative cursor', deflated('{"x":"a","t":-1}'), 'cursor (t)'],
    ['a cursor past 24 h', deflated('{"x":"a","t":86400001}'), 'cursor (t)'],
    ['a nested view', deflated('{"x":"a","w":{"k":{}}}'), 'view entry "k"'],
    ['a view that is a list', deflated('{"x":"a","w":[]}'), 'view (w) must be a map'],
    ['invalid UTF-8', deflated(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d)), 'UTF-8'],
    ['a deflate bomb', bomb, 'too large: more than 2 MB'],
    ['deep nesting', deep, 'nested more than 200 levels'],
    ['an overlong link', `#s=1.d${'A'.repeat(MAX_SHARE_CHARS + 10)}`, 'too long'],
    ['overlong lz-string data', `#s=1.z${'A'.repeat(5000)}`, 'lz-string data is limited to 4096'],
    ['lz-string garbage', '#s=1.z!!!!', 'characters lz-string does not use'],
    ['lz-string data that decodes to nothing', '#s=1.zAAAA', 'lz-string could not decompress'],
    ['a broken %-escape', '#s=1.d%E0%A4%A', 'broken %-escape'],
    ['not a string', 42, 'expected text'],
  ])('%s', (_n, input, message) => {
    const r = decodeShare(input as string);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.message.startsWith('invalid share link: ')).toBe(true);
    }
  });

  it('a decoded document that is not a valid scenario is reported by the parser, with lines', () => {
    const link = decoded(decodeShare(deflated('{"d":{"spec":{"seed":"x"}}}')));
    const p = parseScenario(link.scenarioText);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.map((e) => e.path)).toContain('spec.seed');
  });
});
