import { maskPhone } from '@sifang/shared/validation/phone';
import { maskResidentId } from '@sifang/shared/validation/resident-id';

/** Street addresses keep their first characters (the district and road) and hide the rest. */
export function maskAddress(address: string): string {
  if (!address) return '';
  const keep = Math.min(6, Math.ceil(address.length / 2));
  return `${address.slice(0, keep)}****`;
}

export { maskPhone, maskResidentId };
