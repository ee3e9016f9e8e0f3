/**
 * What a click on the dashboard opens: the orders behind a figure, a bar or a platform row, as an
 * order-list filter — the same range and currency as the dashboard, narrowed by what was clicked.
 */
import dayjs from 'dayjs';
import type { DashboardSummary, PeriodPoint, PlatformFigures } from '../../../../main/api/contract';
import type { OrdersFilter } from '../../../../main/shared/orders-query';

type DrillDown = OrdersFilter;

function within(summary: DashboardSummary, from: string, to: string): { from: string; to: string } {
  const { range } = summary;
  return {
    from: range.from && range.from > from ? range.from : from,
    to: range.to && range.to < to ? range.to : to,
  };
}

export function ordersOfSummary(summary: DashboardSummary): DrillDown {
  return {
    ...(summary.range.from ? { from: summary.range.from } : {}),
    ...(summary.range.to ? { to: summary.range.to } : {}),
    ...(summary.currency ? { currency: summary.currency } : {}),
    paid: true,
  };
}

export function ordersOfPeriod(
  summary: DashboardSummary,
  point: PeriodPoint,
  unit: DashboardSummary['series']['unit'],
): DrillDown {
  const month = dayjs(`${point.key}-01`);
  const days =
    unit === 'day'
      ? { from: point.key, to: point.key }
      : within(summary, month.format('YYYY-MM-DD'), month.endOf('month').format('YYYY-MM-DD'));
  return { ...ordersOfSummary(summary), ...days };
}

export function ordersOfPlatform(summary: DashboardSummary, row: PlatformFigures): DrillDown {
  return { ...ordersOfSummary(summary), currency: row.currency, platforms: [row.platform] };
}
