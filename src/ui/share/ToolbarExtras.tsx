// The toolbar's Share, Examples, Embed, Export and Import buttons and their dialogs.
// Rendered only when the share store is provided (the main app; not the embed).

import { useEffect, useState } from 'react';
import type { ShareStore } from '../../state/shareSlice';
import { ExportDialog } from '../exportimport/ExportDialog';
import { ImportDialog } from '../exportimport/ImportDialog';
import { GalleryDialog } from '../gallery/GalleryDialog';
import { useT } from '../hooks/store';
import { useShareStore } from './context';
import { EmbedDialog } from './EmbedDialog';
import { ShareDialog } from './ShareDialog';

type Open = 'share' | 'gallery' | 'embed' | 'export' | 'import' | null;

/** The buttons in toolbar order: the dialog each opens and its test id. */
const BUTTONS = [
  ['gallery', 'toolbar.examples'],
  ['share', 'toolbar.share'],
  ['embed', 'toolbar.embed'],
  ['export', 'toolbar.export'],
  ['import', 'toolbar.import'],
] as const satisfies readonly (readonly [Exclude<Open, null>, string])[];

export function ToolbarExtras() {
  const store = useShareStore();
  return store ? <Extras store={store} /> : null;
}

function Extras({ store }: { store: ShareStore }) {
  const t = useT();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  // A share link pasted into the address bar of an open page only changes the fragment.
  useEffect(() => {
    const onHash = () => {
      if (location.hash.startsWith('#s=')) void store.getState().openLink(location.hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);
  return (
    <>
      {BUTTONS.map(([kind, testId]) => (
        <button key={kind} type="button" onClick={() => setOpen(kind)} data-testid={testId}>
          {t(`${kind}.button`)}
        </button>
      ))}
      <ShareDialog open={open === 'share'} onClose={close} />
      <GalleryDialog open={open === 'gallery'} onClose={close} store={store} />
      <EmbedDialog open={open === 'embed'} onClose={close} />
      <ExportDialog open={open === 'export'} onClose={close} />
      <ImportDialog open={open === 'import'} onClose={close} store={store} />
    </>
  );
}
