// "Share": a link to this page carrying the scenario, the cursor and the view in its
// fragment (scenario/share.ts), copied to the clipboard on open. Links longer than
// LONG_LINK characters get a warning: chat apps and some browsers cut them.

import { useEffect, useMemo, useState } from 'react';
import { encodeShare } from '../../scenario/share';
import { useApp, useT } from '../hooks/store';
import { copyText } from './clipboard';
import { Modal } from './Modal';

export const LONG_LINK = 2000;

export function pageBase(): string {
  return `${location.origin}${location.pathname}`;
}

export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const text = useApp((s) => s.text);
  const cursorMs = useApp((s) => s.cursorMs);
  const speed = useApp((s) => s.speed);
  const [keepText, setKeepText] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  // The link is taken when the dialog opens (the cursor may keep moving while playing).
  const [snapshot, setSnapshot] = useState({ text, cursorMs, speed });
  useEffect(() => {
    if (open) setSnapshot({ text, cursorMs, speed });
    // Only on open: later cursor moves do not rewrite the link being copied.
  }, [open]);
  // Encoded only while open (deflating the text costs tens of ms on a slow phone's startup).
  const link = useMemo(
    () => (open ? pageBase() + encodeShare({ scenarioText: snapshot.text, keepText, cursorMs: snapshot.cursorMs, view: { sp: snapshot.speed } }) : ''),
    [open, snapshot, keepText],
  );
  useEffect(() => {
    if (!open) return;
    let live = true;
    setCopied(null);
    void copyText(link).then((ok) => live && setCopied(ok));
    return () => {
      live = false;
    };
  }, [open, link]);
  return (
    <Modal open={open} onClose={onClose} title={t('share.title')} testId="share.dialog">
      <label className="jp-field">
        <span>{t('share.link')}</span>
        <input type="text" readOnly value={link} data-testid="share.link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p data-testid="share.status" role="status">
        {copied === null ? '' : copied ? t('share.copied') : t('share.copyFailed')} {t('share.length', { n: link.length })}
      </p>
      {link.length > LONG_LINK && (
        <p className="problem-block warning" data-testid="share.long">
          {t('share.tooLong', { n: link.length, limit: LONG_LINK })}
        </p>
      )}
      <label className="jp-check">
        <input type="checkbox" checked={keepText} onChange={(e) => setKeepText(e.target.checked)} />
        {t('share.keepText')}
      </label>
      <div className="jp-actions">
        <button type="button" onClick={() => void copyText(link).then(setCopied)}>
          {t('share.copy')}
        </button>
      </div>
    </Modal>
  );
}
