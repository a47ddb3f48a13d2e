import type { ReactNode } from 'react';

/** Codes, plates, VINs, document numbers: monospaced so characters line up and 0/O stay distinct. */
export function Mono({ children }: { children: ReactNode }) {
  return <span className="sf-mono">{children}</span>;
}
