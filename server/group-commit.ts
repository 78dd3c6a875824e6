import "server-only";

/**
 * Group commit: calls that arrive while the event loop is busy are run together by `run` (one
 * transaction, one fsync), and each caller is answered only once its batch has committed. One
 * batch at a time; the next starts with whatever queued meanwhile. If a batch fails as a whole,
 * its items are retried one by one, so one bad item cannot fail the others.
 */
export function groupCommit<T, R>(
  run: (items: T[]) => Promise<R[]>,
  maxBatch = 256,
): (item: T) => Promise<R> {
  type Waiting = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  const queue: Waiting[] = [];
  let running = false;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(flush);
  };

  async function flush() {
    scheduled = false;
    if (running || !queue.length) return;
    running = true;
    const batch = queue.splice(0, maxBatch);
    try {
      const out = await run(batch.map((b) => b.item));
      for (const [i, b] of batch.entries()) b.resolve(out[i] as R);
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else
        for (const b of batch) {
          try {
            const [r] = await run([b.item]);
            b.resolve(r as R);
          } catch (e) {
            b.reject(e);
          }
        }
    } finally {
      running = false;
      if (queue.length) schedule();
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/**
 * Batched lookups: keys asked for in the same turn of the event loop are loaded with one query.
 * `load` answers a map; a key it leaves out resolves to undefined.
 */
export function batchedLoader<K, V>(
  load: (keys: K[]) => Promise<Map<K, V>>,
): (key: K) => Promise<V | undefined> {
  let pending: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const found = await load([...new Set(batch.map((b) => b.key))]);
      for (const b of batch) b.resolve(found.get(b.key));
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  };
  return (key) =>
    new Promise((resolve, reject) => {
      if (!pending.length) setImmediate(flush);
      pending.push({ key, resolve, reject });
    });
}
