/**
 * Runs a function in a later task, as a postMessage reply from a Wix host would arrive: never in
 * the calling task, not even in one of its microtasks (SPEC §2.1; decision 0012).
 * Node: `setImmediate` (keeps no process alive once it has run). Browsers: one MessageChannel per
 * realm, created on first use, so a module that is only imported opens nothing.
 */
let post: ((fn: () => void) => void) | undefined;

function pick(): (fn: () => void) => void {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') return (fn) => { g.setImmediate!(fn); };
  if (typeof g.MessageChannel === 'function') {
    const queue: Array<() => void> = [];
    const channel = new g.MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
    return (fn) => {
      queue.push(fn);
      channel.port2.postMessage(0);
    };
  }
  return (fn) => { setTimeout(fn, 0); };
}

/** Calls `fn` in a later task. */
export function later(fn: () => void): void {
  (post ??= pick())(fn);
}

// Task marks: `epoch` changes only in a task of its own, posted by the first mark taken since the
// last change. So a mark that differs from `epoch` was taken in a task that has ended, and a
// result that arrives in another task (an IndexedDB answer) can be handed over at once, without a
// second hop. A mark that still equals `epoch` may be stale; that costs a hop, never a breach.
let epoch = 0;
let bumping = false;

/** A mark of the calling task, for {@link taskEnded}. */
export function taskMark(): number {
  if (!bumping) {
    bumping = true;
    later(() => { epoch++; bumping = false; });
  }
  return epoch;
}

/** Whether the task that took `mark` has surely ended. */
export function taskEnded(mark: number): boolean {
  return epoch !== mark;
}
