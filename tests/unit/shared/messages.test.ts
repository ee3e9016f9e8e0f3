import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  formatMessage,
  formatPlacedMessage,
  MESSAGE_LANGUAGES,
  type Message,
} from '../../../main/shared/messages/index.js';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalog', () => {
  it('has every message in every language, with the same parameters in each', () => {
    for (const [code, templates] of Object.entries(CATALOG)) {
      for (const lang of MESSAGE_LANGUAGES) expect(templates[lang].trim(), `${code} ${lang}`).not.toBe('');
      expect(placeholders(templates.en), code).toEqual(placeholders(templates['zh-CN']));
    }
  });

  it('keeps Chinese out of the English templates (file and column names come as parameters)', () => {
    const allowed = /订单号|下单时间|金额|状态|已退|单号|汇客/g;
    for (const [code, templates] of Object.entries(CATALOG)) {
      if (code.startsWith('format.')) continue;
      expect(templates.en.replace(allowed, ''), code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('formatMessage', () => {
  it('writes numbers with thousands separators and words nested messages in the same language', () => {
    const params = {
      file: 'a.csv',
      count: 12345,
      first: {
        code: 'row.problemAt' as const,
        params: {
          row: 1002,
          column: '金额',
          reason: { code: 'row.notMoney' as const, params: { column: '金额', value: 'x' } },
        },
      },
    };
    expect(formatMessage('import.rowsRefused', params, 'en')).toBe(
      'a.csv has 12,345 rows that cannot be imported, so nothing was written. For example row 1,002, “金额”: “x” in “金额” is not an amount. Fix the file and import it again, or choose to skip those rows.',
    );
    expect(formatMessage('import.rowsRefused', params, 'zh-CN')).toContain('有 12,345 行无法导入');
    expect(formatMessage('import.rowsRefused', params, 'zh-CN')).toContain(
      '例如第 1,002 行「金额」：「金额」的值「x」不是金额',
    );
  });

  it('lists message lists with the language’s separator', () => {
    const closest: Message[] = [
      {
        code: 'import.candidateLacks' as const,
        params: { format: { code: 'format.pdd' as const }, variant: '订单导出', lacks: '「x」' },
      },
      {
        code: 'import.candidateFits' as const,
        params: { format: { code: 'format.jd' as const }, variant: '30 列', percent: 60 },
      },
    ];
    expect(formatMessage('import.unknownLayoutClosest', { file: 'f.csv', closest }, 'en')).toContain(
      'The closest layouts: Pinduoduo (订单导出): lacks 「x」; JD (30 列): matches 60% of the header.',
    );
  });

  it('names the file first when the template does not, and keeps an unknown code visible', () => {
    expect(formatPlacedMessage({ code: 'import.mapOrderId', file: 'f.csv' }, 'en')).toBe(
      'f.csv: Choose which column holds the order number first.',
    );
    expect(
      formatPlacedMessage({ code: 'file.empty', params: { file: 'f.csv' }, file: 'f.csv' }, 'en'),
    ).toMatch(/^f\.csv is empty/);
    expect(formatMessage('no.such.code' as 'file.empty')).toBe('no.such.code');
  });
});
