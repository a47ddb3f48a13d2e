/**
 * Demo parts catalogue (配件目录), ≈2,000 items for a FAW-Volkswagen store.
 *
 * Part numbers follow the VW OE layout: 3-character type prefix (series, engine, gearbox or a generic
 * prefix such as 000 / WHT / ZVW / N01) + 3-digit main/sub group + 3-digit part number + optional
 * 1–2 letter index, e.g. `5QD698151`, `04E115561H`. Left/right pairs follow the odd/even convention.
 *
 * Prices: a retail price is drawn from the template's range (positioned by the series' price tier) and
 * rounded to whole yuan; the cost is derived from it with a 20–45 % margin; the OEM warranty price is
 * cost × 1.1.
 * ABC class is assigned by ranking expected demand (template velocity × fleet volume): top ≈12 % A,
 * next ≈25 % B, the rest C. A few parts are superseded by a newer index of the same number.
 */
import type { Rng } from './rng.js';

export type PartUnit = '个' | '件' | '套' | '升' | '瓶' | '只' | '根' | '条' | '组' | '桶';

export type PartCategory =
  | '机油及油液'
  | '滤清器'
  | '制动系统'
  | '发动机'
  | '变速箱'
  | '悬挂转向'
  | '电器'
  | '车身覆盖件'
  | '灯具'
  | '玻璃'
  | '内饰'
  | '空调'
  | '轮胎轮毂'
  | '新能源'
  | '精品附件'
  | '美容用品'
  | '油漆辅料'
  | '紧固件';

export type AbcClass = 'A' | 'B' | 'C';

export type DemoPart = {
  partNo: string;
  name: string;
  unit: PartUnit;
  category: PartCategory;
  costFen: number;
  retailFen: number;
  warrantyFen: number;
  abcClass: AbcClass;
  safetyStock: number;
  reorderPoint: number;
  supersededBy?: string;
};

/** Which series a series-level template applies to. */
type Applies = 'all' | 'ice' | 'ev' | 'sedan' | 'tailgate' | 'rearWiper' | 'roofRails' | 'awd';

type Template = {
  name: string;
  /** Main group + sub number, 6 digits, e.g. "698151". */
  num: string;
  category: PartCategory;
  unit: PartUnit;
  /** Retail price range in yuan. */
  price: readonly [number, number];
  /** Relative demand per unit of fleet volume: 10 = oil filter, 1 = ordinary repair part, 0.1 = rare assembly. */
  velocity: number;
  /** Multiplier for stock levels (bulk oil in litres, clips by the dozen …). */
  stockScale?: number;
  applies?: Applies;
};

const t = (
  name: string,
  num: string,
  category: PartCategory,
  unit: PartUnit,
  price: readonly [number, number],
  velocity: number,
  extra: Pick<Template, 'stockScale' | 'applies'> = {},
): Template => ({ name, num, category, unit, price, velocity, ...extra });

type SeriesInfo = {
  code: string;
  name: string;
  prefix: string;
  /** 0 = cheapest series (宝来), 1 = most expensive (揽境); positions the price within a template's range. */
  tier: number;
  /** Relative fleet size in the workshop (drives demand / ABC). */
  volume: number;
  ev: boolean;
  sedan: boolean;
  rearWiper: boolean;
  roofRails: boolean;
  awd: boolean;
};

const SERIES: readonly SeriesInfo[] = [
  { code: 'BORA', name: '宝来', prefix: '18A', tier: 0.0, volume: 0.9, ev: false, sedan: true, rearWiper: false, roofRails: false, awd: false },
  { code: 'SAGITAR', name: '速腾', prefix: '17G', tier: 0.2, volume: 1.0, ev: false, sedan: true, rearWiper: false, roofRails: false, awd: false },
  { code: 'MAGOTAN', name: '迈腾', prefix: '3GD', tier: 0.6, volume: 0.85, ev: false, sedan: true, rearWiper: false, roofRails: false, awd: true },
  { code: 'GOLF', name: '高尔夫', prefix: '5HG', tier: 0.25, volume: 0.45, ev: false, sedan: false, rearWiper: true, roofRails: false, awd: false },
  { code: 'CC', name: 'CC', prefix: '3GG', tier: 0.75, volume: 0.3, ev: false, sedan: true, rearWiper: true, roofRails: true, awd: true },
  { code: 'TROC', name: '探歌', prefix: '2GD', tier: 0.3, volume: 0.6, ev: false, sedan: false, rearWiper: true, roofRails: true, awd: true },
  { code: 'TCROSS', name: '探影', prefix: '2GM', tier: 0.1, volume: 0.35, ev: false, sedan: false, rearWiper: true, roofRails: true, awd: false },
  { code: 'TAYRON', name: '探岳', prefix: '5ND', tier: 0.65, volume: 0.75, ev: false, sedan: false, rearWiper: true, roofRails: true, awd: true },
  { code: 'TALAGON', name: '揽境', prefix: '3CM', tier: 1.0, volume: 0.3, ev: false, sedan: false, rearWiper: true, roofRails: true, awd: true },
  { code: 'ID4', name: 'ID.4 CROZZ', prefix: '11D', tier: 0.55, volume: 0.35, ev: true, sedan: false, rearWiper: true, roofRails: true, awd: true },
  { code: 'ID6', name: 'ID.6 CROZZ', prefix: '11G', tier: 0.75, volume: 0.2, ev: true, sedan: false, rearWiper: true, roofRails: true, awd: true },
  { code: 'ID7', name: 'ID.7 VIZZION', prefix: '14D', tier: 0.7, volume: 0.2, ev: true, sedan: true, rearWiper: false, roofRails: false, awd: true },
];

function applies(s: SeriesInfo, a: Applies | undefined): boolean {
  switch (a ?? 'all') {
    case 'all':
      return true;
    case 'ice':
      return !s.ev;
    case 'ev':
      return s.ev;
    case 'sedan':
      return s.sedan;
    case 'tailgate':
      return !s.sedan;
    case 'rearWiper':
      return s.rearWiper;
    case 'roofRails':
      return s.roofRails;
    case 'awd':
      return s.awd;
  }
}

