/**
 * Demo master data that is not generated: suppliers, insurers, payment methods, dictionaries and the
 * two stores of the demo dealer group (示例汽车集团). Supplier names, contacts and phone numbers are fictitious;
 * insurers are the real companies with their public customer-service numbers.
 */

export type DemoSupplier = { code: string; name: string; contact: string; phone: string; address: string };

export type DemoInsurer = { code: string; name: string; nameEn: string; phone: string };

export type DemoPaymentMethod = { code: string; name: string; nameEn: string };

export type DemoDictionaryType =
  | 'customer_source'
  | 'defeat_reason'
  | 'complaint_type'
  | 'no_show_reason'
  | 'followup_outcome';

export type DemoDictionaryEntry = { type: DemoDictionaryType; code: string; label: string; labelEn: string };

export type DemoStore = {
  code: string;
  name: string;
  nameEn: string;
  shortName: string;
  province: string;
  city: string;
  district: string;
  /** GB/T 2260 administrative division code of the district. */
  divisionCode: string;
  /** Province abbreviation on local licence plates (粤). */
  plateProvince: string;
  /** Issuing-authority letter of the city's plates (广州 A, 佛山 E). */
  plateLetter: string;
  address: string;
  phone: string;
  timezone: string;
};

export type DemoGroup = { code: string; name: string; nameEn: string };

export const demoGroup: DemoGroup = { code: 'DEMO', name: '示例汽车集团', nameEn: 'Demo Auto Group' };

export const demoSuppliers: DemoSupplier[] = [
  {
    code: 'SUP001',
    name: '一汽-大众销售有限责任公司',
    contact: '王建国',
    phone: '0431-85990000',
    address: '吉林省长春市汽车经济技术开发区东风大街',
  },
  {
    code: 'SUP002',
    name: '一汽-大众销售有限责任公司华南配件中心库',
    contact: '李嘉欣',
    phone: '020-36051288',
    address: '广东省广州市花都区汽车城风神大道',
  },
  {
    code: 'SUP003',
    name: '广州市穗通润滑油贸易有限公司',
    contact: '陈志强',
    phone: '020-87561234',
    address: '广东省广州市天河区员村二横路 18 号',
  },
  {
    code: 'SUP004',
    name: '佛山市南海区顺驰轮胎有限公司',
    contact: '黄伟明',
    phone: '0757-86335678',
    address: '广东省佛山市南海区桂城街道南海大道北 66 号',
  },
  {
    code: 'SUP005',
    name: '广州市白云区德诚汽车用品有限公司',
    contact: '梁晓婷',
    phone: '020-86401122',
    address: '广东省广州市白云区机场路 1128 号',
  },
  {
    code: 'SUP006',
    name: '广州市番禺区华彩汽车漆料有限公司',
    contact: '何俊杰',
    phone: '020-34567890',
    address: '广东省广州市番禺区市桥街道繁华路 32 号',
  },
  {
    code: 'SUP007',
    name: '广东粤安汽车玻璃有限公司',
    contact: '林海涛',
    phone: '020-82216688',
    address: '广东省广州市黄埔区科学大道 99 号',
  },
  {
    code: 'SUP008',
    name: '广州市越秀区安驰汽车蓄电池经销部',
    contact: '张国华',
    phone: '13802256789',
    address: '广东省广州市越秀区东风中路 301 号',
  },
  {
    code: 'SUP009',
    name: '佛山市顺德区精工汽配有限公司',
    contact: '罗家豪',
    phone: '0757-22883366',
    address: '广东省佛山市顺德区大良街道新城区德胜东路 8 号',
  },
  {
    code: 'SUP010',
    name: '广州市天河区美途汽车美容用品商行',
    contact: '吴雅琪',
    phone: '13926012345',
    address: '广东省广州市天河区天河北路 233 号',
  },
  {
    code: 'SUP011',
    name: '广州市海珠区恒信汽车空调配件有限公司',
    contact: '邓永成',
    phone: '020-89012345',
    address: '广东省广州市海珠区工业大道中 168 号',
  },
  {
    code: 'SUP012',
    name: '广州市荔湾区鑫宇五金紧固件商行',
    contact: '冯志明',
    phone: '15902088776',
    address: '广东省广州市荔湾区芳村大道西 56 号',
  },
];

export const demoInsurers: DemoInsurer[] = [
  { code: 'PICC', name: '中国人保财险', nameEn: 'PICC Property and Casualty', phone: '95518' },
  { code: 'PINGAN', name: '平安财险', nameEn: 'Ping An Property & Casualty', phone: '95511' },
  { code: 'CPIC', name: '太平洋财险', nameEn: 'CPIC Property & Casualty', phone: '95500' },
  { code: 'CLPC', name: '国寿财险', nameEn: 'China Life Property & Casualty', phone: '95519' },
  { code: 'CCIC', name: '大地保险', nameEn: 'China Continent Insurance', phone: '95590' },
  { code: 'SINOSIG', name: '阳光财险', nameEn: 'Sunshine Property & Casualty', phone: '95510' },
  { code: 'CUIC', name: '中华联合财险', nameEn: 'China United Property Insurance', phone: '95585' },
  { code: 'TAIPING', name: '太平财险', nameEn: 'Taiping General Insurance', phone: '95589' },
  { code: 'TIANAN', name: '天安财险', nameEn: 'Tian An Property Insurance', phone: '95505' },
  { code: 'YAIC', name: '永安财险', nameEn: 'Yong An Property Insurance', phone: '95502' },
];

