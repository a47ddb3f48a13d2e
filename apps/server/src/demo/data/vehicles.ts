/**
 * Demo vehicle master data: the FAW-Volkswagen (一汽-大众) Chinese-market range, model years 2025–2026.
 * Brand → series → models → configurations (配置) with MSRP in fen and Chinese colour names.
 * Prices are realistic list prices (厂商指导价) for the demo, not an official price list.
 */

export type DemoBodyType = 'sedan' | 'suv' | 'hatchback' | 'mpv' | 'wagon';
export type DemoFuelType = 'gasoline' | 'hev' | 'phev' | 'bev';

export type DemoBrand = { code: string; name: string; nameEn: string };

export type DemoConfiguration = { code: string; name: string; msrpFen: number; colours: string[] };

export type DemoModel = {
  code: string;
  name: string;
  modelYear: number;
  bodyType: DemoBodyType;
  fuelType: DemoFuelType;
  /** Power train as shown on the price list, e.g. "1.5T 7速DSG", "纯电 后驱". */
  engine: string;
  configurations: DemoConfiguration[];
};

export type DemoSeries = {
  code: string;
  name: string;
  nameEn: string;
  /** VIN positions 4–8 (vehicle descriptor section prefix) used for this series; VIN-legal characters only. */
  vinVds: string;
  models: DemoModel[];
};

export const demoBrand: DemoBrand = { code: 'FAW-VW', name: '一汽-大众', nameEn: 'FAW-Volkswagen' };

/** World manufacturer identifier of FAW-Volkswagen (VIN positions 1–3). */
export const demoVinWmi = 'LFV';

type ConfigSpec = readonly [suffix: string, name: string, msrpYuan: number];

type ModelSpec = {
  key: string;
  modelYear: number;
  label: string;
  bodyType: DemoBodyType;
  fuelType: DemoFuelType;
  engine: string;
  configs: readonly ConfigSpec[];
};

type SeriesSpec = {
  code: string;
  name: string;
  nameEn: string;
  vinVds: string;
  colours: readonly string[];
  models: readonly ModelSpec[];
};