/** Series-specific parts; named "<part>(<series>)". */
const SERIES_TEMPLATES: readonly Template[] = [
  // 滤清器
  t('空调滤清器', '819653', '滤清器', '个', [68, 138], 8),
  t('活性炭空调滤清器', '819644', '滤清器', '个', [128, 218], 3),
  t('空气滤清器滤芯', '129620', '滤清器', '个', [85, 150], 7, { applies: 'ice' }),
  t('燃油滤清器', '201051', '滤清器', '个', [95, 168], 2, { applies: 'ice' }),
  // 制动系统
  t('前刹车片', '698151', '制动系统', '套', [360, 880], 6),
  t('后刹车片', '698451', '制动系统', '套', [300, 720], 5),
  t('前刹车盘', '615301', '制动系统', '个', [460, 1180], 2.5),
  t('后刹车盘', '615601', '制动系统', '个', [400, 960], 2),
  t('前刹车片报警线', '615121', '制动系统', '根', [45, 95], 2),
  t('左前制动钳', '615123', '制动系统', '个', [1200, 2600], 0.3),
  t('右前制动钳', '615124', '制动系统', '个', [1200, 2600], 0.3),
  t('左后制动钳', '615423', '制动系统', '个', [1500, 3100], 0.25),
  t('右后制动钳', '615424', '制动系统', '个', [1500, 3100], 0.25),
  t('左后电子手刹电机', '615405', '制动系统', '个', [900, 1800], 0.4),
  t('右后电子手刹电机', '615406', '制动系统', '个', [900, 1800], 0.4),
  t('ABS泵总成', '614517', '制动系统', '个', [6200, 12800], 0.1),
  t('左前轮速传感器', '927807', '制动系统', '个', [260, 560], 0.5),
  t('右前轮速传感器', '927808', '制动系统', '个', [260, 560], 0.5),
  t('制动总泵', '611019', '制动系统', '个', [950, 1850], 0.15),
  // 悬挂转向
  t('左前减震器', '413031', '悬挂转向', '个', [720, 1680], 0.6),
  t('右前减震器', '413032', '悬挂转向', '个', [720, 1680], 0.6),
  t('左后减震器', '513049', '悬挂转向', '个', [520, 1250], 0.5),
  t('右后减震器', '513050', '悬挂转向', '个', [520, 1250], 0.5),
  t('前减震器顶胶', '412331', '悬挂转向', '个', [160, 320], 0.8),
  t('前减震器平面轴承', '412249', '悬挂转向', '个', [90, 190], 0.8),
  t('前螺旋弹簧', '411105', '悬挂转向', '根', [280, 560], 0.3),
  t('后螺旋弹簧', '511115', '悬挂转向', '根', [250, 500], 0.3),
  t('左前下摆臂', '407151', '悬挂转向', '个', [620, 1380], 0.6),
  t('右前下摆臂', '407152', '悬挂转向', '个', [620, 1380], 0.6),
  t('左前稳定杆连杆', '411315', '悬挂转向', '根', [130, 280], 1.0),
  t('右前稳定杆连杆', '411316', '悬挂转向', '根', [130, 280], 1.0),
  t('左转向横拉杆外球头', '423811', '悬挂转向', '个', [210, 460], 0.7),
  t('右转向横拉杆外球头', '423812', '悬挂转向', '个', [210, 460], 0.7),
  t('转向机总成', '423053', '悬挂转向', '个', [6200, 12800], 0.08),
  t('前轮轴承', '498621', '悬挂转向', '个', [460, 920], 0.6),
  t('后轮毂轴承单元', '598611', '悬挂转向', '个', [520, 1080], 0.5),
  t('左前半轴总成', '407271', '悬挂转向', '根', [1500, 3200], 0.15),
  t('右前半轴总成', '407272', '悬挂转向', '根', [1500, 3200], 0.15),
  t('半轴外球笼防尘套', '498203', '悬挂转向', '套', [160, 360], 0.8),
  t('发动机右支架', '199262', '发动机', '个', [520, 1150], 0.4, { applies: 'ice' }),
  t('四驱耦合器总成', '525010', '变速箱', '个', [7800, 14800], 0.05, { applies: 'awd' }),
  // 电器
  t('发电机总成', '903026', '电器', '个', [2600, 4800], 0.15, { applies: 'ice' }),
  t('起动机总成', '911021', '电器', '个', [2100, 3600], 0.15, { applies: 'ice' }),
  t('前雨刮片', '998002', '电器', '套', [128, 268], 6),
  t('后雨刮片', '955427', '电器', '条', [68, 128], 2.5, { applies: 'rearWiper' }),
  t('雨刮电机', '955119', '电器', '个', [720, 1380], 0.2),
  t('喇叭(高音)', '951221', '电器', '个', [120, 260], 0.3),
  t('左外后视镜总成', '857507', '电器', '个', [1250, 3200], 0.4),
  t('右外后视镜总成', '857508', '电器', '个', [1250, 3200], 0.4),
  t('左外后视镜镜片', '857521', '电器', '个', [260, 620], 0.5),
  t('右外后视镜镜片', '857522', '电器', '个', [260, 620], 0.5),
  t('倒车雷达探头', '919275', '电器', '只', [220, 460], 1.5),
  t('倒车影像摄像头', '980121', '电器', '个', [1250, 2480], 0.2),
  t('前雷达传感器(ACC)', '907561', '电器', '个', [5200, 9600], 0.1),
  t('中控显示屏', '919605', '电器', '个', [4200, 9800], 0.06),
  t('组合仪表', '920320', '电器', '个', [4100, 8600], 0.05),
  t('车身控制单元(BCM)', '937084', '电器', '个', [1850, 3600], 0.08),
  t('遥控钥匙', '959752', '电器', '个', [820, 1580], 0.6),
  t('左前玻璃升降器电机', '959801', '电器', '个', [520, 1050], 0.3),
  t('右前玻璃升降器电机', '959802', '电器', '个', [520, 1050], 0.3),
  t('主驾玻璃升降开关', '959857', '电器', '个', [220, 520], 0.3),
  t('方向盘多功能开关', '959442', '电器', '个', [520, 1250], 0.15),
  t('转向柱组合开关', '953502', '电器', '个', [620, 1350], 0.15),
  t('驾驶员安全气囊', '880201', '电器', '个', [2600, 4600], 0.1),
  t('副驾驶安全气囊', '880204', '电器', '个', [2600, 5200], 0.08),
  t('安全气囊控制单元', '959655', '电器', '个', [2100, 4200], 0.06),
  t('时钟弹簧(游丝)', '953569', '电器', '个', [520, 1050], 0.2),
  // 灯具
  t('左前大灯总成 LED', '941005', '灯具', '个', [2000, 8000], 0.3),
  t('右前大灯总成 LED', '941006', '灯具', '个', [2000, 8000], 0.3),
  t('左尾灯总成', '945095', '灯具', '个', [900, 2600], 0.3),
  t('右尾灯总成', '945096', '灯具', '个', [900, 2600], 0.3),
  t('左前雾灯', '941699', '灯具', '个', [320, 820], 0.3),
  t('右前雾灯', '941700', '灯具', '个', [320, 820], 0.3),
  t('高位刹车灯', '945097', '灯具', '个', [260, 620], 0.1),
  t('牌照灯', '943021', '灯具', '个', [85, 180], 0.4),
  t('左侧转向灯(后视镜)', '949101', '灯具', '个', [160, 360], 0.3),
  t('右侧转向灯(后视镜)', '949102', '灯具', '个', [160, 360], 0.3),
  // 玻璃
  t('前挡风玻璃', '845011', '玻璃', '件', [1800, 4600], 0.4),
  t('后挡风玻璃', '845051', '玻璃', '件', [1200, 3100], 0.1),
  t('左前门玻璃', '845201', '玻璃', '件', [520, 1150], 0.15),
  t('右前门玻璃', '845202', '玻璃', '件', [520, 1150], 0.15),
  t('左后门玻璃', '845205', '玻璃', '件', [480, 1050], 0.1),
  t('右后门玻璃', '845206', '玻璃', '件', [480, 1050], 0.1),
  t('天窗玻璃', '877071', '玻璃', '件', [3100, 6200], 0.05),
  // 车身覆盖件
  t('前保险杠皮', '807221', '车身覆盖件', '件', [1500, 4000], 0.8),
  t('后保险杠皮', '807421', '车身覆盖件', '件', [1500, 3800], 0.7),
  t('前保险杠骨架', '807109', '车身覆盖件', '件', [620, 1250], 0.4),
  t('前保险杠下格栅', '807683', '车身覆盖件', '件', [220, 520], 0.5),
  t('发动机盖', '823031', '车身覆盖件', '件', [1850, 3900], 0.25),
  t('左前翼子板', '821021', '车身覆盖件', '件', [720, 1650], 0.35),
  t('右前翼子板', '821022', '车身覆盖件', '件', [720, 1650], 0.35),
  t('左前翼子板内衬', '809961', '车身覆盖件', '件', [160, 360], 0.5),
  t('右前翼子板内衬', '809962', '车身覆盖件', '件', [160, 360], 0.5),
  t('左前车门壳', '831055', '车身覆盖件', '件', [2500, 4600], 0.15),
  t('右前车门壳', '831056', '车身覆盖件', '件', [2500, 4600], 0.15),
  t('左后车门壳', '833055', '车身覆盖件', '件', [2300, 4300], 0.12),
  t('右后车门壳', '833056', '车身覆盖件', '件', [2300, 4300], 0.12),
  t('行李箱盖', '827025', '车身覆盖件', '件', [2400, 4200], 0.12, { applies: 'sedan' }),
  t('尾门', '827025', '车身覆盖件', '件', [2800, 5200], 0.12, { applies: 'tailgate' }),
  t('中网(进气格栅)', '853651', '车身覆盖件', '件', [620, 2100], 0.4),
  t('左后视镜壳', '857537', '车身覆盖件', '个', [160, 420], 0.6),
  t('右后视镜壳', '857538', '车身覆盖件', '个', [160, 420], 0.6),
  t('水箱框架', '805588', '车身覆盖件', '件', [820, 1850], 0.15),
  t('前门外把手', '837205', '车身覆盖件', '个', [160, 360], 0.3),
  t('前车标', '853601', '车身覆盖件', '个', [160, 380], 0.4),
  // 空调 / 冷却
  t('散热器(水箱)', '121251', '空调', '个', [920, 1850], 0.2, { applies: 'ice' }),
  t('冷凝器', '816411', '空调', '个', [1050, 2100], 0.2),
  t('空调压缩机', '820803', '空调', '个', [4100, 7600], 0.08, { applies: 'ice' }),
  t('电子扇总成', '959455', '空调', '个', [1250, 2600], 0.15),
  t('暖风水箱', '819031', '空调', '个', [620, 1250], 0.05),
  t('鼓风机', '819015', '空调', '个', [620, 1250], 0.2),
  t('鼓风机调速模块', '907521', '空调', '个', [260, 520], 0.3),
  t('膨胀阀', '820679', '空调', '个', [320, 620], 0.15),
  t('空调控制面板', '907044', '空调', '个', [1250, 2600], 0.06),
  t('膨胀水壶', '121407', '空调', '个', [160, 360], 0.3),
  t('散热器下水管', '121051', '空调', '根', [160, 360], 0.3, { applies: 'ice' }),
  // 内饰
  t('主驾座椅面套', '881405', '内饰', '件', [1250, 2600], 0.08),
  t('真皮方向盘总成', '419091', '内饰', '个', [1550, 3300], 0.06),
  t('换挡手柄', '711113', '内饰', '个', [420, 920], 0.1),
  t('左遮阳板', '857551', '内饰', '个', [260, 520], 0.1),
  t('右遮阳板', '857552', '内饰', '个', [260, 520], 0.1),
  t('手套箱总成', '857097', '内饰', '个', [620, 1250], 0.06),
  t('防眩目内后视镜', '857511', '内饰', '个', [620, 1250], 0.1),
  t('杯架', '862531', '内饰', '个', [160, 320], 0.1),
  // 排气
  t('三元催化器', '254502', '发动机', '个', [3600, 7200], 0.08, { applies: 'ice' }),
  t('排气管后消声器', '253609', '发动机', '个', [1250, 2600], 0.1, { applies: 'ice' }),
  // 轮胎轮毂
  t('原厂铝合金轮毂', '601025', '轮胎轮毂', '个', [1500, 4200], 0.3),
  t('轮毂中心盖', '601171', '轮胎轮毂', '个', [60, 128], 1.0),
  // 精品附件
  t('原厂全包围脚垫', '061500', '精品附件', '套', [620, 1280], 1.2),
  t('原厂后备箱垫', '061160', '精品附件', '件', [260, 520], 0.8),
  t('原厂行车记录仪', '063505', '精品附件', '个', [920, 1680], 0.6),
  t('原厂挡泥板', '075111', '精品附件', '套', [220, 420], 0.8),
  t('原厂车衣', '061205', '精品附件', '件', [520, 920], 0.3),
  t('原厂迎宾踏板', '071303', '精品附件', '套', [620, 1350], 0.4),
  t('原厂晴雨挡', '073110', '精品附件', '套', [320, 620], 0.6),
  t('行李架横杆', '071151', '精品附件', '套', [1250, 2300], 0.2, { applies: 'roofRails' }),
];

