// Runs one conformance scenario against this frame's `Wix` (the shim's or the real Wix.js) and
// returns what a caller could observe: what each call threw or returned, which callbacks ran, how
// often, with what, and whether they ran inside the calling task.
'use strict';

(function () {
  /** A value as plain data: cursors by what their methods report, functions and undefined named. */
  function snapshot(value, depth) {
    if (depth > 8) return '[deep]';
    if (value === undefined) return { $: 'undefined' };
    if (typeof value === 'function') return { $: 'function' };
    if (typeof value === 'number' && !Number.isFinite(value)) return { $: String(value) };
    if (value === null || typeof value !== 'object') return value;
    if (typeof value.getData === 'function' && typeof value.hasNext === 'function') {
      return {
        $cursor: {
          data: snapshot(value.getData(), depth + 1),
          total: snapshot(value.getTotal(), depth + 1),
          pageSize: snapshot(value.getPageSize(), depth + 1),
          hasNext: value.hasNext(),
          hasPrevious: value.hasPrevious(),
        },
      };
    }
    if (Array.isArray(value)) return value.map((v) => snapshot(v, depth + 1));
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = snapshot(value[key], depth + 1);
    return out;
  }

  /** A thrown value without the V8 stack tail (its frames name different files in each frame). */
  function thrown(error) {
    if (typeof error === 'string') return { string: error.split('\n')[0] };
    return { error: String(error && error.name), message: String(error && error.message) };
  }

  window.runScenario = function (source, options) {
    const expect = options.expect || 0;
    const trace = [];
    const saved = {};
    let inCallingTask = false;
    let callbacks = 0;
    let finish;
    const finished = new Promise((resolve) => { finish = resolve; });

    /** Ends the calling task's microtasks: a callback that runs after this ran in a later task. */
    const endOfTask = () => new Promise((resolve) => {
      let n = 0;
      const spin = () => { if (++n < 1000) queueMicrotask(spin); else { inCallingTask = false; resolve(); } };
      queueMicrotask(spin);
    });

    const ctx = {
      /** A callback that records its calls under `name` (and then runs `then`, if given). */
      cb(name, then) {
        return function () {
          const args = Array.prototype.slice.call(arguments);
          trace.push({ callback: name, sameTask: inCallingTask, args: snapshot(args, 0) });
          callbacks++;
          if (then) {
            try { then.apply(null, args); } catch (error) { trace.push({ thenThrew: thrown(error) }); }
          }
          if (callbacks >= expect) finish();
        };
      },
      /** Runs one call as its own calling task: records what it threw or returned. */
      step(label, call) {
        inCallingTask = true;
        try {
          const value = call();
          trace.push({ step: label, returned: snapshot(value, 0) });
        } catch (error) {
          trace.push({ step: label, threw: thrown(error) });
        }
        return endOfTask();
      },
      save(key, value) { saved[key] = value; },
      get(key) { return saved[key]; },
      /** Records a value read synchronously (a getter, a constant). */
      note(label, value) { trace.push({ note: label, value: snapshot(value, 0) }); },
      /** Fires an event at this frame: the shim's own control, or the host of the real SDK. */
      fire(eventType, params) {
        if (window.WixShim && typeof window.WixShim.fireEvent === 'function') window.WixShim.fireEvent(eventType, params);
        // The compId from the URL, not Wix.Utils.getCompId(): that call is itself a message and uses an id.
        else if (!window.WixShim) parent.conformance.host.fireEvent(eventType, params, new URLSearchParams(location.search).get('compId'));
        else trace.push({ fire: 'no fireEvent control on WixShim' });
      },
    };

    const run = new Function('Wix', 'ctx', `return (async () => { ${source}\n })();`);
    return Promise.resolve()
      .then(() => run(window.Wix, ctx))
      .catch((error) => trace.push({ scenarioThrew: thrown(error) }))
      .then(() => {
        if (callbacks >= expect) finish();
        const timeout = new Promise((resolve) => setTimeout(() => { trace.push({ timedOut: `${callbacks} of ${expect} callbacks` }); resolve(); }, options.timeout || 5000));
        return Promise.race([finished, timeout]);
      })
      // A grace period catches a second call of the same callback or a surplus callback.
      .then(() => new Promise((resolve) => setTimeout(resolve, options.grace || 60)))
      .then(() => trace);
  };
})();
