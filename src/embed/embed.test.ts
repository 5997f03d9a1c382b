import { describe, expect, it } from 'vitest';
import { createDraftGuard } from '../state/draftGuard';
import { SCENARIO_KEY, memoryStorage } from '../state/persistence';
import { EMBED_PROTOCOL, parseEmbedMessage } from './messages';
import { EMBED_DEFAULTS, embedQuery, parseEmbedParams } from './params';

const SELF = 'https://play.example';
const m = (x: Record<string, unknown>) => ({ protocol: EMBED_PROTOCOL, ...x });

describe('parseEmbedMessage', () => {
  it.each([
    ['not ours', { type: 'play' }, null],
    ['play', m({ type: 'play', id: 3 }), { ok: true, id: 3, command: { type: 'play' } }],
    ['seek', m({ type: 'seek', ms: 5000 }), { ok: true, command: { type: 'seek', ms: 5000 } }],
    ['step default', m({ type: 'step' }), { ok: true, command: { type: 'step', direction: 'forward' } }],
    ['load example', m({ type: 'load', example: 'work-queue' }), { ok: true, command: { type: 'load', example: 'work-queue' } }],
  ])('%s', (_name, input, want) => {
    expect(parseEmbedMessage(input)).toEqual(want);
  });
  it.each([
    ['unknown type', m({ type: 'eval' })],
    ['extra field', m({ type: 'play', x: 1 })],
    ['negative seek', m({ type: 'seek', ms: -1 })],
    ['NaN seek', m({ type: 'seek', ms: Number.NaN })],
    ['two load sources', m({ type: 'load', text: 'a', example: 'b' })],
    ['bad id', m({ type: 'play', id: 'x' })],
    ['prototype key', m({ type: '__proto__' })],
    ['bad direction', m({ type: 'step', direction: 'up' })],
  ])('rejects %s', (_name, input) => {
    expect(parseEmbedMessage(input)).toMatchObject({ ok: false });
  });
});

describe('embed params', () => {
  it('defaults and same-origin only', () => {
    expect(parseEmbedParams('', SELF)).toEqual({ options: { ...EMBED_DEFAULTS, origins: [SELF] }, warnings: [] });
  });
  it('reads every option and reports bad ones', () => {
    const { options, warnings } = parseEmbedParams('?readonly=0&theme=dark&autoplay=1&speed=100&panels=events,Pods,nope&lang=zh-CN&compact=1&click-to-load=1&example=work-queue&origins=https://a.example,javascript:x', SELF);
    expect(options).toEqual({ readonly: false, theme: 'dark', autoplay: true, speed: 100, panels: ['Events', 'Pods'], lang: 'zh-CN', compact: true, clickToLoad: true, example: 'work-queue', origins: ['https://a.example'] });
    expect(warnings).toHaveLength(2);
  });
  it('round-trips through embedQuery', () => {
    const { options } = parseEmbedParams('?theme=light&panels=Indexes&click-to-load=1&origins=https://a.example', SELF);
    expect(parseEmbedParams(embedQuery(options, SELF), SELF).options).toEqual(options);
  });
});

describe('draft guard', () => {
  it('keeps the draft while a session is open', () => {
    const base = memoryStorage({ [SCENARIO_KEY]: 'draft' });
    const g = createDraftGuard(base);
    g.enterSession('shared');
    g.storage.setItem(SCENARIO_KEY, 'edited shared');
    expect(g.storage.getItem(SCENARIO_KEY)).toBe('edited shared');
    expect(base.getItem(SCENARIO_KEY)).toBe('draft');
    expect(g.leaveSession()).toBe('draft');
    g.enterSession('kept');
    g.keepSession();
    expect(base.getItem(SCENARIO_KEY)).toBe('kept');
  });
});