/** High-voltage parts, only for the ID. series; named "<part>(<series>)". */
const EV_TEMPLATES: readonly Template[] = [
  t('高压动力电池模组', '915591', '新能源', '个', [18000, 32000], 0.03),
  t('电池管理控制单元', '915234', '新能源', '个', [4200, 8200], 0.05),
  t('驱动电机总成', '901101', '新能源', '个', [15000, 28000], 0.02),
  t('电机控制器', '907121', '新能源', '个', [8200, 15500], 0.03),
  t('车载充电机', '915682', '新能源', '个', [6200, 10500], 0.05),
  t('高压线束', '971029', '新能源', '根', [2100, 5200], 0.05),
  t('充电口总成', '915541', '新能源', '个', [1250, 2600], 0.15),
  t('DC/DC转换器', '959663', '新能源', '个', [3100, 6200], 0.05),
  t('电动空调压缩机', '820811', '新能源', '个', [6200, 11500], 0.05),
  t('PTC加热器', '963231', '新能源', '个', [2100, 4200], 0.08),
  t('电池冷却液泵', '965567', '新能源', '个', [820, 1550], 0.15),
  t('减速器总成', '301103', '新能源', '个', [8200, 14500], 0.02),
  t('随车充电枪', '971675', '新能源', '套', [1800, 3100], 0.3),
];

