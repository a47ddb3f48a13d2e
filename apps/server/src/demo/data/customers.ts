/**
 * Demo customers (persons and companies) and their vehicles for one store.
 *
 * Pure and deterministic: everything comes from the given rng and `today`, nothing is read or written.
 * Uniqueness across stores (mobile numbers, VINs, licence plates) needs no shared registry: each store
 * gets a slot (its position in demoStores, or a hash of its code), and every random number drawn for
 * one of those spaces is mapped injectively onto (number, slot) — so two stores never produce the same
 * value even when called with identical rng sequences. Within a store, Sets catch repeats.
 *
 * The first demo store also gets a few fixed customers that the browser tests rely on (demoNamedCustomers).
 *
 * The scale generator (src/scale) reuses this for stores of any city and history length through
 * DemoGenerationOptions: its stores take identity slots in the part of each space the demo stores never use, so
 * phones and VINs stay unique across a group of hundreds of stores. Without options the output is the demo's.
 */
import { creditCodeCheckChar } from '@sifang/shared/validation/credit-code';
import { residentIdCheckChar } from '@sifang/shared/validation/resident-id';
import { makeVin } from '@sifang/shared/validation/vin';
import { demoDictionaries, demoStores, type DemoStore } from './other.js';
import { chinesePerson, mobilePhone, type Gender } from './people.js';
import type { Rng } from './rng.js';
import { demoModelRange, demoVinWmi, type DemoFuelType } from './vehicles.js';

export type DemoMarketingChannel = 'sms' | 'phone' | 'wechat' | 'paper';

export type DemoCustomer = {
  /** Unique within the store, e.g. 'GZ01-C000123'. */
  key: string;
  kind: 'person' | 'company';
  name: string;
  /** null for companies. */
  gender: Gender | null;
  /** 'YYYY-MM-DD'; persons only. */
  birthday: string | null;
  /** Valid mainland mobile number, unique across all stores. */
  phone: string;
  extraPhones: string[];
  /** Persons only; consistent with birthday and gender, region = the store's division code. */
  residentId: string | null;
  /** Unified social credit code; companies only. */
  creditCode: string | null;
  /** Companies only. */
  contactName: string | null;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  /** Street address within the district (road, number, estate, building, room). */
  address: string;
  /** A customer_source dictionary code. */
  source: string;
  tags: string[];
  marketingConsent: { consented: boolean; at: string | null; channel: DemoMarketingChannel | null };
  /** ISO date-time. */
  createdAt: string;
};

export type DemoMileageReading = { at: string; km: number; source: 'service' | 'sale' | 'customer' };

export type DemoVehicle = {
  /** Unique within the store, e.g. 'GZ01-V000123'. */
  key: string;
  ownerKey: string;
  /** Another customer of the same store who drives the car (family member, employee). */
  userKey: string | null;
  vin: string;
  /** Normalised (no dot); null when not yet registered. */
  plate: string | null;
  engineNo: string;
  seriesCode: string;
  modelCode: string;
  configurationCode: string;
  colour: string;
  modelYear: number;
  /** 'YYYY-MM-DD'; null when bought elsewhere. */
  saleDate: string | null;
  soldHere: boolean;
  firstRegistration: string | null;
  /** Sale date, or the first registration for cars bought elsewhere. */
  warrantyStart: string | null;
  /** warrantyStart + 3 years (the 100,000 km limit is not a date). */
  warrantyEnd: string | null;
  insuranceExpiry: string | null;
  /** Ascending by date, km never decreasing. */
  mileage: DemoMileageReading[];
};

export type DemoCustomerCounts = { customers: number; vehicles: number };

export type DemoNamedCustomer = {
  name: string;
  gender: Gender;
  phone: string;
  birthday: string | null;
  /** Sequence digits (positions 15–17) of a resident ID built from birthday and the store's division code, or null for none. */
  residentIdSequence: string | null;
  vehicle: {
    seriesCode: string;
    modelCode: string;
    configurationCode: string;
    colour: string;
    modelYear: number;
    plate: string;
    vin: string;
    /** The car was sold this many days before `today`. */
    soldDaysAgo: number;
  };
};

export const demoCustomerDefaults: DemoCustomerCounts = { customers: 5_000, vehicles: 6_000 };

/** A district customers live in, with a weight among the city's districts and road names for addresses. */
export type DemoDistrict = { code: string; name: string; weight: number; roads: readonly string[] };

/**
 * Options for stores other than the two demo stores (the scale generator). Days are whole days since 1970-01-01
 * in China time. Every option left out keeps the demo's behaviour and its random sequence.
 */
export type DemoGenerationOptions = {
  /** The day a new customer first came in (default: up to 6 years back, more recent more likely). */
  arrivalDay?: (rng: Rng) => number;
  /** The day a customer's later car joined, within [from, to] (default: uniform). */
  dayBetween?: (rng: Rng, from: number, to: number) => number;
  /** The day a customer who first came in on `createdDay` bought their first car, on or after it (default: 0–45 days later). */
  purchaseDay?: (rng: Rng, createdDay: number) => number;
  /** The day a workshop visit due on `day` actually happened, on or after it (default: that day); after today: none, and no later ones. */
  visitDay?: (rng: Rng, day: number) => number;
  /** The districts of the store's city, the store's own among them (default: the demo's Guangdong districts). */
  districts?: readonly DemoDistrict[];
  /** Issuing letters of other plates seen at the store, weighted (default: Guangdong's, or A–H). */
  otherPlateLetters?: readonly (readonly [string, number])[];
  /**
   * Identity slots of a generated store: `slot` of `slots` for mobile numbers and VINs (unique in the whole
   * group), `plateSlot` of `plateSlots` for plates (unique among stores sharing a plate province). The slots live in
   * the part of each number space the demo stores never draw from.
   */
  identity?: { slot: number; slots: number; plateSlot: number; plateSlots: number };
};

// ---------------------------------------------------------------------------------------------------------------
// Dates: whole days since 1970-01-01 in China Standard Time (UTC+8, no daylight saving).

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const HISTORY_DAYS = 6 * 365;
const MIN_MODEL_YEAR = 2019;
const MAX_MODEL_YEAR = 2026;

