// The keyboard shortcuts dialog (a native <dialog>: focus trapping and Escape for free),
// with a note on the editor's Tab trap (Monaco's Ctrl+M toggles Tab-moves-focus).

import { useNativeDialog } from '../hooks/useNativeDialog';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks/store';

const SHORTCUTS: Array<[string, MessageKey]> = [
  ['Space', 'help.space'],
  ['→', 'help.right'],
  ['←', 'help.left'],
  ['Shift + →', 'help.shiftRight'],
  ['End', 'help.end'],
  ['Home', 'help.home'],
  ['Ctrl/Cmd + Enter', 'help.apply'],
  ['Ctrl/Cmd + Z, Ctrl/Cmd + Shift + Z', 'help.undo'],
  ['Ctrl + M', 'help.tabFocus'],
  ['↑ / ↓', 'help.history'],
  ['?', 'help.help'],
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const ref = useNativeDialog(open);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="help-title" className="help-dialog">
      <h2 id="help-title">{t('help.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, label]) => (
            <tr key={label}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small" data-testid="help.tabTrap">
        {t('help.tabTrap')}
      </p>
      <form method="dialog">
        <button type="submit">{t('help.close')}</button>
      </form>
    </dialog>
  );
}