type EngineInfo = {
  label: string;
  prefix: string;
  timing: 'belt' | 'chain';
  turbo: boolean;
  /** Price position within a template's range. */
  tier: number;
  volume: number;
};

/** Engines in the range (EA211 family with timing belt, EA888 with chain). */
const ENGINES: readonly EngineInfo[] = [
  { label: 'EA211 1.5L', prefix: '04C', timing: 'belt', turbo: false, tier: 0.0, volume: 0.8 },
  { label: 'EA211 1.2T', prefix: '03F', timing: 'belt', turbo: true, tier: 0.2, volume: 1.5 },
  { label: 'EA211 1.4T', prefix: '04E', timing: 'belt', turbo: true, tier: 0.35, volume: 0.6 },
  { label: 'EA211 1.5T', prefix: '05E', timing: 'belt', turbo: true, tier: 0.4, volume: 0.9 },
  { label: 'EA888 2.0T', prefix: '06L', timing: 'chain', turbo: true, tier: 1.0, volume: 1.8 },
];

type EngineTemplate = Template & { only?: 'belt' | 'chain' | 'turbo' };

const ENGINE_TEMPLATES: readonly EngineTemplate[] = [
  t('机油滤清器', '115561', '滤清器', '个', [45, 88], 10),
  t('火花塞', '905601', '发动机', '只', [62, 125], 6, { stockScale: 4 }),
  t('放油螺丝', '103801', '发动机', '个', [18, 35], 8, { stockScale: 2 }),
  t('点火线圈', '905110', '发动机', '个', [360, 660], 1.2),
  { ...t('正时皮带', '109119', '发动机', '根', [380, 720], 0.8), only: 'belt' },
  { ...t('正时皮带张紧轮', '109243', '发动机', '个', [420, 820], 0.6), only: 'belt' },
  { ...t('正时皮带套件', '198119', '发动机', '套', [980, 1680], 0.5), only: 'belt' },
  { ...t('正时链条', '109158', '发动机', '根', [650, 1150], 0.3), only: 'chain' },
  { ...t('正时链条张紧器', '109467', '发动机', '个', [580, 980], 0.3), only: 'chain' },
  { ...t('正时链条套件', '198229', '发动机', '套', [2600, 4200], 0.3), only: 'chain' },
  t('水泵总成', '121111', '发动机', '个', [820, 1850], 0.5),
  t('节温器', '121113', '发动机', '个', [320, 720], 0.5),
  t('气门室盖垫', '103483', '发动机', '个', [130, 260], 0.6),
  t('油底壳', '103600', '发动机', '个', [620, 1250], 0.15),
  t('油底壳垫', '103609', '发动机', '个', [85, 180], 0.4),
  { ...t('涡轮增压器总成', '145722', '发动机', '个', [6200, 12500], 0.08), only: 'turbo' },
  { ...t('增压器进气管', '145673', '发动机', '根', [420, 880], 0.2), only: 'turbo' },
  t('高压油泵', '127025', '发动机', '个', [2600, 4600], 0.1),
  t('喷油嘴', '906036', '发动机', '只', [620, 1150], 0.3),
  t('进气歧管', '129709', '发动机', '个', [1550, 3100], 0.08),
  t('曲轴后油封', '103171', '发动机', '个', [220, 420], 0.3),
  t('凸轮轴油封', '103085', '发动机', '个', [85, 160], 0.3),
  t('机油泵', '115105', '发动机', '个', [1250, 2600], 0.05),
  t('曲轴位置传感器', '906433', '发动机', '个', [320, 520], 0.3),
  t('凸轮轴位置传感器', '907601', '发动机', '个', [260, 480], 0.3),
  t('前氧传感器', '906262', '发动机', '个', [680, 1250], 0.3),
  t('后氧传感器', '906265', '发动机', '个', [620, 1150], 0.25),
  t('爆震传感器', '905377', '发动机', '个', [260, 480], 0.15),
  t('节气门体', '133062', '发动机', '个', [1250, 2300], 0.15),
  t('碳罐电磁阀', '906517', '发动机', '个', [260, 460], 0.3),
  t('油气分离器(PCV阀)', '103495', '发动机', '个', [420, 920], 0.4),
  t('气缸盖垫', '103383', '发动机', '个', [320, 620], 0.1),
  t('活塞环', '198151', '发动机', '套', [820, 1550], 0.05),
  t('发动机大修包', '198012', '发动机', '套', [2100, 4200], 0.05),
  t('多楔带', '903137', '发动机', '根', [160, 320], 1.0),
  t('多楔带张紧器', '903315', '发动机', '个', [420, 820], 0.3),
];