const dayOf = (d: Date): number => Math.floor((d.getTime() + CST_OFFSET_MS) / DAY_MS);
// Memoised: a big store formats the same few thousand days hundreds of thousands of times.
const isoDates = new Map<number, string>();
const isoDate = (day: number): string => {
  let s = isoDates.get(day);
  if (s === undefined) isoDates.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
};
const isoDateTime = (ms: number): string => new Date(ms).toISOString();
/** UTC milliseconds of a CST wall-clock time on a day. */
const instant = (day: number, secondOfDay: number): number => day * DAY_MS + secondOfDay * 1000 - CST_OFFSET_MS;
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
const monthOf = (day: number): number => new Date(day * DAY_MS).getUTCMonth() + 1;
const dayFromIso = (s: string): number => Math.floor(Date.parse(`${s}T00:00:00Z`) / DAY_MS);

/** Same calendar date `years` later (29 Feb becomes 28 Feb); memoised like isoDate. */
const laterDays = new Map<number, number>();
function addYears(day: number, years: number): number {
  if (years < -200 || years > 200) return addYearsUncached(day, years);
  const key = day * 512 + years + 256;
  let r = laterDays.get(key);
  if (r === undefined) laterDays.set(key, (r = addYearsUncached(day, years)));
  return r;
}

function addYearsUncached(day: number, years: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfMonth)) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------------------------
// Store slots: injective spreading of random numbers so stores never collide.

const SLOT_COUNT = 32;
const SPREAD_MUL = 7919; // prime, coprime to every space below (their prime factors are 2, 3, 5 and 17)
const SPREAD_ADD = 104_729;

function storeSlot(store: DemoStore): number {
  const i = demoStores.findIndex((s) => s.code === store.code);
  if (i >= 0 && i < SLOT_COUNT) return i;
  let h = 0x811c9dc5;
  for (let k = 0; k < store.code.length; k++) h = Math.imul(h ^ store.code.charCodeAt(k), 0x01000193) >>> 0;
  const first = Math.min(demoStores.length, SLOT_COUNT - 1);
  return first + (h % (SLOT_COUNT - first));
}

/** A number in [0, space) drawn for `slot`; different slots never give the same number. */
function spread(rng: Rng, slot: number, space: number): number {
  const r = rng.int(0, Math.floor(space / SLOT_COUNT) - 1);
  return (SPREAD_MUL * (r * SLOT_COUNT + slot) + SPREAD_ADD) % space;
}

/**
 * Generated stores (DemoGenerationOptions.identity) number the positions whose index modulo SLOT_COUNT is not a
 * demo store's slot: the `o`-th of them, or -1 beyond the space. Mapped as spread() maps, they never meet a demo value.
 */
const DEMO_SLOTS = Math.min(demoStores.length, SLOT_COUNT - 1);
const FREE_SLOTS = SLOT_COUNT - DEMO_SLOTS;
function generatedPosition(o: number, space: number): number {
  const m = Math.floor(o / FREE_SLOTS) * SLOT_COUNT + DEMO_SLOTS + (o % FREE_SLOTS);
  return m < space ? m : -1;
}
/** How many positions each of `slots` generated slots owns in a space. */
const generatedCapacity = (space: number, slots: number): number => Math.floor((Math.floor(space / SLOT_COUNT) * FREE_SLOTS) / slots);
/** A number in [0, space) for generated slot `slot` of `slots`: the `r`-th of the slot's positions, scrambled. */
const generatedValue = (r: number, slot: number, slots: number, space: number): number => {
  const m = generatedPosition(r * slots + slot, space);
  return m < 0 ? -1 : (SPREAD_MUL * m + SPREAD_ADD) % space;
};
/** A random number of a generated slot (retried by the caller when already taken). */
function spreadGenerated(rng: Rng, slot: number, slots: number, space: number): number {
  return generatedValue(rng.int(0, generatedCapacity(space, slots) - 1), slot, slots, space);
}

// ---------------------------------------------------------------------------------------------------------------
// Vehicle identity: VIN, plate, engine number.

const VIN_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** VIN position 10 for a model year (A = 1980/2010 … Y = 2000/2030, 1–9 = 2001–2009/2031–2039). */
export function vinYearCode(modelYear: number): string {
  return VIN_YEAR_CODES.charAt((((modelYear - 1980) % 30) + 30) % 30);
}

/** VIN position 11: the assembly plant (fictitious codes: 1 长春, 2 成都, 3 佛山, 4 青岛, 5 天津). */
const PLANTS: Readonly<Record<string, string>> = {
  BORA: '23',
  SAGITAR: '12',
  MAGOTAN: '1',
  GOLF: '3',
  CC: '1',
  TROC: '3',
  TCROSS: '3',
  TAYRON: '34',
  TALAGON: '1',
  ID4: '3',
  ID6: '3',
  ID7: '13',
};

const SERIES_WEIGHTS: Readonly<Record<string, number>> = {
  BORA: 14,
  SAGITAR: 18,
  MAGOTAN: 14,
  GOLF: 6,
  CC: 4,
  TROC: 6,
  TCROSS: 5,
  TAYRON: 12,
  TALAGON: 4,
  ID4: 7,
  ID6: 3,
  ID7: 3,
};

/** First model year a series was on sale. */
const SERIES_SINCE: Readonly<Record<string, number>> = { TALAGON: 2022, ID4: 2021, ID6: 2021, ID7: 2024 };

function engineCode(engine: string, fuel: DemoFuelType): string {
  if (fuel === 'bev') return engine.includes('四驱') ? 'EBK' : 'EBJ';
  if (fuel === 'phev') return 'DJZ';
  if (engine.startsWith('1.2T')) return 'DLS';
  if (engine.startsWith('1.4T')) return 'DJS';
  if (engine.startsWith('1.5T')) return 'DSB';
  if (engine.startsWith('1.5L')) return 'DMB';
  if (engine.startsWith('2.0T')) return 'DKX';
  return 'DKV';
}

const DIGITS = '0123456789';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

type PlatePattern = { pattern: string; space: number };
const platePattern = (pattern: string): PlatePattern => ({
  pattern,
  space: Array.from(pattern).reduce((n, c) => n * (c === 'D' ? DIGITS.length : PLATE_LETTERS.length), 1),
});

/** Serial shapes of ordinary plates (D digit, L letter); at most two letters, as issued. */
const STANDARD_PLATES: readonly (readonly [PlatePattern, number])[] = [
  [platePattern('DDDDD'), 12],
  [platePattern('LDDDD'), 25],
  [platePattern('DLDDD'), 12],
  [platePattern('DDLDD'), 8],
  [platePattern('DDDDL'), 10],
  [platePattern('LLDDD'), 8],
  [platePattern('DLDLD'), 8],
  [platePattern('LDDDL'), 7],
  [platePattern('DDDLL'), 10],
];
/** New-energy small-car plates: D (battery electric) or F (other new energy) + one character + 4 digits. */
const NEW_ENERGY_PLATES: readonly (readonly [PlatePattern, number])[] = [
  [platePattern('DDDDD'), 55],
  [platePattern('LDDDD'), 45],
];

