// Local reference lists used by forms (spec/china.md).

/** Licence-plate province abbreviations, in the order of china.md. */
export const PLATE_PROVINCES = [
  '京',
  '津',
  '沪',
  '渝',
  '冀',
  '豫',
  '云',
  '辽',
  '黑',
  '湘',
  '皖',
  '鲁',
  '新',
  '苏',
  '浙',
  '赣',
  '鄂',
  '桂',
  '甘',
  '晋',
  '蒙',
  '陕',
  '吉',
  '闽',
  '贵',
  '粤',
  '青',
  '藏',
  '川',
  '宁',
  '琼',
] as const;

/** Issuing-authority letters (I and O are not used). */
export const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');

export const STORE_TIMEZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'] as const;

/** china.md: mobile phone 11 digits starting 1[3-9]. Landlines (with area code) are allowed for store phones. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