type GearboxInfo = { label: string; prefix: string; kind: 'dsg-dry' | 'dsg-wet' | 'at'; tier: number; volume: number };

const GEARBOXES: readonly GearboxInfo[] = [
  { label: 'DQ200 7速DSG', prefix: '0CW', kind: 'dsg-dry', tier: 0.2, volume: 2.5 },
  { label: 'DQ381 7速DSG', prefix: '0GC', kind: 'dsg-wet', tier: 0.9, volume: 1.8 },
  { label: 'DQ400E 6速DSG', prefix: '0DD', kind: 'dsg-wet', tier: 1.0, volume: 0.3 },
  { label: 'AQ160 6速手自一体', prefix: '09S', kind: 'at', tier: 0.0, volume: 0.8 },
];

type GearboxTemplate = Template & { only?: 'dsg' | 'wet' };

const GEARBOX_TEMPLATES: readonly GearboxTemplate[] = [
  { ...t('双离合器总成', '141030', '变速箱', '套', [6200, 12500], 0.1), only: 'dsg' },
  { ...t('机电单元', '927711', '变速箱', '个', [9200, 16500], 0.08), only: 'dsg' },
  { ...t('分离轴承', '141671', '变速箱', '个', [620, 1250], 0.1), only: 'dsg' },
  { ...t('变速箱油滤清器', '325183', '滤清器', '个', [120, 260], 1.5), only: 'wet' },
  t('变速箱总成', '300040', '变速箱', '个', [25000, 46000], 0.01),
  t('变速箱油底壳垫', '321370', '变速箱', '个', [120, 260], 0.2),
  t('左半轴油封', '409189', '变速箱', '个', [120, 240], 0.3),
  t('右半轴油封', '409190', '变速箱', '个', [120, 240], 0.3),
  t('输入轴油封', '311113', '变速箱', '个', [160, 320], 0.15),
  t('变速箱放油螺丝', '301825', '变速箱', '个', [35, 75], 1.0),
  t('换挡拨叉', '311541', '变速箱', '个', [620, 1250], 0.05),
  t('变速箱支架', '199555', '变速箱', '个', [420, 920], 0.2),
];

/** Generic parts with their own full part number (prefix + 6 digits). */
type GenericTemplate = Template & { prefix: string };

const g = (
  prefix: string,
  name: string,
  num: string,
  category: PartCategory,
  unit: PartUnit,
  price: readonly [number, number],
  velocity: number,
  stockScale = 1,
): GenericTemplate => ({ prefix, name, num, category, unit, price, velocity, stockScale });