function encodePlate({ pattern }: PlatePattern, index: number): string {
  let out = '';
  let n = index;
  for (let i = pattern.length - 1; i >= 0; i--) {
    const alphabet = pattern.charAt(i) === 'D' ? DIGITS : PLATE_LETTERS;
    out = alphabet.charAt(n % alphabet.length) + out;
    n = Math.floor(n / alphabet.length);
  }
  return out;
}

/** Issuing letters of other 广东 cities, weighted by how often they turn up in 广州/佛山. */
const GUANGDONG_LETTERS: readonly (readonly [string, number])[] = [
  ['A', 18], // 广州
  ['B', 25], // 深圳
  ['S', 15], // 东莞
  ['E', 12], // 佛山
  ['T', 6], // 中山
  ['J', 5], // 江门
  ['L', 5], // 惠州
  ['H', 4], // 肇庆
  ['C', 4], // 珠海
  ['R', 3], // 清远
  ['G', 2], // 湛江
  ['D', 2], // 汕头
  ['M', 2], // 梅州
];
const GENERIC_LETTERS: readonly (readonly [string, number])[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((l) => [l, 1] as const);

// ---------------------------------------------------------------------------------------------------------------
// Places: districts of the demo cities with real road names, estates and office buildings.

type District = DemoDistrict;

const DISTRICTS: readonly District[] = [
  // 广州市
  {
    code: '440103',
    name: '荔湾区',
    weight: 8,
    roads: ['中山七路', '中山八路', '康王中路', '芳村大道中', '花地大道北', '东漖北路', '龙溪大道', '黄沙大道', '南岸路', '西湾路'],
  },
  {
    code: '440104',
    name: '越秀区',
    weight: 9,
    roads: ['东风中路', '环市东路', '中山五路', '北京路', '解放北路', '农林下路', '较场西路', '先烈中路', '东华东路', '人民北路'],
  },
  {
    code: '440105',
    name: '海珠区',
    weight: 10,
    roads: ['江南大道中', '新港中路', '新港西路', '工业大道中', '昌岗中路', '宝岗大道', '琶洲大道', '南洲路', '滨江东路', '东晓南路'],
  },
  {
    code: '440106',
    name: '天河区',
    weight: 12,
    roads: [
      '天河路',
      '天河北路',
      '体育西路',
      '黄埔大道西',
      '黄埔大道中',
      '中山大道西',
      '华夏路',
      '珠江东路',
      '员村二横路',
      '天府路',
      '五山路',
      '龙口西路',
      '林和西路',
      '科韵路',
      '车陂路',
      '棠下大街',
    ],
  },
  {
    code: '440111',
    name: '白云区',
    weight: 12,
    roads: ['机场路', '白云大道北', '广园中路', '云城东路', '同和路', '金沙洲路', '石井大道', '三元里大道', '广州大道北', '黄石东路'],
  },
  {
    code: '440112',
    name: '黄埔区',
    weight: 8,
    roads: ['科学大道', '开创大道', '黄埔东路', '丰乐北路', '香雪大道', '开发大道', '大沙地东路', '萝岗大道'],
  },
  {
    code: '440113',
    name: '番禺区',
    weight: 10,
    roads: ['繁华路', '兴业大道', '汉溪大道', '迎宾路', '番禺大道北', '亚运大道', '光明北路', '清河东路', '市广路'],
  },
  { code: '440114', name: '花都区', weight: 4, roads: ['迎宾大道', '凤凰北路', '秀全大道', '天贵路', '公益路', '建设北路', '龙珠路'] },
  { code: '440115', name: '南沙区', weight: 3, roads: ['进港大道', '海滨路', '环市大道中', '黄阁大道', '金隆路', '凤凰大道', '双山大道'] },
  // 佛山市
  {
    code: '440604',
    name: '禅城区',
    weight: 10,
    roads: ['季华五路', '汾江中路', '祖庙路', '岭南大道北', '城门头路', '绿景路', '文华北路', '佛山大道中', '卫国路', '普澜二路'],
  },
  {
    code: '440605',
    name: '南海区',
    weight: 14,
    roads: ['南海大道北', '桂澜北路', '灯湖东路', '南桂东路', '佛平路', '狮山大道', '海八路', '海三路', '天佑路', '广佛路', '融和路'],
  },
  {
    code: '440606',
    name: '顺德区',
    weight: 12,
    roads: ['德胜东路', '德民路', '容桂大道', '乐从大道', '怡和路', '南国东路', '碧桂路', '东乐路', '三乐路'],
  },
  { code: '440607', name: '三水区', weight: 3, roads: ['广海大道', '健力宝南路', '三达路', '张边路', '西南大道'] },
  { code: '440608', name: '高明区', weight: 2, roads: ['沧江路', '文明路', '高明大道', '文华路', '泰和路'] },
];

const GENERIC_ROADS = ['人民路', '解放路', '中山路', '建设路', '新华路', '文化路', '环城路', '迎宾大道'];

// prettier-ignore
const ESTATE_FIRST = [
  '锦绣', '翠湖', '金碧', '丽江', '华景', '名雅', '富力', '保利', '万科', '雅居', '星河', '中海', '碧桂', '君华', '天骄', '汇景',
  '珠江', '御景', '帝景', '东方', '南国', '岭南', '阳光', '海逸', '花城', '荔园', '云山', '骏景', '凯旋', '翠园',
];
const ESTATE_SECOND = ['花园', '新城', '雅苑', '华庭', '名苑', '豪庭', '公馆', '新村', '山庄', '家园', '半岛', '御府', '广场'];
const OFFICE_FIRST = ['中信', '金融', '国际', '财富', '汇金', '富力', '时代', '盛达', '粤海', '星汇', '保利', '科技', '商务'];
const OFFICE_SECOND = ['大厦', '广场', '中心', '大厦', '商务中心'];

// ---------------------------------------------------------------------------------------------------------------
// Companies.

const COMPANY_FIRST = Array.from('鑫华恒盛嘉宏瑞德通达丰泰信诚利兴源汇宇中金永安隆创博新骏粤穗');
const COMPANY_SECOND = Array.from('达盛源泰丰利通兴华昌发宏隆成信运辉祥茂捷');
const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['贸易', 12],
  ['物流', 8],
  ['科技', 10],
  ['建筑工程', 6],
  ['电子', 5],
  ['餐饮管理', 4],
  ['实业', 6],
  ['投资', 3],
  ['装饰工程', 4],
  ['汽车租赁', 4],
  ['房地产开发', 2],
  ['医疗器械', 3],
  ['服装', 3],
  ['家具', 4],
  ['五金制品', 3],
  ['陶瓷', 3],
  ['电器', 3],
  ['信息技术', 4],
  ['供应链管理', 4],
  ['文化传播', 3],
  ['物业管理', 3],
];

