/**
 * An input a channel's schema refused, in the user's words: the field as they know it ("the
 * currency of file 2", not `files.1.currency`) and what it should hold. A column mapping with a
 * field Huike does not know lists the fields it does (a CLI user typed that JSON by hand).
 */
import type { z } from 'zod';
import { UserError } from '../domain/errors.js';
import { GENERIC_FIELDS, MAPPED_STATUSES } from '../domain/import/reader-types.js';
import { isMessageCode, type Message, type MessageCode } from '../shared/messages/index.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** The valid keys of a column mapping, as a user types them. */
export const MAPPING_KEYS: readonly string[] = [...GENERIC_FIELDS, 'statusValues'];

export function inputError(issues: readonly Issue[]): UserError {
  const issue = issues[0];
  if (!issue)
    return new UserError({ code: 'input.invalid', params: { field: { code: 'field.input' }, expected: '' } });
  return new UserError(describeIssue(issue), issues);
}

function describeIssue(issue: Issue): Message {
  const path = issue.path;
  const inMapping = path.includes('mapping');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    if (inMapping && path[path.length - 1] === 'mapping') {
      return { code: 'mapping.unknownKey', params: { keys, valid: MAPPING_KEYS.join(', ') } };
    }
    return { code: 'input.unknownKeys', params: { field: fieldName(path), keys } };
  }
  if (inMapping && path[path.length - 2] === 'statusValues' && issue.code === 'invalid_value') {
    return {
      code: 'mapping.badStatus',
      params: { value: String(path[path.length - 1]), valid: MAPPED_STATUSES.join(', ') },
    };
  }
  if (inMapping && path[path.length - 2] === 'mapping' && issue.code === 'invalid_type') {
    return { code: 'mapping.notText', params: { key: String(path[path.length - 1]) } };
  }
  return { code: 'input.invalid', params: { field: fieldName(path), expected: expected(issue) } };
}

/** `files.1.currency` → "the currency of file 2"; `files.0.mapping.orderId` → "orderId" in the mapping. */
export function fieldName(path: Path): Message {
  const [head, index, ...rest] = path;
  if (head === 'files' && typeof index === 'number' && rest.length > 0) {
    return { code: 'field.ofFile', params: { n: index + 1, field: fieldName(rest) } };
  }
  // `filter.statuses.0` is the statuses list's first item: named as the list.
  if (path.length >= 2 && typeof path[path.length - 1] === 'number') return fieldName(path.slice(0, -1));
  const last = path[path.length - 1];
  if (path.length >= 2 && path[path.length - 2] === 'mapping') {
    return { code: 'field.mappingField', params: { name: String(last) } };
  }
  if (path.length >= 2 && path[path.length - 2] === 'statusValues') {
    return { code: 'field.statusValue', params: { value: String(last) } };
  }
  if (last === undefined) return { code: 'field.input' };
  const named = `field.${String(last)}`;
  if (typeof last === 'string' && isMessageCode(named)) return { code: named };
  return { code: 'field.other', params: { path: path.map(String).join('.') } };
}

function expected(issue: Issue): Message {
  switch (issue.code) {
    case 'invalid_type':
      return { code: TYPE_WORDS[issue.expected] ?? 'expect.format' };
    case 'invalid_value':
      return { code: 'expect.oneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_format': {
      const last = issue.path[issue.path.length - 1];
      if (last === 'currency' || last === 'spendCurrency') return { code: 'expect.currency' };
      // from, to, and the Customers page's firstFrom … lastTo.
      if (last === 'from' || last === 'to' || /^[a-z]+(From|To)$/.test(String(last)))
        return { code: 'expect.date' };
      return { code: 'expect.format' };
    }
    case 'too_small':
      if (issue.origin === 'string') return { code: 'expect.notEmpty' };
      if (issue.origin === 'array')
        return { code: 'expect.minItems', params: { min: Number(issue.minimum) } };
      return { code: 'expect.atLeast', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string')
        return { code: 'expect.maxLength', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array')
        return { code: 'expect.maxItems', params: { max: Number(issue.maximum) } };
      return { code: 'expect.atMost', params: { max: Number(issue.maximum) } };
    case 'custom': {
      // A refinement may say what it expects as a message code (params.expected).
      const code = (issue.params as { expected?: unknown } | undefined)?.expected;
      return typeof code === 'string' && isMessageCode(code) ? { code } : { code: 'expect.format' };
    }
    default:
      return { code: 'expect.format' };
  }
}

const TYPE_WORDS: Partial<Record<string, MessageCode>> = {
  number: 'expect.number',
  int: 'expect.integer',
  string: 'expect.text',
  boolean: 'expect.boolean',
  array: 'expect.list',
  object: 'expect.object',
  record: 'expect.object',
};
