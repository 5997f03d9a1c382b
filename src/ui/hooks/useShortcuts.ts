// Global keyboard shortcuts (listed in the help dialog). They are ignored while typing in
// a form field or in the editor, and on buttons (where Space already means "press").

import { useEffect } from 'react';
import { useAppStore } from './store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'SUMMARY'].includes(target.tagName) || target.isContentEditable;
}

export function useShortcuts(openHelp: () => void): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || isTyping(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      let handled = true;
      if (mod && e.key.toLowerCase() === 'z') void (e.shiftKey ? s.redo() : s.undo());
      else if (mod && e.key.toLowerCase() === 'y') void s.redo();
      else if (mod) handled = false;
      else if (e.key === ' ') s.togglePlay();
      else if (e.key === 'ArrowRight' && e.shiftKey) s.jumpBy(10_000);
      else if (e.key === 'ArrowRight') s.stepForward();
      else if (e.key === 'ArrowLeft') s.stepBack();
      else if (e.key === 'End') s.jumpToEnd();
      else if (e.key === 'Home') s.setCursor(0);
      else if (e.key === '?') openHelp();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, openHelp]);
}
