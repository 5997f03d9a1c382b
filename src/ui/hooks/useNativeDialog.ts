// Opens and closes a native <dialog> as a modal when `open` changes (focus trapping and
// Escape come with it). Shared by the help dialog and every Modal.

import { useEffect, useRef } from 'react';

export function useNativeDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}
