import { describe, expect, it } from 'vitest';
import { namePinyin } from './pinyin.js';

describe('name pinyin for search', () => {
  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['王小明', 'wangxiaoming', 'wxm'],
    ['欧阳诗芳', 'ouyangshifang', 'oysf'],
    ['单田芳', 'shantianfang', 'stf'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['广州鑫达贸易有限公司', 'guangzhouxindamaoyiyouxiangongsi', 'gzxdmyyxgs'],
  ])('%s → %s / %s', (name, full, initials) => {
    expect(namePinyin(name)).toEqual({ full, initials });
  });
});