const GENERIC: readonly GenericTemplate[] = [
  // 机油及油液 (ZVW = VW service products)
  g('ZVW', '原厂机油 5W-30 4L', '503004', '机油及油液', '桶', [380, 480], 10, 4),
  g('ZVW', '原厂机油 5W-30 1L', '503001', '机油及油液', '瓶', [98, 128], 8, 4),
  g('ZVW', '原厂机油 5W-40 4L', '502004', '机油及油液', '桶', [360, 460], 6, 3),
  g('ZVW', '原厂机油 5W-40 1L', '502001', '机油及油液', '瓶', [92, 118], 5, 3),
  g('ZVW', '原厂机油 0W-20 4L', '508004', '机油及油液', '桶', [420, 520], 6, 3),
  g('ZVW', '原厂机油 0W-20 1L', '508001', '机油及油液', '瓶', [108, 138], 5, 3),
  g('ZVW', '原厂机油 0W-30 4L', '504004', '机油及油液', '桶', [430, 530], 3, 2),
  g('ZVW', '原厂机油 5W-30 散装', '503208', '机油及油液', '升', [85, 110], 10, 40),
  g('ZVW', '原厂机油 0W-20 散装', '508208', '机油及油液', '升', [95, 120], 6, 30),
  g('ZVW', 'DSG变速箱油 DQ200 1L', '052182', '机油及油液', '瓶', [150, 230], 2, 6),
  g('ZVW', 'DSG变速箱油 DQ381 1L', '052529', '机油及油液', '瓶', [160, 240], 2, 6),
  g('ZVW', '自动变速箱油 ATF 1L', '055025', '机油及油液', '瓶', [130, 210], 1.5, 6),
  g('ZVW', '四驱分动器油 Haldex 0.85L', '055175', '机油及油液', '瓶', [180, 280], 0.8, 2),
  g('ZVW', '减速器油 1L', '052145', '机油及油液', '瓶', [160, 260], 0.5, 2),
  g('ZVW', '刹车油 DOT4 1L', '766000', '机油及油液', '瓶', [88, 138], 6, 4),
  g('ZVW', '防冻液 G13 1.5L', '774012', '机油及油液', '瓶', [110, 168], 5, 4),
  g('ZVW', '防冻液 G13 4L', '774040', '机油及油液', '桶', [260, 380], 2, 2),
  g('ZVW', '玻璃水(防冻型) 2L', '770020', '机油及油液', '瓶', [25, 45], 8, 10),
  g('ZVW', '空调冷媒 R1234yf', '841250', '空调', '瓶', [460, 780], 1.5, 2),
  g('ZVW', '空调冷媒 R134a', '841134', '空调', '瓶', [120, 220], 2, 3),
  g('ZVW', '空调压缩机油 PAG', '841046', '空调', '瓶', [160, 260], 0.8, 2),
  g('ZVW', '燃油系统清洗剂', '237105', '机油及油液', '瓶', [68, 128], 6, 6),
  g('ZVW', '节气门清洗剂', '237107', '机油及油液', '瓶', [45, 88], 4, 6),
  g('ZVW', '发动机内部清洗剂', '237112', '机油及油液', '瓶', [88, 158], 3, 4),
  g('ZVW', '制动系统清洗剂', '237118', '机油及油液', '瓶', [35, 68], 3, 6),
  g('ZVW', '润滑脂 多用途', '237130', '机油及油液', '瓶', [45, 85], 1, 2),
  // 蓄电池 (000 915 …)
  g('000', '蓄电池 12V 45Ah', '915105', '电器', '个', [620, 880], 1.5, 2),
  g('000', '蓄电池 12V 59Ah EFB', '915105', '电器', '个', [780, 1080], 2, 2),
  g('000', '蓄电池 12V 68Ah AGM', '915105', '电器', '个', [1080, 1480], 2, 2),
  g('000', '蓄电池 12V 70Ah AGM', '915105', '电器', '个', [1150, 1580], 1, 2),
  g('000', '蓄电池 12V 38Ah(纯电辅助)', '915105', '电器', '个', [720, 1050], 0.5, 1),
  // 灯泡 (N01 …)
  g('N01', '灯泡 H7 12V 55W', '775312', '灯具', '只', [38, 68], 3, 4),
  g('N01', '灯泡 H8 12V 35W', '775402', '灯具', '只', [42, 78], 1.5, 3),
  g('N01', '灯泡 H4 12V 60/55W', '775322', '灯具', '只', [38, 68], 1, 2),
  g('N01', '灯泡 W5W 12V', '775901', '灯具', '只', [6, 12], 4, 10),
  g('N01', '灯泡 P21W 12V', '775902', '灯具', '只', [8, 15], 3, 8),
  g('N01', '灯泡 PY21W 12V', '775903', '灯具', '只', [10, 18], 2, 6),
  g('N01', '灯泡 P21/5W 12V', '775904', '灯具', '只', [10, 18], 2, 6),
  g('N01', '灯泡 R10W 12V', '775905', '灯具', '只', [8, 15], 1, 4),
  // 保险丝 / 继电器
  g('N01', '插片保险丝 10A', '713101', '电器', '个', [4, 8], 3, 20),
  g('N01', '插片保险丝 15A', '713102', '电器', '个', [4, 8], 3, 20),
  g('N01', '插片保险丝 20A', '713103', '电器', '个', [4, 8], 2, 20),
  g('N01', '插片保险丝 30A', '713104', '电器', '个', [5, 10], 1, 10),
  g('N01', '大电流保险丝 60A', '713106', '电器', '个', [28, 55], 0.5, 4),
  g('N01', '继电器 4脚', '951253', '电器', '个', [68, 128], 0.5, 2),
  g('N01', '继电器 5脚', '951255', '电器', '个', [78, 148], 0.4, 2),
  // 雨刮 (通用)
  g('000', '无骨雨刮片 24寸', '998024', '电器', '条', [68, 118], 2, 4),
  g('000', '无骨雨刮片 18寸', '998018', '电器', '条', [58, 98], 2, 4),
  // 美容用品
  g('ZVW', '镀晶剂', '096301', '美容用品', '瓶', [380, 680], 2, 3),
  g('ZVW', '镀膜剂', '096302', '美容用品', '瓶', [260, 460], 1.5, 3),
  g('ZVW', '洗车液 20L', '096105', '美容用品', '桶', [260, 420], 3, 2),
  g('ZVW', '洗车液 1L', '096101', '美容用品', '瓶', [38, 68], 2, 6),
  g('ZVW', '车蜡', '096201', '美容用品', '瓶', [88, 168], 2, 4),
  g('ZVW', '抛光蜡', '096202', '美容用品', '瓶', [120, 220], 1.5, 3),
  g('ZVW', '研磨剂', '096203', '美容用品', '瓶', [150, 260], 1.5, 3),
  g('ZVW', '轮胎光亮剂', '096401', '美容用品', '瓶', [38, 68], 3, 6),
  g('ZVW', '内饰清洁剂', '096402', '美容用品', '瓶', [45, 78], 3, 6),
  g('ZVW', '玻璃清洁剂', '096403', '美容用品', '瓶', [32, 58], 3, 6),
  g('ZVW', '皮革护理剂', '096404', '美容用品', '瓶', [78, 138], 1.5, 4),
  g('ZVW', '发动机外部清洁剂', '096405', '美容用品', '瓶', [45, 78], 2, 4),
  g('ZVW', '空调管道清洗剂', '096406', '美容用品', '瓶', [88, 158], 3, 6),
  g('ZVW', '车内除味杀菌剂', '096407', '美容用品', '瓶', [68, 128], 2, 4),
  g('ZVW', '柏油清洁剂', '096408', '美容用品', '瓶', [45, 78], 1.5, 4),
  g('ZVW', '漆面划痕修复剂', '096409', '美容用品', '瓶', [68, 128], 1, 3),
  g('ZVW', '底盘装甲', '096501', '美容用品', '桶', [180, 320], 1, 3),
  g('000', '超细纤维洗车毛巾', '096601', '美容用品', '条', [15, 30], 3, 20),
  g('000', '麂皮巾', '096602', '美容用品', '条', [38, 68], 1.5, 6),
  g('000', '洗车海绵', '096603', '美容用品', '个', [10, 20], 2, 10),
  g('000', '前挡隔热膜', '096701', '美容用品', '套', [880, 1680], 0.6, 2),
  g('000', '全车隔热膜', '096702', '美容用品', '套', [2800, 5800], 0.4, 1),
  g('000', '漆面保护膜(TPU)', '096703', '美容用品', '套', [6800, 12800], 0.1, 1),
  // 油漆辅料
  g('LRK', '清漆 1L', '210001', '油漆辅料', '升', [220, 380], 2, 10),
  g('LRK', '固化剂 0.5L', '210005', '油漆辅料', '瓶', [120, 220], 2, 6),
  g('LRK', '稀释剂', '210011', '油漆辅料', '升', [68, 120], 2, 10),
  g('LRK', '中涂底漆', '210021', '油漆辅料', '升', [180, 320], 1.5, 6),
  g('LRK', '原子灰', '210031', '油漆辅料', '桶', [88, 158], 1.5, 4),
  g('LRK', '色母 白', '210101', '油漆辅料', '升', [320, 520], 1, 4),
  g('LRK', '色母 黑', '210102', '油漆辅料', '升', [320, 520], 1, 4),
  g('LRK', '色母 银粉', '210103', '油漆辅料', '升', [460, 760], 0.8, 3),
  g('LRK', '色母 珍珠', '210104', '油漆辅料', '升', [520, 880], 0.5, 2),
  g('LRK', '砂纸 P800', '210201', '油漆辅料', '套', [45, 88], 2, 6),
  g('LRK', '遮蔽纸', '210211', '油漆辅料', '套', [38, 68], 2, 6),
  g('LRK', '车身密封胶', '210301', '油漆辅料', '瓶', [68, 128], 0.8, 3),
  g('LRK', '玻璃胶(风挡)', '210311', '油漆辅料', '瓶', [120, 220], 0.8, 3),
];