const SERIES: readonly SeriesSpec[] = [
  {
    code: 'BORA',
    name: '宝来',
    nameEn: 'Bora',
    vinVds: '2A21K',
    colours: ['极地白', '曜岩黑', '月光银', '钛金灰', '深海蓝', '宝石红'],
    models: [
      {
        key: '2025-15L', modelYear: 2025, label: '1.5L 自动', bodyType: 'sedan', fuelType: 'gasoline',
        engine: '1.5L 6速手自一体',
        configs: [['YX', '悦行版', 99_800], ['CX', '畅行版', 109_800], ['ZX', '智行版', 117_800]],
      },
      {
        key: '2026-200TSI', modelYear: 2026, label: '200TSI DSG', bodyType: 'sedan', fuelType: 'gasoline',
        engine: '1.2T 7速DSG',
        configs: [['CX', '畅行版', 119_800], ['ZX', '智行版', 129_800], ['ZXG', '智享版', 139_800]],
      },
    ],
  },
  {
    code: 'SAGITAR',
    name: '速腾',
    nameEn: 'Sagitar',
    vinVds: '2B25G',
    colours: ['极地白', '曜岩黑', '月光银', '钛金灰', '深海蓝', '国王红', '帕帕拉雅橙'],
    models: [
      {
        key: '2025-200TSI', modelYear: 2025, label: '200TSI DSG', bodyType: 'sedan', fuelType: 'gasoline',
        engine: '1.2T 7速DSG',
        configs: [['FY', '飞越版', 129_900], ['CY', '超越版', 139_900]],
      },
      {
        key: '2026-300TSI', modelYear: 2026, label: '300TSI DSG', bodyType: 'sedan', fuelType: 'gasoline',
        engine: '1.5T 7速DSG',
        configs: [['CY', '超越版', 149_900], ['ZG', '尊贵版', 159_900], ['RL', 'R-Line 运动版', 169_900], ['QJ', '旗舰版', 179_900]],
      },
    ],
  },
  {
    code: 'MAGOTAN',
    name: '迈腾',
    nameEn: 'Magotan',
    vinVds: '3A23C',
    colours: ['极地白', '曜岩黑', '月光银', '钛金灰', '星河蓝', '玛瑙红', '鎏金棕'],
    models: [
      {
        key: '2025-330TSI', modelYear: 2025, label: '330TSI DSG', bodyType: 'sedan', fuelType: 'gasoline',
        engine: '2.0T 7速DSG',
        configs: [['LX', '领先型', 189_900], ['HH', '豪华型', 209_900], ['ZG', '尊贵型', 229_900]],
      },
      {
        key: '2026-380TSI', modelYear: 2026, label: '380TSI DSG', bodyType: 'sedan', fuelType: 'gasoline',
        engine: '2.0T 7速DSG',
        configs: [['ZG', '尊贵型', 249_900], ['QJ', '四驱旗舰型', 279_900]],
      },
      {
        key: '2025-GTE', modelYear: 2025, label: 'GTE 插电混动', bodyType: 'sedan', fuelType: 'phev',
        engine: '1.4T 插电混动 6速DSG',
        configs: [['HH', '豪华型', 239_900], ['QJ', '旗舰型', 259_900]],
      },
    ],
  },
  {
    code: 'GOLF',
    name: '高尔夫',
    nameEn: 'Golf',
    vinVds: '2A2AU',
    colours: ['极地白', '曜岩黑', '月光银', '石英灰', '国王红', '帕帕拉雅橙', '翡翠绿'],
    models: [
      {
        key: '2025-280TSI', modelYear: 2025, label: '280TSI DSG', bodyType: 'hatchback', fuelType: 'gasoline',
        engine: '1.5T 7速DSG',
        configs: [['PRO', 'Pro', 129_800], ['PROP', 'Pro Plus', 139_800], ['RL', 'R-Line', 149_800]],
      },
      {
        key: '2026-GTI', modelYear: 2026, label: 'GTI 380TSI DSG', bodyType: 'hatchback', fuelType: 'gasoline',
        engine: '2.0T 7速DSG',
        configs: [['STD', '标准版', 209_800], ['CS', 'Clubsport 赛道版', 229_800]],
      },
    ],
  },
  {
    code: 'CC',
    name: 'CC',
    nameEn: 'CC',
    vinVds: '3A23R',
    colours: ['极地白', '曜岩黑', '钛金灰', '月光蓝', '国王红', '鎏金棕'],
    models: [
      {
        key: '2025-330TSI', modelYear: 2025, label: '330TSI DSG', bodyType: 'sedan', fuelType: 'gasoline',
        engine: '2.0T 7速DSG',
        configs: [['MY', '魅颜版', 249_800], ['DM', '夺目版', 269_800], ['JD', '经典版', 279_800]],
      },
      {
        key: '2026-SB380', modelYear: 2026, label: '猎装车 380TSI DSG', bodyType: 'wagon', fuelType: 'gasoline',
        engine: '2.0T 7速DSG 四驱',
        configs: [['LM', '猎目版', 289_800], ['LX', '猎心版', 309_800]],
      },
    ],
  },
  {
    code: 'TROC',
    name: '探歌',
    nameEn: 'T-ROC',
    vinVds: '2B2A1',
    colours: ['极地白', '曜岩黑', '月光银', '石英灰', '深海蓝', '帕帕拉雅橙', '拿铁棕', '翡翠绿'],
    models: [
      {
        key: '2025-200TSI', modelYear: 2025, label: '200TSI DSG', bodyType: 'suv', fuelType: 'gasoline',
        engine: '1.2T 7速DSG',
        configs: [['JQ', '进取版', 149_900], ['SS', '舒适智联版', 159_900]],
      },
      {
        key: '2026-280TSI', modelYear: 2026, label: '280TSI DSG', bodyType: 'suv', fuelType: 'gasoline',
        engine: '1.4T 7速DSG',
        configs: [['HH', '豪华智联版', 169_900], ['RL', 'R-Line 智享版', 179_900], ['SQ', '四驱 R-Line 旗舰版', 199_900]],
      },
    ],
  },
  {
    code: 'TCROSS',
    name: '探影',
    nameEn: 'T-Cross',
    vinVds: '2B2B5',
    colours: ['极地白', '曜岩黑', '月光银', '深海蓝', '帕帕拉雅橙'],
    models: [
      {
        key: '2025-15L', modelYear: 2025, label: '1.5L 自动', bodyType: 'suv', fuelType: 'gasoline',
        engine: '1.5L 6速手自一体',
        configs: [['YZ', '悦智联版', 119_900], ['SZ', '实力智联版', 129_900]],
      },
      {
        key: '2026-200TSI', modelYear: 2026, label: '200TSI DSG', bodyType: 'suv', fuelType: 'gasoline',
        engine: '1.2T 7速DSG',
        configs: [['ZL', '智联版', 139_900], ['HH', '豪华智联版', 149_900]],
      },
    ],
  },
  {
    code: 'TAYRON',
    name: '探岳',
    nameEn: 'Tayron',
    vinVds: '3B2FY',
    colours: ['极地白', '曜岩黑', '月光银', '钛金灰', '星河蓝', '玛瑙红', '拿铁棕'],
    models: [
      {
        key: '2025-330TSI', modelYear: 2025, label: '330TSI 两驱', bodyType: 'suv', fuelType: 'gasoline',
        engine: '2.0T 7速DSG',
        configs: [['HH', '豪华智联版', 209_900], ['ZG', '尊贵智联版', 229_900]],
      },
      {
        key: '2026-380TSI', modelYear: 2026, label: '380TSI 四驱', bodyType: 'suv', fuelType: 'gasoline',
        engine: '2.0T 7速DSG 四驱',
        configs: [['ZG', '四驱尊贵版', 249_900], ['RL', '四驱 R-Line 版', 259_900], ['QJ', '四驱旗舰版', 279_900]],
      },
      {
        key: '2025-GTE', modelYear: 2025, label: 'GTE 插电混动', bodyType: 'suv', fuelType: 'phev',
        engine: '1.4T 插电混动 6速DSG',
        configs: [['HH', '豪华型', 239_900], ['QJ', '旗舰型', 259_900]],
      },
    ],
  },
  {
    code: 'TALAGON',
    name: '揽境',
    nameEn: 'Talagon',
    vinVds: '3B2CN',
    colours: ['极地白', '曜岩黑', '月光银', '钛金灰', '深海蓝', '鎏金棕'],
    models: [
      {
        key: '2025-380TSI', modelYear: 2025, label: '380TSI 四驱', bodyType: 'suv', fuelType: 'gasoline',
        engine: '2.0T 7速DSG 四驱',
        configs: [['HJP', '豪华佳境Pro', 299_900], ['ZG', '尊贵版', 329_900], ['QJ', '旗舰胜境版', 359_900]],
      },
      {
        key: '2026-380TSI', modelYear: 2026, label: '380TSI 四驱', bodyType: 'suv', fuelType: 'gasoline',
        engine: '2.0T 7速DSG 四驱',
        configs: [['ZG', '尊贵版', 339_900], ['QJ', '旗舰胜境版', 359_900], ['QJP', '旗舰胜境Pro', 379_900]],
      },
    ],
  },
  {
    code: 'ID4',
    name: 'ID.4 CROZZ',
    nameEn: 'ID.4 CROZZ',
    vinVds: 'VB9E6',
    colours: ['极地白', '曜岩黑', '月光银', '晨曦金', '极光蓝', '国王红'],
    models: [
      {
        key: '2025-RWD', modelYear: 2025, label: '后驱版', bodyType: 'suv', fuelType: 'bev',
        engine: '纯电 后驱',
        configs: [['PUREP', 'Pure+', 169_900], ['LITEP', 'Lite Pro', 189_900], ['PRO', 'Pro', 199_900]],
      },
      {
        key: '2026-AWD', modelYear: 2026, label: '四驱版', bodyType: 'suv', fuelType: 'bev',
        engine: '纯电 双电机四驱',
        configs: [['PRO', 'Pro 四驱', 209_900], ['PRIME', 'Prime', 219_900]],
      },
    ],
  },
  {
    code: 'ID6',
    name: 'ID.6 CROZZ',
    nameEn: 'ID.6 CROZZ',
    vinVds: 'VB9E7',
    colours: ['极地白', '曜岩黑', '月光银', '晨曦金', '极光蓝'],
    models: [
      {
        key: '2025-RWD', modelYear: 2025, label: '后驱版 7座', bodyType: 'suv', fuelType: 'bev',
        engine: '纯电 后驱',
        configs: [['PUREP', 'Pure+', 229_900], ['PRO', 'Pro', 249_900]],
      },
      {
        key: '2026-AWD', modelYear: 2026, label: '四驱版 7座', bodyType: 'suv', fuelType: 'bev',
        engine: '纯电 双电机四驱',
        configs: [['PRO', 'Pro 四驱', 269_900], ['PRIME', 'Prime', 289_900]],
      },
    ],
  },
  {
    code: 'ID7',
    name: 'ID.7 VIZZION',
    nameEn: 'ID.7 VIZZION',
    vinVds: 'VA9E8',
    colours: ['极地白', '曜岩黑', '月光银', '晨曦金', '极光蓝', '石英灰'],
    models: [
      {
        key: '2025-RWD', modelYear: 2025, label: '后驱版', bodyType: 'sedan', fuelType: 'bev',
        engine: '纯电 后驱',
        configs: [['PUREP', 'Pure+', 199_900], ['PRO', 'Pro 长续航', 219_900], ['PRIMEL', 'Prime 长续航', 239_900]],
      },
      {
        key: '2026-AWD', modelYear: 2026, label: '四驱版', bodyType: 'sedan', fuelType: 'bev',
        engine: '纯电 双电机四驱',
        configs: [['PRO', 'Pro 四驱', 249_900], ['PRIME', 'Prime 四驱', 259_900]],
      },
    ],
  },
];