/** Alphabet of the organisation-code part (GB 11714) restricted to characters legal in credit codes. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charAt(i);
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

// ---------------------------------------------------------------------------------------------------------------
// Customer attributes.

const SOURCE_WEIGHTS: Readonly<Record<string, number>> = {
  WALK_IN: 28,
  PHONE: 8,
  ONLINE: 6,
  AUTOHOME: 10,
  DONGCHEDI: 10,
  YICHE: 4,
  DOUYIN: 7,
  OEM_LEAD: 6,
  REFERRAL: 10,
  AUTO_SHOW: 3,
  OUTREACH: 3,
  RETURNING: 5,
};

const CONSENT_CHANNELS: readonly (readonly [DemoMarketingChannel, number])[] = [
  ['wechat', 35],
  ['paper', 30],
  ['sms', 20],
  ['phone', 15],
];

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[22, 29], 20],
  [[30, 39], 35],
  [[40, 49], 25],
  [[50, 59], 14],
  [[60, 70], 6],
];

// ---------------------------------------------------------------------------------------------------------------
// The fixed customers of the first store.

const NAMED_RANGE = demoModelRange();

function namedVin(seriesCode: string, modelYear: number, plant: string, serial: string): string {
  const vds = NAMED_RANGE.find((s) => s.code === seriesCode)?.vinVds ?? '';
  return makeVin(demoVinWmi + vds, vinYearCode(modelYear) + plant + serial);
}

/** Fixed customers (one car each) in the first demo store; the browser tests rely on them. */
export const demoNamedCustomers: readonly DemoNamedCustomer[] = [
  {
    name: '张三',
    gender: 'male',
    phone: '13800138000',
    birthday: '1985-06-15',
    residentIdSequence: '123',
    vehicle: {
      seriesCode: 'SAGITAR',
      modelCode: 'SAGITAR-2026-300TSI',
      configurationCode: 'SAGITAR-2026-300TSI-ZG',
      colour: '极地白',
      modelYear: 2024,
      plate: '粤A12345',
      vin: namedVin('SAGITAR', 2024, '2', '654321'),
      soldDaysAgo: 760,
    },
  },
  {
    name: '李四',
    gender: 'male',
    phone: '13900139000',
    birthday: '1978-11-02',
    residentIdSequence: null,
    vehicle: {
      seriesCode: 'MAGOTAN',
      modelCode: 'MAGOTAN-2025-330TSI',
      configurationCode: 'MAGOTAN-2025-330TSI-HH',
      colour: '曜岩黑',
      modelYear: 2022,
      plate: '粤AB1234',
      vin: namedVin('MAGOTAN', 2022, '1', '135790'),
      soldDaysAgo: 1420,
    },
  },
  {
    name: '王小明',
    gender: 'male',
    phone: '13700137000',
    birthday: '1996-09-08',
    residentIdSequence: null,
    vehicle: {
      seriesCode: 'ID4',
      modelCode: 'ID4-2025-RWD',
      configurationCode: 'ID4-2025-RWD-PRO',
      colour: '极光蓝',
      modelYear: 2025,
      plate: '粤AD12345',
      vin: namedVin('ID4', 2025, '3', '246802'),
      soldDaysAgo: 300,
    },
  },
];

const RESERVED_NAMES: ReadonlySet<string> = new Set(demoNamedCustomers.map((c) => c.name));
const RESERVED_PHONES: ReadonlySet<string> = new Set(demoNamedCustomers.map((c) => c.phone));
const RESERVED_PLATES: ReadonlySet<string> = new Set(demoNamedCustomers.map((c) => c.vehicle.plate));
/** Last 6 VIN characters nobody else gets (张三's 654321 among them). */
const RESERVED_VIN_SERIALS: ReadonlySet<string> = new Set(demoNamedCustomers.map((c) => c.vehicle.vin.slice(-6)));

// ---------------------------------------------------------------------------------------------------------------
// Generation.

type ModelChoice = {
  seriesCode: string;
  vinVds: string;
  plants: string;
  modelCode: string;
  fuelType: DemoFuelType;
  engine: string;
  configurations: { code: string; msrpFen: number; colours: string[] }[];
};

type Ctx = {
  rng: Rng;
  opts: DemoGenerationOptions;
  /** per VDS + year + plant: how many serials a generated store has taken */
  vinCounters: Map<string, number>;
  store: DemoStore;
  slot: number;
  todayDay: number;
  nowMs: number;
  provinceCode: string;
  cityCode: string;
  districts: readonly (readonly [District, number])[];
  ownDistrict: District;
  otherLetters: readonly (readonly [string, number])[];
  sources: readonly (readonly [string, number])[];
  modelsByCode: Map<string, ModelChoice>;
  seriesByYear: Map<number, readonly (readonly [readonly ModelChoice[], number])[]>;
  phones: Set<string>;
  vins: Set<string>;
  plates: Set<string>;
  residentIds: Set<string>;
  creditCodes: Set<string>;
  companyNames: Set<string>;
};

type CustomerDraft = { customer: DemoCustomer; createdDay: number; createdMs: number };
type VehicleDraft = { vehicle: DemoVehicle; ownerIndex: number; fuelType: DemoFuelType; msrpFen: number };

const MAX_ATTEMPTS = 10_000;