/** Tyre sizes used across the range × tyre brands; part numbers 000 601 xxx. */
const TYRE_SIZES: readonly (readonly [string, number])[] = [
  ['205/55 R16', 620],
  ['205/60 R16', 640],
  ['215/55 R17', 760],
  ['225/45 R18', 980],
  ['235/55 R18', 1050],
  ['235/50 R19', 1280],
  ['255/45 R20', 1580],
  ['235/45 R21', 1880],
];
const TYRE_BRANDS: readonly (readonly [string, number])[] = [
  ['米其林', 1.15],
  ['马牌', 1.05],
  ['普利司通', 1.05],
  ['倍耐力', 1.1],
  ['固特异', 0.95],
  ['佳通', 0.7],
];

/** Fasteners and clips (WHT / N10 numbers). */
const FASTENERS: readonly (readonly [name: string, price: number, velocity: number])[] = [
  ['六角法兰螺栓 M6×16', 3, 2],
  ['六角法兰螺栓 M6×20', 3, 2],
  ['六角法兰螺栓 M8×20', 4, 2],
  ['六角法兰螺栓 M8×35', 5, 1.5],
  ['六角法兰螺栓 M10×35', 6, 1.5],
  ['六角法兰螺栓 M10×60', 8, 1],
  ['内多角螺栓 M8×25', 6, 1],
  ['内多角螺栓 M10×45', 8, 1],
  ['内多角螺栓 M12×70', 12, 0.8],
  ['自攻螺钉 4.2×16', 2, 2],
  ['自攻螺钉 4.8×19', 2, 2],
  ['螺母 M6', 2, 2],
  ['螺母 M8', 3, 2],
  ['自锁螺母 M10', 4, 1.5],
  ['自锁螺母 M12', 5, 1.5],
  ['自锁螺母 M14×1.5', 8, 1],
  ['车轮螺栓 M14×1.5', 18, 2],
  ['车轮防盗螺栓', 260, 0.5],
  ['保险杠卡扣', 3, 4],
  ['翼子板内衬卡扣', 3, 4],
  ['内饰板卡扣', 3, 4],
  ['门板卡扣', 3, 3],
  ['发动机下护板卡扣', 4, 3],
  ['水箱框架卡扣', 3, 2],
  ['线束扎带卡扣', 2, 3],
  ['放油螺丝密封垫', 5, 6],
  ['密封圈 14×20', 3, 2],
  ['O形圈 10×2', 3, 2],
  ['O形圈 18×2.5', 4, 2],
  ['弹簧卡箍 25mm', 6, 1.5],
  ['弹簧卡箍 32mm', 6, 1.5],
  ['蜗杆卡箍 40-60mm', 8, 1],
  ['制动钳导向螺栓', 28, 1.5],
  ['刹车盘固定螺丝', 6, 1.5],
  ['半轴螺栓', 35, 1],
  ['摆臂螺栓', 28, 1],
  ['稳定杆连杆螺母', 8, 1.5],
  ['排气管密封垫', 28, 1],
  ['排气管卡箍', 45, 1],
  ['门铰链螺栓', 8, 0.8],
  ['座椅固定螺栓', 12, 0.5],
  ['安全带固定螺栓', 18, 0.5],
  ['发动机护板螺栓', 5, 2],
  ['牌照固定螺丝', 3, 2],
  ['膨胀螺母', 3, 1.5],
];

/** Suffix index letters used by VW (I, O and Q are avoided). */
const SUFFIX_LETTERS = 'ABCDEFGHJKLMNPRST';

const round = Math.round;

