import { pinyin } from 'pinyin-pro';

/** 张三 → { full: 'zhangsan', initials: 'zs' }; surnames read as surnames (单 shan, 曾 zeng). Latin letters kept. */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const words = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { full: words.join(''), initials: words.map((w) => w[0]).join('') };
}