/**
 * Colours offered on one configuration: entry trims get the base palette (first 4–5 colours),
 * higher trims the full palette; always at least 4.
 */
function coloursFor(palette: readonly string[], configIndex: number, configCount: number): string[] {
  const min = Math.min(4, palette.length);
  const extra = configCount <= 1 ? palette.length - min : Math.round(((palette.length - min) * configIndex) / (configCount - 1));
  return palette.slice(0, Math.min(palette.length, min + Math.max(extra, 0)));
}

/** The full demo model range; returns fresh objects on every call. */
export function demoModelRange(): DemoSeries[] {
  return SERIES.map((s) => ({
    code: s.code,
    name: s.name,
    nameEn: s.nameEn,
    vinVds: s.vinVds,
    models: s.models.map((m) => {
      const modelCode = `${s.code}-${m.key}`;
      return {
        code: modelCode,
        name: `${s.name} ${m.modelYear}款 ${m.label}`,
        modelYear: m.modelYear,
        bodyType: m.bodyType,
        fuelType: m.fuelType,
        engine: m.engine,
        configurations: m.configs.map(([suffix, name, yuan], i) => ({
          code: `${modelCode}-${suffix}`,
          name: `${m.label} ${name}`,
          msrpFen: yuan * 100,
          colours: coloursFor(s.colours, i, m.configs.length),
        })),
      };
    }),
  }));
}