/** ≈2,000 parts with unique part numbers. Deterministic for a given rng state. */
export function demoParts(rng: Rng): DemoPart[] {
  type Draft = Omit<DemoPart, 'abcClass' | 'safetyStock' | 'reorderPoint'> & {
    demand: number;
    stockScale: number;
    base: string;
    suffix: string;
  };
  const drafts: Draft[] = [];
  const used = new Set<string>();

  const randomSuffix = (): string => {
    const r = rng.next();
    if (r < 0.45) return '';
    const letter = (): string => SUFFIX_LETTERS.charAt(rng.int(0, SUFFIX_LETTERS.length - 1));
    return r < 0.9 ? letter() : letter() + letter();
  };

  /** Reserve a unique part number for `base`: try a random index, then successive single letters. */
  const reserve = (base: string): { partNo: string; suffix: string } => {
    const first = randomSuffix();
    if (!used.has(base + first)) {
      used.add(base + first);
      return { partNo: base + first, suffix: first };
    }
    for (const candidate of ['', ...SUFFIX_LETTERS]) {
      if (!used.has(base + candidate)) {
        used.add(base + candidate);
        return { partNo: base + candidate, suffix: candidate };
      }
    }
    throw new Error(`demoParts: no free index for ${base}`);
  };

  const priceOf = (range: readonly [number, number], tier: number): number => {
    const [lo, hi] = range;
    const pos = Math.min(1, Math.max(0, tier + (rng.next() - 0.5) * 0.2));
    return lo + (hi - lo) * pos;
  };

  const addPart = (
    base: string,
    name: string,
    tpl: Pick<Template, 'category' | 'unit' | 'velocity' | 'stockScale'>,
    retailTargetYuan: number,
    volume: number,
  ): void => {
    const { partNo, suffix } = reserve(base);
    const margin = 0.2 + rng.next() * 0.25;
    const retailFen = Math.max(2, round(retailTargetYuan)) * 100;
    const costFen = round(retailFen / (1 + margin));
    drafts.push({
      partNo,
      name,
      unit: tpl.unit,
      category: tpl.category,
      costFen,
      retailFen,
      warrantyFen: round(costFen * 1.1),
      demand: tpl.velocity * volume * (0.8 + rng.next() * 0.4),
      stockScale: tpl.stockScale ?? 1,
      base,
      suffix,
    });
  };

  // Series-specific parts.
  for (const s of SERIES) {
    for (const tpl of SERIES_TEMPLATES) {
      if (!applies(s, tpl.applies)) continue;
      addPart(s.prefix + tpl.num, `${tpl.name}(${s.name})`, tpl, priceOf(tpl.price, s.tier), s.volume);
    }
    if (s.ev) {
      for (const tpl of EV_TEMPLATES) {
        addPart(s.prefix + tpl.num, `${tpl.name}(${s.name})`, tpl, priceOf(tpl.price, s.tier), s.volume);
      }
    }
  }

  // Engine parts.
  for (const e of ENGINES) {
    for (const tpl of ENGINE_TEMPLATES) {
      if (tpl.only === 'belt' && e.timing !== 'belt') continue;
      if (tpl.only === 'chain' && e.timing !== 'chain') continue;
      if (tpl.only === 'turbo' && !e.turbo) continue;
      addPart(e.prefix + tpl.num, `${tpl.name} ${e.label}`, tpl, priceOf(tpl.price, e.tier), e.volume);
    }
  }

  // Gearbox parts.
  for (const gb of GEARBOXES) {
    for (const tpl of GEARBOX_TEMPLATES) {
      if (tpl.only === 'dsg' && gb.kind === 'at') continue;
      if (tpl.only === 'wet' && gb.kind === 'dsg-dry') continue;
      addPart(gb.prefix + tpl.num, `${tpl.name} ${gb.label}`, tpl, priceOf(tpl.price, gb.tier), gb.volume);
    }
  }

  // Generic parts, fluids, consumables.
  for (const tpl of GENERIC) {
    addPart(tpl.prefix + tpl.num, tpl.name, tpl, priceOf(tpl.price, 0.5), 1);
  }

  // Tyres.
  TYRE_SIZES.forEach(([size, basePrice], i) => {
    TYRE_BRANDS.forEach(([brand, factor], j) => {
      const num = `601${String(300 + i * 10 + j).padStart(3, '0')}`;
      const tpl = { category: '轮胎轮毂' as const, unit: '条' as const, velocity: i < 4 ? 0.6 : 0.3, stockScale: 4 };
      addPart('000' + num, `轮胎 ${brand} ${size}`, tpl, basePrice * factor * (0.95 + rng.next() * 0.1), 1);
    });
  });

  // Fasteners.
  FASTENERS.forEach(([name, price, velocity], i) => {
    const num = `${String(1 + Math.floor(i / 20)).padStart(3, '0')}${String(100 + (i % 20) * 17).padStart(3, '0')}`;
    const tpl = { category: '紧固件' as const, unit: '个' as const, velocity: velocity * 0.5, stockScale: 10 };
    addPart('WHT' + num, name, tpl, price * (0.9 + rng.next() * 0.2), 1);
  });

  // ABC classification by expected demand.
  const order = drafts.map((d, i) => [i, d.demand] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const aCount = round(drafts.length * 0.12);
  const bCount = round(drafts.length * 0.25);
  const classOf: AbcClass[] = new Array<AbcClass>(drafts.length).fill('C');
  order.forEach(([idx], rank) => {
    classOf[idx] = rank < aCount ? 'A' : rank < aCount + bCount ? 'B' : 'C';
  });

  const parts: DemoPart[] = drafts.map((d, i) => {
    const abcClass = classOf[i] ?? 'C';
    const base = abcClass === 'A' ? rng.int(4, 10) : abcClass === 'B' ? rng.int(1, 3) : rng.int(0, 1);
    const safetyStock = round(base * d.stockScale);
    const reorderPoint = safetyStock + Math.max(1, round(safetyStock * 0.5)) + rng.int(0, abcClass === 'C' ? 1 : 2);
    return {
      partNo: d.partNo,
      name: d.name,
      unit: d.unit,
      category: d.category,
      costFen: d.costFen,
      retailFen: d.retailFen,
      warrantyFen: d.warrantyFen,
      abcClass,
      safetyStock,
      reorderPoint,
    };
  });

  // Supersessions (替代): ≈3 % of hardware parts with an index letter get an older predecessor that is
  // superseded by the current part number. Fluids, consumables and fasteners are excluded.
  const hardware = new Set<PartCategory>(['滤清器', '制动系统', '发动机', '变速箱', '悬挂转向', '电器', '灯具', '空调', '车身覆盖件', '新能源']);
  const superseded: DemoPart[] = [];
  drafts.forEach((d, i) => {
    const current = parts[i];
    if (!current || !hardware.has(d.category) || d.suffix.length !== 1 || !rng.chance(0.05)) return;
    const pos = SUFFIX_LETTERS.indexOf(d.suffix);
    const olderSuffix = pos <= 0 ? '' : SUFFIX_LETTERS.charAt(pos - 1);
    const oldNo = d.base + olderSuffix;
    if (used.has(oldNo)) return;
    used.add(oldNo);
    const retailFen = Math.max(200, round((d.retailFen * 0.95) / 100) * 100);
    const costFen = round(retailFen / (1.2 + rng.next() * 0.25));
    superseded.push({
      partNo: oldNo,
      name: d.name,
      unit: d.unit,
      category: d.category,
      costFen,
      retailFen,
      warrantyFen: round(costFen * 1.1),
      abcClass: 'C',
      safetyStock: 0,
      reorderPoint: 1,
      supersededBy: current.partNo,
    });
  });

  return [...parts, ...superseded];
}