export const demoPaymentMethods: DemoPaymentMethod[] = [
  { code: 'CASH', name: '现金', nameEn: 'Cash' },
  { code: 'CARD', name: '银行卡', nameEn: 'Bank card' },
  { code: 'WECHAT', name: '微信支付', nameEn: 'WeChat Pay' },
  { code: 'ALIPAY', name: '支付宝', nameEn: 'Alipay' },
  { code: 'TRANSFER', name: '对公转账', nameEn: 'Bank transfer' },
  { code: 'MEMBER_CARD', name: '会员卡', nameEn: 'Member card' },
  { code: 'LOAN', name: '贷款', nameEn: 'Loan' },
];

type Entry = readonly [code: string, label: string, labelEn: string];

const DICTIONARIES: Record<DemoDictionaryType, readonly Entry[]> = {
  customer_source: [
    ['WALK_IN', '到店', 'Walk-in'],
    ['PHONE', '电话', 'Phone inquiry'],
    ['ONLINE', '网络', 'Online'],
    ['AUTOHOME', '汽车之家', 'Autohome'],
    ['DONGCHEDI', '懂车帝', 'Dongchedi'],
    ['YICHE', '易车', 'Yiche'],
    ['DOUYIN', '抖音直播', 'Douyin live stream'],
    ['OEM_LEAD', '厂家线索', 'OEM lead'],
    ['REFERRAL', '转介绍', 'Referral'],
    ['AUTO_SHOW', '车展', 'Auto show'],
    ['OUTREACH', '外拓活动', 'Outreach event'],
    ['RETURNING', '老客户', 'Returning customer'],
  ],
  defeat_reason: [
    ['PRICE', '价格', 'Price'],
    ['COMPETITOR', '竞品', 'Bought a competing brand'],
    ['OTHER_DEALER', '在其他经销商购买', 'Bought at another dealer'],
    ['POSTPONED', '暂缓购买', 'Purchase postponed'],
    ['LOAN_REJECTED', '贷款未批', 'Loan not approved'],
    ['NO_QUOTA', '未获得购车指标', 'No licence-plate quota'],
    ['NO_STOCK', '无现车/颜色', 'Vehicle or colour not in stock'],
    ['TRADE_IN', '置换价格未谈拢', 'Trade-in price not agreed'],
    ['FAMILY', '家人反对', 'Family disagreed'],
    ['SERVICE', '对服务不满意', 'Unhappy with service'],
    ['UNREACHABLE', '联系不上', 'Unreachable'],
  ],
  complaint_type: [
    ['ATTITUDE', '服务态度', 'Service attitude'],
    ['QUALITY', '维修质量', 'Repair quality'],
    ['DURATION', '维修时间', 'Repair time'],
    ['PRICE', '价格', 'Price'],
    ['PARTS', '配件供应', 'Parts availability'],
    ['FACILITY', '环境设施', 'Facilities'],
    ['PRODUCT', '产品质量', 'Product quality'],
    ['PROMISE', '承诺未兑现', 'Promise not kept'],
    ['BILLING', '收费结算', 'Billing'],
    ['DAMAGE', '车辆损伤/物品丢失', 'Vehicle damage or lost items'],
  ],
  no_show_reason: [
    ['FORGOT', '忘记预约', 'Forgot the appointment'],
    ['BUSY', '工作繁忙', 'Too busy'],
    ['RESCHEDULED', '改期', 'Rescheduled'],
    ['OTHER_SHOP', '到其他店维修', 'Went to another workshop'],
    ['TRAFFIC_WEATHER', '交通/天气原因', 'Traffic or weather'],
    ['OUT_OF_TOWN', '出差/不在本地', 'Out of town'],
    ['VEHICLE_SOLD', '车辆已出售', 'Vehicle sold'],
    ['UNREACHABLE', '联系不上', 'Unreachable'],
  ],
  followup_outcome: [
    ['VERY_SATISFIED', '非常满意', 'Very satisfied'],
    ['SATISFIED', '满意', 'Satisfied'],
    ['NEUTRAL', '一般', 'Neutral'],
    ['DISSATISFIED', '不满意', 'Dissatisfied'],
    ['NO_ANSWER', '未接通', 'No answer'],
    ['BUSY_CALLBACK', '客户忙/约定再回访', 'Busy, call back later'],
    ['POWERED_OFF', '关机/停机', 'Phone switched off'],
    ['WRONG_NUMBER', '号码错误', 'Wrong number'],
    ['REFUSED', '拒绝回访', 'Declined the call'],
  ],
};

export const demoDictionaries: DemoDictionaryEntry[] = (
  Object.entries(DICTIONARIES) as [DemoDictionaryType, readonly Entry[]][]
).flatMap(([type, entries]) => entries.map(([code, label, labelEn]) => ({ type, code, label, labelEn })));

export const demoStores: DemoStore[] = [
  {
    code: 'GZ01',
    name: '示例一汽-大众广州天河店',
    nameEn: 'Demo FAW-Volkswagen Guangzhou Tianhe',
    shortName: '天河店',
    province: '广东省',
    city: '广州市',
    district: '天河区',
    divisionCode: '440106',
    plateProvince: '粤',
    plateLetter: 'A',
    address: '广东省广州市天河区黄埔大道中 368 号',
    phone: '020-38881234',
    timezone: 'Asia/Shanghai',
  },
  {
    code: 'FS01',
    name: '示例一汽-大众佛山南海店',
    nameEn: 'Demo FAW-Volkswagen Foshan Nanhai',
    shortName: '南海店',
    province: '广东省',
    city: '佛山市',
    district: '南海区',
    divisionCode: '440605',
    plateProvince: '粤',
    plateLetter: 'E',
    address: '广东省佛山市南海区桂城街道海八路 88 号',
    phone: '0757-86281234',
    timezone: 'Asia/Shanghai',
  },
];
