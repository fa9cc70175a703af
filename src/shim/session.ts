/**
 * The visitor session: one per page session, like the browser-session cookie the real backend
 * used (facts §1.3). Kept in sessionStorage, so a reload stays in the same session and a new tab
 * starts another; where sessionStorage is unavailable, one per instance.
 */
export function visitorSession(dbName: string, newId: () => string): string {
  const key = `wix-hive-shim:session:${dbName}`;
  try {
    const storage = (globalThis as { sessionStorage?: Storage }).sessionStorage;
    if (storage) {
      const existing = storage.getItem(key);
      if (existing) return existing;
      const id = newId();
      storage.setItem(key, id);
      return id;
    }
  } catch {
    // Sandboxed frames throw on sessionStorage access: fall through to a per-instance session.
  }
  return newId();
}