function createContext(rng: Rng, store: DemoStore, today: Date, opts: DemoGenerationOptions): Ctx {
  const cityPrefix = store.divisionCode.slice(0, 4);
  const known = opts.districts ?? DISTRICTS;
  const ownDistrict: District = known.find((d) => d.code === store.divisionCode) ?? {
    code: store.divisionCode,
    name: store.district,
    weight: 1,
    roads: GENERIC_ROADS,
  };
  const others = known.filter((d) => d.code.startsWith(cityPrefix) && d.code !== ownDistrict.code);
  const otherWeight = others.reduce((n, d) => n + d.weight, 0);
  // The store's own district gets ≈45 % of the customers, the rest of the city shares the other 55 %.
  const districts: (readonly [District, number])[] = [[ownDistrict, otherWeight > 0 ? (otherWeight * 45) / 55 : 1]];
  for (const d of others) districts.push([d, d.weight]);

  const letters = opts.otherPlateLetters ?? (store.plateProvince === '粤' ? GUANGDONG_LETTERS : GENERIC_LETTERS);
  const sources = demoDictionaries
    .filter((d) => d.type === 'customer_source')
    .map((d) => [d.code, SOURCE_WEIGHTS[d.code] ?? 2] as const);
  if (sources.length === 0) throw new Error('demo dictionaries have no customer_source entries');

  const modelsByCode = new Map<string, ModelChoice>();
  const seriesChoices: { since: number; weight: number; models: ModelChoice[] }[] = [];
  for (const s of demoModelRange()) {
    const models = s.models.map((m) => ({
      seriesCode: s.code,
      vinVds: s.vinVds,
      plants: PLANTS[s.code] ?? '1',
      modelCode: m.code,
      fuelType: m.fuelType,
      engine: m.engine,
      configurations: m.configurations.map((c) => ({ code: c.code, msrpFen: c.msrpFen, colours: c.colours })),
    }));
    for (const m of models) modelsByCode.set(m.modelCode, m);
    seriesChoices.push({ since: SERIES_SINCE[s.code] ?? MIN_MODEL_YEAR, weight: SERIES_WEIGHTS[s.code] ?? 3, models });
  }
  const seriesByYear = new Map<number, readonly (readonly [readonly ModelChoice[], number])[]>();
  for (let y = MIN_MODEL_YEAR; y <= MAX_MODEL_YEAR; y++) {
    const available = seriesChoices.filter((s) => s.since <= y);
    seriesByYear.set(
      y,
      (available.length > 0 ? available : seriesChoices).map((s) => [s.models, s.weight] as const),
    );
  }

  return {
    rng,
    opts,
    vinCounters: new Map(),
    store,
    slot: storeSlot(store),
    todayDay: dayOf(today),
    nowMs: today.getTime(),
    provinceCode: `${store.divisionCode.slice(0, 2)}0000`,
    cityCode: `${cityPrefix}00`,
    districts,
    ownDistrict,
    otherLetters: letters.filter(([l]) => l !== store.plateLetter),
    sources,
    modelsByCode,
    seriesByYear,
    phones: new Set(),
    vins: new Set(),
    plates: new Set(),
    residentIds: new Set(),
    creditCodes: new Set(),
    companyNames: new Set(),
  };
}

/**
 * The last four digits of a slot's numbers repeat (a slot's positions share factors with 10,000): swapping the
 * halves of the eight digits, one bijection for every store, spreads them as in life — a four-digit tail search
 * finds about one customer in 10,000, not one in 70.
 */
const swapHalves = (n: number): number => (n % 10_000) * 10_000 + Math.floor(n / 10_000);

function uniquePhone(ctx: Ctx): string {
  const id = ctx.opts.identity;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const prefix = mobilePhone(ctx.rng).slice(0, 3);
    const n = id ? spreadGenerated(ctx.rng, id.slot, id.slots, 100_000_000) : spread(ctx.rng, ctx.slot, 100_000_000);
    const phone = prefix + String(swapHalves(n)).padStart(8, '0');
    if (!ctx.phones.has(phone) && !RESERVED_PHONES.has(phone)) {
      ctx.phones.add(phone);
      return phone;
    }
  }
  throw new Error('demo customers: ran out of phone numbers');
}

/** FNV-1a of a VDS + year + plant combination. */
function comboHash(combo: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < combo.length; k++) h = Math.imul(h ^ combo.charCodeAt(k), 0x01000193) >>> 0;
  return h;
}
/** Where a combination starts among a slot's serials. */
const comboOffset = (combo: string, capacity: number): number => comboHash(combo) % capacity;
/**
 * Every store draws its serials from the same slot values in each combination; shifting them by the combination
 * (the same shift for every store, so stores still never meet) gives a store's cars different last six digits, as
 * cars of one store come from the whole production.
 */
const comboSerial = (n: number, combo: string): string => String((n + (comboHash(`${combo}#`) % 1_000_000)) % 1_000_000).padStart(6, '0');

/** Plant codes a generated store falls back on when a plant's serials for its slot run out. */
const SPARE_PLANTS = '123456789';

function uniqueVin(ctx: Ctx, model: ModelChoice, modelYear: number): string {
  const { rng } = ctx;
  const id = ctx.opts.identity;
  if (id) {
    // Generated stores count up through their slot's serials of each VDS + year + plant: no retries, no repeats.
    const first = rng.int(0, model.plants.length - 1);
    const plants = [...new Set(model.plants.slice(first) + model.plants.slice(0, first) + SPARE_PLANTS)];
    const capacity = generatedCapacity(1_000_000, id.slots);
    for (const plant of plants) {
      const combo = `${model.vinVds}${vinYearCode(modelYear)}${plant}`;
      // each combination starts at its own place in the slot's serials, so the stores' VINs don't share tails
      const start = comboOffset(combo, capacity);
      for (let c = ctx.vinCounters.get(combo) ?? 0; ; c++) {
        if (c >= capacity) {
          ctx.vinCounters.set(combo, c);
          break;
        }
        const serial = comboSerial(generatedValue((start + c) % capacity, id.slot, id.slots, 1_000_000), combo);
        if (RESERVED_VIN_SERIALS.has(serial)) continue;
        const vin = makeVin(demoVinWmi + model.vinVds, vinYearCode(modelYear) + plant + serial);
        if (ctx.vins.has(vin)) continue;
        ctx.vinCounters.set(combo, c + 1);
        ctx.vins.add(vin);
        return vin;
      }
    }
    throw new Error('demo vehicles: ran out of VIN serials');
  }
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const plant = model.plants.charAt(rng.int(0, model.plants.length - 1));
    const serial = comboSerial(spread(rng, ctx.slot, 1_000_000), `${model.vinVds}${vinYearCode(modelYear)}${plant}`);
    if (RESERVED_VIN_SERIALS.has(serial)) continue;
    const vin = makeVin(demoVinWmi + model.vinVds, vinYearCode(modelYear) + plant + serial);
    if (!ctx.vins.has(vin)) {
      ctx.vins.add(vin);
      return vin;
    }
  }
  throw new Error('demo vehicles: ran out of VIN serials');
}

