/**
 * Demo labour operations (工时项目): code, name, repair type and standard hours (工时定额).
 * Structured by system; codes are `LB-<SYSTEM>-<4 digits>`, numbered in catalogue order.
 * Panel work (钣金/喷漆) is generated per panel × action, with panel-size factors and a small
 * deterministic variation drawn from the rng.
 */
import type { Rng } from './rng.js';
import type { RepairTypeCode } from './repair-types.js';

export type DemoLabourOperation = {
  code: string;
  name: string;
  repairTypeCode: RepairTypeCode;
  /** Decimal string with exactly two places, e.g. "0.50". */
  standardHours: string;
};

type Row = readonly [name: string, hours: number];

/** Formats hours (rounded to 0.05 h) as a two-decimal string without floating-point artefacts. */
export function formatHours(hours: number): string {
  const hundredths = Math.max(5, Math.round((hours * 100) / 5) * 5);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const MAINTENANCE_ITEMS: readonly Row[] = [
  ['更换机油机滤', 0.5],
  ['更换空气滤芯', 0.2],
  ['更换空调滤芯', 0.3],
  ['更换燃油滤清器', 0.6],
  ['更换火花塞(4缸)', 0.8],
  ['更换制动液', 0.8],
  ['更换DSG变速箱油(DQ200)', 1.0],
  ['更换DSG变速箱油及滤芯(DQ381)', 1.2],
  ['更换自动变速箱油(6AT)', 1.2],
  ['更换冷却液', 1.0],
  ['更换四驱分动器油(Haldex)', 0.6],
  ['更换雨刮片', 0.1],
  ['保养灯归零', 0.1],
  ['常规保养检查(40项)', 0.5],
  ['轮胎换位', 0.5],
  ['清洗节气门', 0.8],
  ['燃油系统免拆清洗', 0.8],
  ['更换减速器油(纯电)', 0.8],
  ['纯电车型定期保养检查', 0.8],
];

const MAINTENANCE_PACKAGES_KM = [5000, 7500, 10000, 15000, 20000, 30000, 40000, 45000, 50000, 60000] as const;

/** Package hours grow at the "big service" milestones (30 000 / 60 000 km adds plugs, fluids). */
function packageHours(km: number): number {
  if (km % 60000 === 0) return 2.8;
  if (km % 30000 === 0) return 1.8;
  if (km % 20000 === 0) return 1.2;
  if (km >= 10000) return 0.9;
  return 0.6;
}

const ENGINE: readonly Row[] = [
  ['发动机故障诊断', 0.5],
  ['发动机异响检查', 0.8],
  ['更换正时皮带及张紧轮(EA211)', 3.2],
  ['更换正时链条套件(EA888)', 6.5],
  ['更换水泵', 2.2],
  ['更换节温器', 1.5],
  ['更换气门室盖垫', 1.2],
  ['更换油底壳垫', 1.8],
  ['更换曲轴后油封', 6.0],
  ['更换点火线圈(单缸)', 0.3],
  ['更换喷油嘴(全部)', 2.5],
  ['更换高压油泵', 1.8],
  ['更换涡轮增压器', 4.5],
  ['更换节气门体', 0.8],
  ['更换进气歧管', 2.5],
  ['更换氧传感器(前)', 0.6],
  ['更换氧传感器(后)', 0.6],
  ['更换曲轴位置传感器', 0.8],
  ['更换凸轮轴位置传感器', 0.5],
  ['更换机油泵', 4.0],
  ['更换油气分离器(PCV阀)', 0.8],
  ['更换多楔带', 0.6],
  ['更换多楔带张紧器', 0.8],
  ['更换发动机支架(右)', 1.2],
  ['更换碳罐电磁阀', 0.5],
  ['更换三元催化器', 1.5],
  ['更换排气管后消声器', 1.0],
  ['清除积碳(核桃砂)', 3.0],
  ['更换气缸盖垫', 8.0],
  ['发动机吊装', 8.5],
  ['发动机大修', 24.0],
  ['更换发电机', 1.2],
  ['更换起动机', 1.0],
  ['更换散热器', 2.0],
  ['更换电子扇总成', 1.0],
];

const TRANSMISSION: readonly Row[] = [
  ['变速箱故障诊断', 0.5],
  ['变速箱基本设定(自适应)', 0.5],
  ['更换双离合器总成(DQ200)', 5.5],
  ['更换双离合器总成(DQ381)', 6.5],
  ['更换机电单元(DQ200)', 3.0],
  ['更换机电单元(DQ381)', 3.5],
  ['变速箱总成拆装', 7.5],
  ['变速箱解体维修', 12.0],
  ['更换变速箱油底壳垫', 1.2],
  ['更换半轴油封(左)', 1.5],
  ['更换半轴油封(右)', 1.5],
  ['更换换挡杆总成', 1.2],
  ['更换四驱耦合器(Haldex)', 3.0],
  ['更换减速器总成(纯电)', 4.5],
];

const CHASSIS: readonly Row[] = [
  ['四轮定位', 1.0],
  ['底盘异响检查', 0.8],
  ['更换前减震器(单侧)', 1.5],
  ['更换后减震器(单侧)', 1.0],
  ['更换前减震器顶胶(单侧)', 1.5],
  ['更换前螺旋弹簧(单侧)', 1.5],
  ['更换后螺旋弹簧(单侧)', 0.8],
  ['更换前下摆臂(单侧)', 1.2],
  ['更换前下摆臂球头(单侧)', 1.0],
  ['更换前稳定杆连杆(单侧)', 0.5],
  ['更换转向横拉杆外球头(单侧)', 0.8],
  ['更换转向横拉杆(单侧)', 1.2],
  ['更换转向机总成', 4.0],
  ['转向角度传感器标定', 0.3],
  ['更换前轮轴承(单侧)', 1.8],
  ['更换后轮毂轴承单元(单侧)', 1.0],
  ['更换半轴总成(左)', 1.2],
  ['更换半轴总成(右)', 1.2],
  ['更换半轴外球笼防尘套(单侧)', 1.5],
  ['更换副车架衬套', 3.5],
  ['轮胎拆装(单条)', 0.3],
  ['轮胎动平衡(四轮)', 0.6],
  ['轮胎补胎', 0.3],
  ['底盘装甲施工', 2.5],
];

const BRAKES: readonly Row[] = [
  ['更换前刹车片', 0.8],
  ['更换后刹车片', 1.0],
  ['更换前刹车盘及刹车片', 1.5],
  ['更换后刹车盘及刹车片', 1.6],
  ['光刹车盘(每轴)', 1.2],
  ['更换前制动钳(单侧)', 1.0],
  ['更换后制动钳(单侧)', 1.2],
  ['更换电子手刹电机(单侧)', 0.8],
  ['电子手刹进入维修模式及复位', 0.3],
  ['更换制动总泵', 1.8],
  ['更换ABS泵总成', 2.5],
  ['更换轮速传感器(单个)', 0.6],
  ['更换刹车片报警线', 0.3],
  ['制动系统排空气', 0.8],
  ['制动系统检查', 0.5],
];

const ELECTRICAL: readonly Row[] = [
  ['电路故障诊断', 1.0],
  ['全车电脑检测', 0.5],
  ['更换蓄电池', 0.4],
  ['蓄电池检测及充电', 0.5],
  ['更换前大灯总成(单侧)', 1.5],
  ['更换尾灯总成(单侧)', 0.6],
  ['更换雾灯(单侧)', 0.8],
  ['更换灯泡', 0.2],
  ['更换高位刹车灯', 0.6],
  ['更换外后视镜总成(单侧)', 1.0],
  ['更换外后视镜镜片(单侧)', 0.3],
  ['更换雨刮电机', 1.2],
  ['更换喇叭', 0.5],
  ['更换倒车雷达探头(单个)', 0.8],
  ['更换倒车影像摄像头', 1.0],
  ['更换前雷达传感器及标定(ACC)', 1.5],
  ['前挡摄像头标定', 1.0],
  ['更换中控显示屏', 1.5],
  ['更换组合仪表', 1.2],
  ['更换车身控制单元(BCM)', 1.5],
  ['控制单元在线编码', 0.5],
  ['控制单元软件升级', 1.0],
  ['匹配遥控钥匙', 0.5],
  ['更换玻璃升降器电机(单个)', 1.2],
  ['更换转向柱组合开关', 1.0],
  ['更换方向盘多功能开关', 0.8],
  ['更换驾驶员安全气囊', 0.8],
  ['更换副驾驶安全气囊', 2.5],
  ['更换安全气囊控制单元', 1.5],
  ['更换时钟弹簧(游丝)', 1.0],
  ['加装行车记录仪', 1.0],
  ['查找漏电故障', 2.0],
];

const AIR_CONDITIONING: readonly Row[] = [
  ['空调系统检测', 0.5],
  ['空调加注冷媒(抽真空)', 0.8],
  ['空调系统检漏', 1.0],
  ['更换空调压缩机', 2.5],
  ['更换冷凝器', 1.8],
  ['更换蒸发器', 6.0],
  ['更换暖风水箱', 5.5],
  ['更换鼓风机', 0.8],
  ['更换鼓风机调速模块', 0.5],
  ['更换膨胀阀', 1.5],
  ['更换空调控制面板', 0.8],
  ['空调管道杀菌清洗', 0.6],
  ['更换电动空调压缩机(纯电)', 3.0],
  ['更换PTC加热器(纯电)', 2.0],
];

const HIGH_VOLTAGE: readonly Row[] = [
  ['高压系统断电及绝缘检测', 1.0],
  ['高压动力电池检测', 1.5],
  ['高压动力电池拆装', 4.0],
  ['更换高压电池模组', 6.0],
  ['更换电池管理控制单元', 2.0],
  ['更换驱动电机总成', 6.5],
  ['更换电机控制器', 3.0],
  ['更换车载充电机', 2.5],
  ['更换充电口总成', 1.5],
  ['更换DC/DC转换器', 2.0],
  ['更换电池冷却液泵', 1.5],
  ['充电系统故障诊断', 1.0],
];

/** Body panels with their relative size, which drives the hours. */
const PANELS: readonly (readonly [name: string, size: number])[] = [
  ['前保险杠', 1.0],
  ['后保险杠', 1.0],
  ['发动机盖', 1.2],
  ['左前翼子板', 0.8],
  ['右前翼子板', 0.8],
  ['左前门', 1.0],
  ['右前门', 1.0],
  ['左后门', 1.0],
  ['右后门', 1.0],
  ['左后翼子板', 1.1],
  ['右后翼子板', 1.1],
  ['行李箱盖/尾门', 1.0],
  ['车顶', 1.4],
  ['左侧裙边', 0.7],
  ['右侧裙边', 0.7],
  ['左后视镜壳', 0.3],
  ['右后视镜壳', 0.3],
];

/** Quarter panels and roof are welded: "更换" takes much longer than for bolted panels. */
const WELDED = new Set(['左后翼子板', '右后翼子板', '车顶', '左侧裙边', '右侧裙边']);

const ACCIDENT: readonly Row[] = [
  ['事故车定损检查', 1.0],
  ['车身测量', 1.5],
  ['车身大梁校正', 8.0],
  ['更换前纵梁(单侧)', 12.0],
  ['更换水箱框架', 4.5],
  ['更换前保险杠骨架', 1.2],
  ['更换前挡风玻璃', 1.5],
  ['更换后挡风玻璃', 1.5],
  ['更换车门玻璃(单块)', 1.0],
  ['更换天窗玻璃', 2.0],
  ['全车喷漆', 40.0],
  ['水淹车检查及处理', 6.0],
];

const BEAUTY: readonly Row[] = [
  ['标准洗车', 0.3],
  ['精洗外观', 0.8],
  ['精洗内饰', 2.5],
  ['发动机舱清洗', 0.8],
  ['打蜡', 1.0],
  ['漆面抛光', 3.0],
  ['镀膜', 4.0],
  ['镀晶', 5.0],
  ['大灯翻新(一对)', 1.5],
  ['轮毂翻新(单个)', 1.5],
  ['座椅真皮护理', 1.5],
  ['空调杀菌除臭(臭氧)', 0.5],
  ['贴前挡隔热膜', 1.5],
  ['贴全车隔热膜', 4.0],
  ['漆面划痕快修', 1.0],
  ['车内除甲醛', 1.0],
];

const PDI: readonly Row[] = [
  ['新车PDI检查', 1.5],
  ['新车交付清洗', 0.8],
  ['新车运输保护膜去除', 0.5],
  ['新车蓄电池检测补电', 0.5],
  ['新车软件版本检查及升级', 0.8],
];

const WARRANTY: readonly Row[] = [
  ['保修故障鉴定', 0.8],
  ['索赔旧件拆检', 1.0],
  ['厂家召回行动', 1.0],
  ['技术升级服务行动', 1.0],
  ['控制单元软件升级(厂家服务行动)', 0.8],
  ['保修期内漏油处理', 1.5],
  ['保修期内异响处理', 1.5],
  ['索赔件照片及数据采集', 0.3],
];

const INTERNAL: readonly Row[] = [
  ['二手车整备检测', 2.0],
  ['二手车整备美容', 3.0],
  ['试驾车保养', 0.8],
  ['展车整备', 1.0],
  ['库存车定期检查', 0.5],
];

const REWORK: readonly Row[] = [
  ['返修检查', 0.5],
  ['返修路试', 0.5],
  ['返修复检', 0.3],
];

/** ≈300 labour operations for the demo store. Deterministic for a given rng state. */
export function demoLabourOperations(rng: Rng): DemoLabourOperation[] {
  const out: DemoLabourOperation[] = [];
  const counters = new Map<string, number>();

  const add = (system: string, repairTypeCode: RepairTypeCode, name: string, hours: number): void => {
    const n = (counters.get(system) ?? 0) + 1;
    counters.set(system, n);
    out.push({
      code: `LB-${system}-${String(n).padStart(4, '0')}`,
      name,
      repairTypeCode,
      standardHours: formatHours(hours),
    });
  };
  const addRows = (system: string, repairTypeCode: RepairTypeCode, rows: readonly Row[]): void => {
    for (const [name, hours] of rows) add(system, repairTypeCode, name, hours);
  };

  // Maintenance: packages by mileage, then single maintenance items.
  for (const km of MAINTENANCE_PACKAGES_KM) add('MNT', 'MAINT', `${km}公里保养套餐`, packageHours(km));
  addRows('MNT', 'MAINT', MAINTENANCE_ITEMS);

  addRows('ENG', 'MECH', ENGINE);
  addRows('TRN', 'MECH', TRANSMISSION);
  addRows('CHS', 'MECH', CHASSIS);
  addRows('BRK', 'MECH', BRAKES);
  addRows('ELE', 'MECH', ELECTRICAL);
  addRows('AC', 'MECH', AIR_CONDITIONING);
  addRows('HV', 'MECH', HIGH_VOLTAGE);

  // Body work per panel: replace / remove & refit (bolted panels only) / repair (light or heavy damage).
  const jitter = (): number => rng.int(-1, 1) * 0.1;
  for (const [panel, size] of PANELS) {
    const welded = WELDED.has(panel);
    add('BDY', 'BODY', `更换${panel}`, welded ? size * 6 + jitter() : Math.max(0.3, size * 1.2 + jitter()));
    if (!welded) add('BDY', 'BODY', `拆装${panel}`, Math.max(0.2, size * 0.8 + jitter()));
    if (size >= 0.5) {
      add('BDY', 'BODY', `修复${panel}(轻度)`, size * 1.5 + jitter());
      add('BDY', 'BODY', `修复${panel}(重度)`, size * 4 + jitter());
    } else {
      add('BDY', 'BODY', `修复${panel}`, Math.max(0.3, size * 2 + jitter()));
    }
  }
  // Paint per panel (full panel).
  for (const [panel, size] of PANELS) {
    add('PNT', 'PAINT', `${panel}喷漆`, Math.max(0.5, size * 2.5 + jitter()));
  }
  add('PNT', 'PAINT', '调色及试板', 0.5);
  add('PNT', 'PAINT', '漆面抛光处理(单面)', 0.5);

  addRows('ACC', 'ACCIDENT', ACCIDENT);
  addRows('BTY', 'BEAUTY', BEAUTY);
  addRows('PDI', 'PDI', PDI);
  addRows('WTY', 'WARRANTY', WARRANTY);
  addRows('INT', 'INTERNAL', INTERNAL);
  addRows('RWK', 'REWORK', REWORK);

  return out;
}
