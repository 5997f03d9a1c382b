/// <reference types="vite/client" />
interface Window {
  /** Test hook: the bundled Monaco namespace (set once the lazy editor chunk loads). */
  __monaco?: typeof import('monaco-editor');
}
