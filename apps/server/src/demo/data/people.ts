/**
 * Demo people: Chinese personal names and mainland mobile numbers.
 * Surname weights follow the published national frequency ranking (approximate share in ‰);
 * given names are drawn from common name characters by gender, 1 or 2 characters.
 */
import type { Rng } from './rng.js';

export type Gender = 'male' | 'female';

export type DemoPerson = { name: string; surname: string; givenName: string; gender: Gender };

/** The ~100 most common surnames with their approximate share (‰) of the population, plus a few compound surnames. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 22], ['吴', 20],
  ['周', 19], ['徐', 15], ['孙', 14], ['马', 13], ['胡', 13], ['朱', 13], ['郭', 12], ['何', 12], ['罗', 11],
  ['高', 11], ['林', 10], ['郑', 9], ['梁', 9], ['谢', 9], ['唐', 8], ['许', 8], ['冯', 7], ['宋', 7], ['韩', 7],
  ['邓', 7], ['彭', 7], ['曹', 6], ['曾', 6], ['田', 6], ['于', 6], ['肖', 6], ['潘', 5], ['袁', 5], ['董', 5],
  ['叶', 5], ['杜', 5], ['丁', 5], ['蒋', 5], ['程', 5], ['余', 5], ['吕', 5], ['魏', 4], ['蔡', 4], ['苏', 4],
  ['任', 4], ['卢', 4], ['沈', 4], ['姜', 4], ['姚', 4], ['钟', 4], ['崔', 3], ['陆', 3], ['谭', 3], ['汪', 3],
  ['石', 3], ['付', 3], ['贾', 3], ['范', 3], ['金', 3], ['方', 3], ['韦', 3], ['夏', 3], ['廖', 3], ['侯', 3],
  ['白', 2], ['孟', 2], ['邹', 2], ['秦', 2], ['尹', 2], ['江', 2], ['熊', 2], ['薛', 2], ['邱', 2], ['阎', 2],
  ['段', 2], ['雷', 2], ['季', 2], ['史', 2], ['陶', 2], ['毛', 2], ['贺', 2], ['龙', 2], ['万', 2], ['顾', 2],
  ['关', 2], ['郝', 2], ['孔', 2], ['向', 2], ['龚', 2], ['邵', 2], ['钱', 2], ['武', 2], ['黎', 2], ['麦', 1],
  ['欧阳', 0.6], ['司马', 0.1], ['上官', 0.1], ['诸葛', 0.1],
];

const MALE_FIRST = '志建俊伟子浩文家嘉国明永晓海天宇振立德思泽梓宏锦毅博承晨一景世兆';
const MALE_SECOND = '强明华杰伟军涛斌辉鹏宇轩豪峰超林洋勇龙彬涵睿航铭恒成健平东阳川远凯磊荣';
const MALE_SINGLE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁昊凯浩峰亮健';
const FEMALE_FIRST = '丽秀美晓静雅欣佳思婉雨梦诗慧芳海玉淑嘉紫梓子若文颖春';
const FEMALE_SECOND = '娟芳敏婷丽燕静琳颖雪萱怡涵琪晴妍倩霞玲洁悦彤蕾璐瑶蓉华红慧欣';
const FEMALE_SINGLE = '芳娜敏静丽艳娟霞婷雪琳玲慧颖倩洁萍燕红莉';

const chars = (s: string): string[] => Array.from(s);
const POOLS = {
  male: { first: chars(MALE_FIRST), second: chars(MALE_SECOND), single: chars(MALE_SINGLE) },
  female: { first: chars(FEMALE_FIRST), second: chars(FEMALE_SECOND), single: chars(FEMALE_SINGLE) },
} as const;

/** A person with surname, given name (1–2 characters, ≈15 % single) and gender. */
export function chinesePerson(rng: Rng, gender?: Gender): DemoPerson {
  const g: Gender = gender ?? (rng.chance(0.5) ? 'male' : 'female');
  const surname = rng.weighted(SURNAMES);
  const pool = POOLS[g];
  let givenName: string;
  if (rng.chance(0.15)) {
    givenName = rng.pick(pool.single);
  } else {
    const first = rng.pick(pool.first);
    let second = rng.pick(pool.second);
    // Avoid doubled characters (叠字) and the surname repeated in the given name.
    for (let i = 0; i < 5 && (second === first || surname.includes(second)); i++) second = rng.pick(pool.second);
    givenName = first + second;
  }
  return { name: surname + givenName, surname, givenName, gender: g };
}

/** A realistic Chinese full name such as 王建华, 陈婷 or 欧阳思远. */
export function chineseName(rng: Rng, gender?: Gender): string {
  return chinesePerson(rng, gender).name;
}

/** Mobile number prefixes of China Mobile, China Unicom and China Telecom, weighted by how often they occur. */
const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  // China Mobile
  ['138', 8], ['139', 8], ['135', 7], ['136', 7], ['137', 6], ['134', 4], ['150', 6], ['151', 5], ['152', 4],
  ['157', 3], ['158', 5], ['159', 5], ['182', 4], ['183', 3], ['187', 5], ['188', 5], ['147', 1], ['178', 2],
  ['198', 2], ['195', 1],
  // China Unicom
  ['130', 4], ['131', 4], ['132', 3], ['155', 3], ['156', 3], ['185', 3], ['186', 5], ['166', 2], ['175', 2],
  ['176', 2],
  // China Telecom
  ['133', 4], ['153', 3], ['180', 3], ['181', 3], ['189', 4], ['177', 2], ['173', 2], ['199', 2], ['191', 1],
];

/** An 11-digit mainland mobile number matching ^1[3-9]\d{9}$. */
export function mobilePhone(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(rng.int(0, 9));
  return rng.weighted(MOBILE_PREFIXES) + rest;
}
