/** The date-range presets of the dashboard, as calendar days (YYYY-MM-DD) from the computer's today. */
import dayjs, { type Dayjs } from 'dayjs';

export const RANGE_PRESETS = [
  'all',
  'last7',
  'last30',
  'thisMonth',
  'lastMonth',
  'thisYear',
  'lastYear',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface DayRange {
  from?: string;
  to?: string;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function presetRange(preset: RangePreset, today: Dayjs = dayjs()): DayRange {
  switch (preset) {
    case 'all':
      return {};
    case 'last7':
      return { from: day(today.subtract(6, 'day')), to: day(today) };
    case 'last30':
      return { from: day(today.subtract(29, 'day')), to: day(today) };
    case 'thisMonth':
      return { from: day(today.startOf('month')), to: day(today) };
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return { from: day(last.startOf('month')), to: day(last.endOf('month')) };
    }
    case 'thisYear':
      return { from: day(today.startOf('year')), to: day(today) };
    case 'lastYear': {
      const last = today.subtract(1, 'year');
      return { from: day(last.startOf('year')), to: day(last.endOf('year')) };
    }
  }
}