function uniquePlate(ctx: Ctx, letter: string, fuel: DemoFuelType): string {
  const { rng } = ctx;
  const newEnergy = fuel === 'bev' || fuel === 'phev';
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const p = rng.weighted(newEnergy ? NEW_ENERGY_PLATES : STANDARD_PLATES);
    const id = ctx.opts.identity;
    const serial = encodePlate(p, id ? spreadGenerated(rng, id.plateSlot, id.plateSlots, p.space) : spread(rng, ctx.slot, p.space));
    const plate = ctx.store.plateProvince + letter + (newEnergy ? (fuel === 'bev' ? 'D' : 'F') : '') + serial;
    if (!ctx.plates.has(plate) && !RESERVED_PLATES.has(plate)) {
      ctx.plates.add(plate);
      return plate;
    }
  }
  throw new Error('demo vehicles: ran out of licence plates');
}

function residentId(ctx: Ctx, birthday: string, gender: Gender, sequence: string | null): string {
  const { rng } = ctx;
  const region = ctx.store.divisionCode.slice(0, 6);
  const date = birthday.replaceAll('-', '');
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    // Positions 15–17: a sequence number whose last digit is odd for men and even for women.
    const seq = sequence ?? `${String(rng.int(0, 99)).padStart(2, '0')}${rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0)}`;
    const body = region + date + seq;
    const id = body + residentIdCheckChar(body);
    if (!ctx.residentIds.has(id)) {
      ctx.residentIds.add(id);
      return id;
    }
    if (sequence !== null) break;
  }
  throw new Error('demo customers: ran out of resident IDs');
}

function creditCode(ctx: Ctx, districtCode: string): string {
  const { rng } = ctx;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    let body = '';
    if (rng.chance(0.7)) {
      // Registered since 2015: organisation codes starting with MA.
      body = 'MA';
      for (let k = 0; k < 6; k++) body += CREDIT_CHARS.charAt(rng.int(0, CREDIT_CHARS.length - 1));
    } else {
      for (let k = 0; k < 8; k++) body += String(rng.int(0, 9));
    }
    const first17 = `91${districtCode}${body}${orgCodeCheck(body)}`;
    const code = first17 + creditCodeCheckChar(first17);
    if (!ctx.creditCodes.has(code)) {
      ctx.creditCodes.add(code);
      return code;
    }
  }
  throw new Error('demo customers: ran out of credit codes');
}

function companyName(ctx: Ctx, district: District): string {
  const { rng, store } = ctx;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const first = rng.pick(COMPANY_FIRST);
    let second = rng.pick(COMPANY_SECOND);
    if (second === first) second = rng.pick(COMPANY_SECOND);
    const core = first + second + rng.weighted(INDUSTRIES);
    const style = rng.next();
    const name =
      style < 0.5
        ? `${store.city}${district.name}${core}有限公司`
        : style < 0.85
          ? `${store.city}${core}有限公司`
          : `${store.province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '')}${core}有限公司`;
    if (!ctx.companyNames.has(name)) {
      ctx.companyNames.add(name);
      return name;
    }
  }
  throw new Error('demo customers: ran out of company names');
}

function personName(ctx: Ctx, gender?: Gender): { name: string; gender: Gender } {
  for (;;) {
    const p = chinesePerson(ctx.rng, gender);
    if (!RESERVED_NAMES.has(p.name)) return { name: p.name, gender: p.gender };
  }
}

function address(ctx: Ctx, district: District, company: boolean): string {
  const { rng } = ctx;
  const road = rng.pick(district.roads);
  const no = rng.weighted([
    [rng.int(1, 99), 5],
    [rng.int(100, 399), 4],
    [rng.int(400, 1200), 1],
  ]);
  const floor = rng.int(2, 32);
  const room = `${floor}${String(rng.int(1, 12)).padStart(2, '0')}`;
  if (company) {
    if (rng.chance(0.3)) return `${road} ${no} 号 ${rng.int(1, 6)} 楼`;
    return `${road} ${no} 号${rng.pick(OFFICE_FIRST)}${rng.pick(OFFICE_SECOND)} ${floor} 楼 ${room} 室`;
  }
  if (rng.chance(0.2)) return `${road} ${no} 号之 ${rng.int(1, 12)} ${room} 房`;
  return `${road} ${no} 号${rng.pick(ESTATE_FIRST)}${rng.pick(ESTATE_SECOND)} ${rng.int(1, 28)} 栋 ${room} 室`;
}

function birthdayFor(ctx: Ctx): string {
  const [lo, hi] = ctx.rng.weighted(AGE_BANDS);
  const age = ctx.rng.int(lo, hi);
  // Born within the year before the `age`-th birthday is reached today, so the age is exactly `age`.
  return isoDate(addYears(ctx.todayDay, -age) - ctx.rng.int(0, 364));
}

/** Days back from today: ≈2 % in the last month, otherwise linearly more likely the more recent, up to 6 years. */
function createdDayFor(ctx: Ctx): number {
  const { rng } = ctx;
  if (ctx.opts.arrivalDay) return ctx.opts.arrivalDay(rng);
  if (rng.chance(0.02)) return ctx.todayDay - rng.int(1, 30);
  return ctx.todayDay - 1 - Math.floor((HISTORY_DAYS - 1) * (1 - Math.sqrt(1 - rng.next())));
}

