import { describe, expect, it } from 'vitest';
import { isMessageCode, messages, translate } from './messages.js';
import { validationMessageCodes } from '../validation/zod.js';

describe('server messages', () => {
  it('has every message in both languages, none empty', () => {
    const zh = Object.keys(messages['zh-CN']).sort();
    expect(Object.keys(messages['en-US']).sort()).toEqual(zh);
    for (const [locale, table] of Object.entries(messages)) {
      for (const [k, v] of Object.entries(table)) expect(v.trim(), `${locale} ${k}`).not.toBe('');
    }
  });

  it('translates every code the shared validators produce', () => {
    for (const code of validationMessageCodes) expect(isMessageCode(code), code).toBe(true);
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'import.too_many_rows', { max: 20000 })).toBe('一次最多导入 20000 行');
    expect(translate('en-US', 'validation.too_long', { max: 40 })).toBe('At most 40 characters');
  });
});
