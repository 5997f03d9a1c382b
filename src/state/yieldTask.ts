// Ends the current main-thread task: the work after `await yieldTask()` runs in a new
// task, so two halves of a long piece of work (building a big run's views, then rendering
// them) are two tasks under 50 ms instead of one long one. A MessageChannel round trip
// avoids setTimeout's 4 ms clamp and its 1 s throttling in background tabs.

export function yieldTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}
