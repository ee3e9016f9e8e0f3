/** Building identity records for the merge's tests: a receiver from a few fields, the rest unknown. */
import type { AccountRecord, Receiver } from '../../../main/domain/merge/index.js';

export function receiver(fields: Partial<Receiver>): Receiver {
  return {
    name: null,
    surname: null,
    mask: null,
    pinyin: null,
    phone: null,
    phoneFull: false,
    prov: null,
    city: null,
    dist: null,
    detail: null,
    fp: null,
    pickup: false,
    email: null,
    orders: 1,
    primary: true,
    ...fields,
  };
}

/** A whole name and mobile as an own shop shows them (the surname is the first character). */
export function wholeName(
  name: string,
  pinyin: string,
  phone: string,
  fields: Partial<Receiver> = {},
): Receiver {
  return receiver({ name, surname: name[0]!, mask: name, pinyin, phone, phoneFull: true, ...fields });
}

export function account(id: number, fields: Partial<AccountRecord>): AccountRecord {
  return {
    id,
    platform: 'tmall',
    keyKind: 'member_name',
    emails: [],
    phones: [],
    nickname: null,
    login: null,
    receivers: [],
    orders: 1,
    ...fields,
  };
}

/** 广州市天河区华夏路10号 as the identity columns hold it. */
export const TIANHE = {
  prov: '440000',
  city: '440100',
  dist: '440106',
  detail: '华夏路10号富力盈凯1801',
  fp: '440106|华夏路|10',
  pickup: false,
};