function makeCustomer(ctx: Ctx, key: string, named: DemoNamedCustomer | null): CustomerDraft {
  const { rng } = ctx;
  const company = named === null && rng.chance(0.08);
  const district = named === null ? rng.weighted(ctx.districts) : ctx.ownDistrict;

  const createdDay =
    named === null ? createdDayFor(ctx) : ctx.todayDay - named.vehicle.soldDaysAgo - rng.int(3, 20);
  const createdMs = instant(createdDay, rng.int(9 * 3600, 21 * 3600 - 1));

  let name: string;
  let gender: Gender | null = null;
  let birthday: string | null = null;
  let resident: string | null = null;
  let credit: string | null = null;
  let contactName: string | null = null;
  if (named !== null) {
    name = named.name;
    gender = named.gender;
    birthday = named.birthday;
    if (birthday !== null && named.residentIdSequence !== null) {
      resident = residentId(ctx, birthday, named.gender, named.residentIdSequence);
    }
  } else if (company) {
    name = companyName(ctx, district);
    credit = creditCode(ctx, district.code);
    contactName = personName(ctx).name;
  } else {
    const p = personName(ctx);
    name = p.name;
    gender = p.gender;
    // 30 % have a resident ID (and so a birthday); 70 % of all persons have a known birthday.
    if (rng.chance(0.3)) {
      birthday = birthdayFor(ctx);
      resident = residentId(ctx, birthday, p.gender, null);
    } else if (rng.chance(0.4 / 0.7)) {
      birthday = birthdayFor(ctx);
    }
  }

  const phone = named?.phone ?? uniquePhone(ctx);
  if (named !== null) ctx.phones.add(phone);
  const extraPhones = rng.chance(0.15) ? [uniquePhone(ctx)] : [];

  let marketingConsent: DemoCustomer['marketingConsent'] = { consented: false, at: null, channel: null };
  if (named !== null || rng.chance(0.65)) {
    const channel = rng.weighted(CONSENT_CHANNELS);
    const maxMinutes = Math.max(0, Math.min(180 * 1440, Math.floor((ctx.nowMs - createdMs) / 60_000)));
    const atMs = channel === 'paper' ? createdMs : createdMs + rng.int(0, maxMinutes) * 60_000;
    marketingConsent = { consented: true, at: isoDateTime(atMs), channel };
  }

  const customer: DemoCustomer = {
    key,
    kind: company ? 'company' : 'person',
    name,
    gender,
    birthday,
    phone,
    extraPhones,
    residentId: resident,
    creditCode: credit,
    contactName,
    provinceCode: ctx.provinceCode,
    cityCode: ctx.cityCode,
    districtCode: district.code,
    address: address(ctx, district, company),
    source: named !== null ? 'WALK_IN' : rng.weighted(ctx.sources),
    tags: [],
    marketingConsent,
    createdAt: isoDateTime(createdMs),
  };
  return { customer, createdDay, createdMs };
}

const clampYear = (y: number): number => Math.min(MAX_MODEL_YEAR, Math.max(MIN_MODEL_YEAR, y));
const MIN_REGISTRATION_DAY = dayFromIso(`${MIN_MODEL_YEAR - 1}-07-01`);

function pickModel(ctx: Ctx, modelYear: number): ModelChoice {
  const { rng } = ctx;
  const series = ctx.seriesByYear.get(modelYear) ?? [];
  const models = rng.weighted(series);
  // Plug-in hybrids are the minority of their series.
  return rng.weighted(models.map((m) => [m, m.fuelType === 'phev' ? 0.3 : 1] as const));
}

function makeVehicle(
  ctx: Ctx,
  key: string,
  owner: CustomerDraft,
  ownerIndex: number,
  acquiredDay: number,
  soldHere: boolean,
  named: DemoNamedCustomer['vehicle'] | null,
): VehicleDraft {
  const { rng, todayDay } = ctx;

  let saleDay: number | null = null;
  let regDay: number | null;
  if (soldHere) {
    saleDay = acquiredDay;
    const lag = rng.int(3, 14); // the dealer's plate service takes a few days to two weeks
    regDay = saleDay + lag <= todayDay || named !== null ? saleDay + lag : null;
  } else {
    // Bought elsewhere: first seen at its first service here, registered some time before.
    regDay = Math.min(acquiredDay, Math.max(MIN_REGISTRATION_DAY, acquiredDay - rng.int(30, 4 * 365)));
  }
  const refDay = saleDay ?? regDay ?? todayDay;

  let model: ModelChoice;
  let modelYear: number;
  let configuration: ModelChoice['configurations'][number];
  let colour: string;
  if (named !== null) {
    const m = ctx.modelsByCode.get(named.modelCode);
    const c = m?.configurations.find((x) => x.code === named.configurationCode);
    if (m === undefined || c === undefined) throw new Error(`demo model ${named.configurationCode} not in the range`);
    model = m;
    configuration = c;
    modelYear = named.modelYear;
    colour = named.colour;
  } else {
    // A new model year goes on sale around June of the year before.
    modelYear = clampYear(yearOf(refDay) + (monthOf(refDay) >= 6 && rng.chance(0.75) ? 1 : 0));
    model = pickModel(ctx, modelYear);
    const n = model.configurations.length;
    configuration = rng.weighted(model.configurations.map((c, i) => [c, n - i + 1] as const));
    colour = rng.pick(configuration.colours);
  }

  let vin: string;
  let plate: string | null;
  if (named !== null) {
    vin = named.vin;
    plate = named.plate;
    ctx.vins.add(vin);
    ctx.plates.add(plate);
  } else {
    vin = uniqueVin(ctx, model, modelYear);
    const elsewhere = rng.chance(soldHere ? 0.02 : 0.1) && ctx.otherLetters.length > 0;
    const letter = elsewhere ? rng.weighted(ctx.otherLetters) : ctx.store.plateLetter;
    plate = regDay === null ? null : uniquePlate(ctx, letter, model.fuelType);
  }

  const engineNo = engineCode(model.engine, model.fuelType) + String(rng.int(0, 999_999)).padStart(6, '0');

  const warrantyStartDay = saleDay ?? regDay;

  let insuranceDay: number | null = null;
  if (regDay !== null) {
    let k = 1;
    while (addYears(regDay, k) - 1 < todayDay) k++;
    // Some renewals were done elsewhere and never reported: the last known policy has lapsed.
    insuranceDay = addYears(regDay, k >= 2 && rng.chance(0.12) ? k - 1 : k) - 1;
  }

  // Mileage: 0 at the sale, or an estimate at the first service; then a reading every 4–8 months.
  const kmPerYear = rng.int(12_000, 20_000);
  const mileage: DemoMileageReading[] = [];
  let km: number;
  let lastDay: number;
  if (saleDay !== null) {
    km = 0;
    lastDay = saleDay;
    mileage.push({ at: isoDate(saleDay), km: 0, source: 'sale' });
  } else {
    lastDay = acquiredDay;
    km = Math.round((kmPerYear * (acquiredDay - (regDay ?? acquiredDay)) * (0.8 + 0.4 * rng.next())) / 365);
    mileage.push({ at: isoDate(acquiredDay), km, source: 'service' });
  }
  const { visitDay } = ctx.opts;
  for (let day = lastDay + rng.int(120, 240); day <= todayDay; day += rng.int(120, 240)) {
    if (visitDay) {
      day = visitDay(rng, day);
      if (day > todayDay) break;
    }
    km += Math.round((kmPerYear * (day - lastDay) * (0.75 + 0.5 * rng.next())) / 365);
    mileage.push({ at: isoDate(day), km, source: rng.chance(0.1) ? 'customer' : 'service' });
    lastDay = day;
  }

  const vehicle: DemoVehicle = {
    key,
    ownerKey: owner.customer.key,
    userKey: null,
    vin,
    plate,
    engineNo,
    seriesCode: model.seriesCode,
    modelCode: model.modelCode,
    configurationCode: configuration.code,
    colour,
    modelYear,
    saleDate: saleDay === null ? null : isoDate(saleDay),
    soldHere,
    firstRegistration: regDay === null ? null : isoDate(regDay),
    warrantyStart: warrantyStartDay === null ? null : isoDate(warrantyStartDay),
    warrantyEnd: warrantyStartDay === null ? null : isoDate(addYears(warrantyStartDay, 3)),
    insuranceExpiry: insuranceDay === null ? null : isoDate(insuranceDay),
    mileage,
  };
  return { vehicle, ownerIndex, fuelType: model.fuelType, msrpFen: configuration.msrpFen };
}

