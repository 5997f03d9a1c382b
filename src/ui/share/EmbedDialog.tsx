// "Embed": builds the <iframe> snippet for embed.html with its options (read-only, theme,
// autoplay, speed, panels, language, compact, click-to-load, allowed origins) and the
// scenario: the current one as a #s= link, or a gallery example by id.

import { useMemo, useState } from 'react';
import { EMBED_DEFAULTS, EMBED_PANELS, embedQuery, normalizeOrigin, type EmbedOptions, type EmbedTheme } from '../../embed/params';
import { EXAMPLES } from '../../scenario/examples';
import { encodeShare } from '../../scenario/share';
import { exampleTexts } from '../gallery/expectBlock';
import { useApp, useT } from '../hooks/store';
import { copyText } from './clipboard';
import { Modal } from './Modal';

const THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];

export function embedSnippet(src: string, title: string, height: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(src)}" title="${esc(title)}" width="100%" height="${height}" loading="lazy"></iframe>`;
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="jp-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function EmbedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const text = useApp((s) => s.text);
  const [o, setO] = useState<EmbedOptions>({ ...EMBED_DEFAULTS, panels: [...EMBED_DEFAULTS.panels], lang, origins: [] });
  const [originsText, setOriginsText] = useState('');
  const [height, setHeight] = useState(520);
  const [copied, setCopied] = useState<boolean | null>(null);
  const set = (patch: Partial<EmbedOptions>) => {
    setCopied(null);
    setO((prev) => ({ ...prev, ...patch }));
  };
  const origins = originsText.split(/[\s,]+/).filter((x) => x !== '');
  const badOrigins = origins.filter((x) => normalizeOrigin(x) === null);
  const originsKey = origins.join(',');
  const snippet = useMemo(() => {
    if (!open) return '';
    const opts = { ...o, origins: originsKey.split(',').map(normalizeOrigin).filter((x): x is string => x !== null) };
    const self = location.origin;
    const hash = o.example === null ? encodeShare({ scenarioText: text }) : '';
    const src = `${new URL('embed.html', location.href).href.replace(/[?#].*$/, '')}${embedQuery(opts.origins.length > 0 ? opts : { ...opts, origins: [self] }, self)}${hash}`;
    return embedSnippet(src, t('embed.iframeTitle'), height);
  }, [open, o, originsKey, text, height, t]);
  const togglePanel = (p: (typeof EMBED_PANELS)[number], on: boolean) => set({ panels: on ? EMBED_PANELS.filter((x) => x === p || o.panels.includes(x)) : o.panels.filter((x) => x !== p) });
  return (
    <Modal open={open} onClose={onClose} title={t('embed.title')} testId="embed.dialog">
      <label className="jp-field">
        <span>{t('embed.scenario')}</span>
        <select value={o.example ?? ''} onChange={(e) => set({ example: e.target.value === '' ? null : e.target.value })} data-testid="embed.example">
          <option value="">{t('embed.current')}</option>
          {/* Only while open: reading the titles parses the example files. */}
          {open &&
            EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {exampleTexts(e, lang).title}
              </option>
            ))}
        </select>
      </label>
      <div>
        <Check label={t('embed.readonly')} checked={o.readonly} onChange={(v) => set({ readonly: v })} />
        <Check label={t('embed.autoplay')} checked={o.autoplay} onChange={(v) => set({ autoplay: v })} />
        <Check label={t('embed.compact')} checked={o.compact} onChange={(v) => set({ compact: v })} />
        <Check label={t('embed.clickToLoadOption')} checked={o.clickToLoad} onChange={(v) => set({ clickToLoad: v })} />
      </div>
      <fieldset>
        <legend>{t('embed.panels')}</legend>
        {EMBED_PANELS.map((p) => (
          <Check key={p} label={t(`embed.panel.${p}`)} checked={o.panels.includes(p)} onChange={(v) => togglePanel(p, v)} />
        ))}
      </fieldset>
      <div className="jp-actions">
        <label className="jp-check">
          {t('embed.theme')}
          <select value={o.theme} onChange={(e) => set({ theme: e.target.value as EmbedTheme })}>
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`embed.theme.${th}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="jp-check">
          {t('toolbar.language')}
          <select value={o.lang} onChange={(e) => set({ lang: e.target.value === 'zh-CN' ? 'zh-CN' : 'en' })}>
            <option value="en">{t('lang.en')}</option>
            <option value="zh-CN">{t('lang.zh-CN')}</option>
          </select>
        </label>
        <label className="jp-check">
          {t('time.speed')}
          <input type="number" min={1} max={1000} value={o.speed} onChange={(e) => set({ speed: Math.max(1, Math.min(1000, Number(e.target.value) || 1)) })} />
        </label>
        <label className="jp-check">
          {t('embed.height')}
          <input type="number" min={200} max={2000} value={height} onChange={(e) => setHeight(Math.max(200, Math.min(2000, Number(e.target.value) || 520)))} />
        </label>
      </div>
      <label className="jp-field">
        <span>{t('embed.origins')}</span>
        <input type="text" value={originsText} placeholder="https://docs.example.com" onChange={(e) => setOriginsText(e.target.value)} />
      </label>
      {badOrigins.length > 0 && <p className="problem-block warning">{t('embed.badOrigins', { list: badOrigins.join(', ') })}</p>}
      <label className="jp-field">
        <span>{t('embed.snippet')}</span>
        <textarea readOnly rows={4} value={snippet} data-testid="embed.snippet" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="jp-actions">
        <button type="button" onClick={() => void copyText(snippet).then(setCopied)}>
          {t('share.copy')}
        </button>
        <span role="status">{copied === null ? '' : copied ? t('share.copied') : t('share.copyFailed')}</span>
      </div>
    </Modal>
  );
}
