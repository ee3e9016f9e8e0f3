/** Masking for the screen and exports, reading the search box, and holding exports for the screen. */
import { describe, expect, it } from 'vitest';
import {
  maskBuyerKey,
  maskEmail,
  maskPersonName,
  maskPhone,
  maskStreet,
} from '../../../main/domain/orders/privacy.js';
import { containsPattern, parseOrderSearch } from '../../../main/domain/orders/search.js';
import { createExportStore, EXPORT_CHUNK_BYTES } from '../../../main/services/orders/export-store.js';

describe('masking', () => {
  it.each([
    ['张三丰', '张*丰'],
    ['张三', '张*'],
    ['张**', '张*'],
    ['欧阳娜', '欧*娜'],
    ['张*明', '张*'],
    ['Ivan Garcia', 'I*'],
    ['  ', null],
    [null, null],
    ['##4a7b9c2d1e##', null],
  ])('name %j → %j', (name, masked) => expect(maskPersonName(name)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['008613812345678', '138****5678'],
    ['138****5678', '138****5678'],
    ['1******6198', '1******6198'],
    ['+1 555-002-2188', '*******2188'],
    ['021-5555-1234', '*******1234'],
    ['123', '***'],
    ['$9f8e7d6c5b4a3f2e1d0c$1$', null],
    ['', null],
  ])('phone %j → %j', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('cuts a street short, masks emails and phone keys, keeps member names', () => {
    expect(maskStreet('文三路100号5幢301')).toBe('文三****');
    expect(maskStreet('1号')).toBe('****');
    expect(maskStreet(null)).toBeNull();
    expect(maskEmail('wang.fang@example.com')).toBe('w***@example.com');
    expect(maskBuyerKey('phone', '13812345678')).toBe('138****5678');
    expect(maskBuyerKey('email', 'ivan@example.com')).toBe('i***@example.com');
    expect(maskBuyerKey('member_name', 'tb_alice')).toBe('tb_alice');
  });
});

describe('search text', () => {
  it('reads digits typed any way as phone digits, a whole number as a whole phone', () => {
    expect(parseOrderSearch('  5678 ')).toEqual({ text: '5678', phoneDigits: '5678', wholePhone: null });
    expect(parseOrderSearch('138-1234-5678')).toEqual({
      text: '138-1234-5678',
      phoneDigits: '13812345678',
      wholePhone: '13812345678',
    });
    expect(parseOrderSearch('+86 138 1234 5678')?.wholePhone).toBe('13812345678');
    expect(parseOrderSearch('12')?.phoneDigits).toBeNull();
    expect(parseOrderSearch('张三')).toEqual({ text: '张三', phoneDigits: null, wholePhone: null });
    expect(parseOrderSearch('E2026')?.phoneDigits).toBeNull();
    expect(parseOrderSearch('   ')).toBeNull();
  });

  it("escapes LIKE's wildcards", () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('export store', () => {
  it('hands a file over in chunks, then lets go of it', () => {
    const store = createExportStore();
    // Written in uneven pieces, as an export writes them; read back in fixed chunks.
    const bytes = Buffer.from(Array.from({ length: EXPORT_CHUNK_BYTES * 2 + 10 }, (_, i) => i % 251));
    const cuts = [0, 1000, 1001, EXPORT_CHUNK_BYTES - 5, EXPORT_CHUNK_BYTES * 2 + 3, bytes.length];
    const id = store.put(cuts.slice(1).map((end, i) => bytes.subarray(cuts[i], end)));
    const chunks = [
      store.read(id, 0),
      store.read(id, EXPORT_CHUNK_BYTES),
      store.read(id, EXPORT_CHUNK_BYTES * 2),
    ];
    expect(chunks.map((c) => c.done)).toEqual([false, false, true]);
    // Buffer.equals: a deep toEqual walks 6 MB byte by byte for half a minute.
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c.base64, 'base64'))).equals(bytes)).toBe(true);
    expect(() => store.read(id, 0)).toThrow(expect.objectContaining({ code: 'orders.exportGone' }));
  });

  it('drops a file left unread for ten minutes, and keeps at most four', () => {
    let now = 0;
    const store = createExportStore(() => now);
    const old = store.put([Buffer.from('old')]);
    now = 11 * 60_000;
    expect(() => store.read(old, 0)).toThrow(expect.objectContaining({ code: 'orders.exportGone' }));
    const ids = Array.from({ length: 5 }, (_, i) => store.put([Buffer.from(String(i))]));
    expect(store.size).toBe(4);
    expect(() => store.read(ids[0]!, 0)).toThrow();
    expect(Buffer.from(store.read(ids[4]!, 0).base64, 'base64').toString()).toBe('4');
  });
});