function tagsFor(ctx: Ctx, draft: CustomerDraft, vehicles: readonly VehicleDraft[]): string[] {
  const { rng } = ctx;
  const tags: string[] = [];
  if (vehicles.some((v) => v.fuelType === 'bev' || v.fuelType === 'phev') && rng.chance(0.85)) tags.push('新能源车主');
  if (draft.customer.kind === 'company' && (vehicles.length >= 2 || rng.chance(0.4))) tags.push('车队');
  const premium = vehicles.length >= 2 || vehicles.some((v) => v.msrpFen >= 25_000_000);
  const vip = rng.chance(premium ? 0.2 : 0.04);
  if (vip) tags.push('VIP');
  if (ctx.todayDay - draft.createdDay > 3 * 365 && rng.chance(0.35)) tags.push('老客户');
  if (!vip && rng.chance(0.08)) tags.push('价格敏感');
  while (tags.length > 2) tags.splice(rng.int(0, tags.length - 1), 1);
  return tags;
}

const pad6 = (n: number): string => String(n).padStart(6, '0');

/**
 * Customers and vehicles of one store. Defaults: 5,000 customers and 6,000 vehicles (every customer owns at
 * least one car, some two or three, company fleets more). Counts include the named customers of the first
 * store. Deterministic for a given rng state, store, `today` and options.
 */
export function demoCustomersAndVehicles(
  rng: Rng,
  store: DemoStore,
  today: Date,
  counts: DemoCustomerCounts = demoCustomerDefaults,
  options: DemoGenerationOptions = {},
): { customers: DemoCustomer[]; vehicles: DemoVehicle[] } {
  const ctx = createContext(rng, store, today, options);
  const named = store.code === demoStores[0]?.code ? demoNamedCustomers : [];
  const customerCount = Math.max(Math.floor(counts.customers), named.length);
  const vehicleCount = Math.max(Math.floor(counts.vehicles), named.length);

  const drafts: CustomerDraft[] = [];
  for (let i = 0; i < customerCount; i++) {
    drafts.push(makeCustomer(ctx, `${store.code}-C${pad6(i + 1)}`, named[i] ?? null));
  }

  // How many cars each customer has: one each while they last, the rest to random customers (companies more likely).
  const owned = new Array<number>(customerCount).fill(0);
  const generatedFrom = named.length;
  let toAllocate = vehicleCount - named.length;
  for (let i = 0; i < named.length; i++) owned[i] = 1;
  for (let i = generatedFrom; i < customerCount && toAllocate > 0; i++, toAllocate--) owned[i] = 1;
  const generatedCustomers = customerCount - generatedFrom;
  while (toAllocate > 0 && generatedCustomers > 0) {
    let pick = generatedFrom + rng.int(0, generatedCustomers - 1);
    for (let t = 0; t < 20; t++) {
      const d = drafts[pick];
      const company = d?.customer.kind === 'company';
      const cap = company ? 8 : 3;
      if ((owned[pick] ?? 0) < cap && (company || rng.chance(0.7))) break;
      pick = generatedFrom + rng.int(0, generatedCustomers - 1);
    }
    owned[pick] = (owned[pick] ?? 0) + 1;
    toAllocate--;
  }

  const vehicleDrafts: VehicleDraft[] = [];
  const byOwner: VehicleDraft[][] = drafts.map(() => []);
  for (let i = 0; i < customerCount; i++) {
    const draft = drafts[i] as CustomerDraft;
    const n = owned[i] ?? 0;
    const namedCustomer = named[i];
    for (let j = 0; j < n; j++) {
      const key = `${store.code}-V${pad6(vehicleDrafts.length + 1)}`;
      let v: VehicleDraft;
      if (namedCustomer !== undefined && j === 0) {
        const day = ctx.todayDay - namedCustomer.vehicle.soldDaysAgo;
        v = makeVehicle(ctx, key, draft, i, day, true, namedCustomer.vehicle);
      } else {
        const soldHere = rng.chance(0.88);
        let day: number;
        if (j === 0) {
          // The first car: bought a few days to weeks after the first visit, or first serviced on it.
          const { purchaseDay } = ctx.opts;
          if (!soldHere) day = draft.createdDay;
          else if (purchaseDay) day = Math.min(ctx.todayDay, Math.max(draft.createdDay, purchaseDay(rng, draft.createdDay)));
          else day = draft.createdDay + rng.int(0, Math.min(45, ctx.todayDay - draft.createdDay));
        } else {
          day = ctx.opts.dayBetween ? ctx.opts.dayBetween(rng, draft.createdDay, ctx.todayDay) : rng.int(draft.createdDay, ctx.todayDay);
        }
        v = makeVehicle(ctx, key, draft, i, day, soldHere, null);
      }
      vehicleDrafts.push(v);
      byOwner[i]?.push(v);
    }
  }

  // ≈10 % of the cars are driven by another customer of the store (family member, employee).
  if (customerCount > 1) {
    for (const v of vehicleDrafts) {
      if (!rng.chance(0.1)) continue;
      let user = rng.int(0, customerCount - 1);
      for (let t = 0; t < 5 && (user === v.ownerIndex || drafts[user]?.customer.kind !== 'person'); t++) {
        user = rng.int(0, customerCount - 1);
      }
      if (user !== v.ownerIndex) v.vehicle.userKey = drafts[user]?.customer.key ?? null;
    }
  }

  for (let i = 0; i < customerCount; i++) {
    const draft = drafts[i] as CustomerDraft;
    draft.customer.tags = tagsFor(ctx, draft, byOwner[i] ?? []);
  }

  return { customers: drafts.map((d) => d.customer), vehicles: vehicleDrafts.map((v) => v.vehicle) };
}
