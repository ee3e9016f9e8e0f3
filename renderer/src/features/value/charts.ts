/** The chart.js parts the value dashboard draws (bars and the Pareto line). */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Filler,
  Tooltip,
  Legend,
);

export const SEGMENT_COLORS: Record<string, string> = {
  important_value: '#d4380d',
  important_development: '#fa8c16',
  important_retention: '#faad14',
  important_winback: '#fadb14',
  general_value: '#1677ff',
  general_development: '#69b1ff',
  general_retention: '#91caff',
  general_winback: '#bfbfbf',
};

export const TIER_COLORS: Record<string, string> = {
  most_valuable: '#d4380d',
  most_growable: '#52c41a',
  negative: '#8c8c8c',
  others: '#91caff',
};
