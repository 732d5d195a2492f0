import { useEffect, useState } from 'preact/hooks';

/**
 * The review desk's API key, kept in sessionStorage: it lasts as long as the tab, leaves with it,
 * and is never in a URL (history, logs, shared links) nor in localStorage (which outlives the
 * tab and is shared by every tab of the origin).
 */
const STORAGE_KEY = 'zhili.review.key';

const listeners = new Set<(key: string | null) => void>();

export function readKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Stores the key (null signs out) and tells every component that reads it. */
export function writeKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be off (a locked-down browser): the key then lives in memory until reload.
  }
  for (const listener of listeners) listener(key);
}

/** The key the desk signs its requests with, kept in step with sign-in and sign-out. */
export function useKey(): string | null {
  const [key, setKey] = useState<string | null>(readKey);
  useEffect(() => {
    listeners.add(setKey);
    return () => void listeners.delete(setKey);
  }, []);
  return key;
}
