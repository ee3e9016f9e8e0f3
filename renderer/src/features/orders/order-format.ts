/** How the Orders page writes times (in each shop's own zone) and errors (in the screen's language). */
import { formatMessage, isMessageCode, type MessageParams } from '../../../../main/shared/messages';
import type { Language } from '../../../../main/api/contract';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // A zone this browser does not know: Beijing time, as the rest of the app shows.
      f = formatterFor('Asia/Shanghai');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2026-01-05 10:00" in the shop's zone; '—' when unknown. */
export function formatShopTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** An API error in the reader's language when it carries a message code, else its own text. */
export function errorText(error: unknown, language: Language): string {
  const coded = error as { code?: unknown; params?: MessageParams } | null;
  if (coded && typeof coded.code === 'string' && isMessageCode(coded.code))
    return formatMessage(coded.code, coded.params ?? {}, language);
  return error instanceof Error ? error.message : String(error);
}

/** antd Tag colours of the normalised statuses. */
export const STATUS_COLORS: Record<string, string> = {
  awaiting_payment: 'gold',
  paid: 'blue',
  shipped: 'cyan',
  completed: 'green',
  closed: 'default',
};
