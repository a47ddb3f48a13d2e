import { useCallback, useState } from 'react';

/** A value kept in localStorage under `sifang.<key>` (JSON). Bad or missing data gives `initial`. */
export function useLocalStorage<T>(key: string, initial: T): [T, (next: T) => void] {
  const storageKey = `sifang.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // storage full or blocked: keep it for this session only
      }
    },
    [storageKey],
  );
  return [value, set];
}
