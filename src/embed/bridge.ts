// The embed's end of the postMessage API: only the host page (window.parent) may talk to
// it, only from an allowed origin; anything else is dropped without a word. Malformed
// messages from an allowed host get an `error` reply. Events go to the host's origin:
// the allowed ancestor origin when the browser tells it (location.ancestorOrigins),
// otherwise the origin of the last valid command.

import { envelope, parseEmbedMessage, type EmbedCommand, type EmbedEvent } from './messages';

export type CommandHandler = (command: EmbedCommand) => Promise<EmbedEvent>;

export interface Bridge {
  emit(event: EmbedEvent): void;
  dispose(): void;
}

function ancestorOrigin(allowed: readonly string[]): string | null {
  try {
    const first = window.location.ancestorOrigins?.[0];
    return first !== undefined && allowed.includes(first) ? first : null;
  } catch {
    return null;
  }
}

export function createBridge(allowed: readonly string[], handle: CommandHandler): Bridge {
  const host = window.parent;
  const framed = host !== window;
  let target: string | null = framed ? ancestorOrigin(allowed) : null;
  const post = (msg: Record<string, unknown>, origin: string | null) => {
    if (!framed || origin === null) return;
    try {
      host.postMessage(msg, origin);
    } catch {
      // The host navigated away or the message cannot be cloned: nothing to do.
    }
  };
  const onMessage = (e: MessageEvent<unknown>) => {
    if (!framed || e.source !== host || !allowed.includes(e.origin)) return;
    const parsed = parseEmbedMessage(e.data);
    if (parsed === null) return;
    target = e.origin;
    if (!parsed.ok) {
      post(envelope({ type: 'error', message: parsed.error }, parsed.id), e.origin);
      return;
    }
    handle(parsed.command).then(
      (reply) => post(envelope(reply, parsed.id), e.origin),
      (err: unknown) => post(envelope({ type: 'error', message: err instanceof Error ? err.message : String(err) }, parsed.id), e.origin),
    );
  };
  window.addEventListener('message', onMessage);
  return {
    emit: (event) => post(envelope(event), target),
    dispose: () => window.removeEventListener('message', onMessage),
  };
}
