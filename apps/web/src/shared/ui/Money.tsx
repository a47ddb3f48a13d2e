import { formatFen } from '../format';

export function Money({ fen }: { fen: number | null | undefined }) {
  return <span className="sf-money">{formatFen(fen)}</span>;
}
