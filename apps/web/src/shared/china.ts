// Local reference lists used by forms (spec/china.md).

/** Licence-plate province abbreviations: the shared validators' list (one source for server and web). */
export { PLATE_PROVINCES } from '@sifang/shared/validation/plate';

/** Issuing-authority letters (I and O are not used). */
export const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');

export const STORE_TIMEZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'] as const;
