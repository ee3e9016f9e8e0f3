/** Only the chart.js parts the dashboard draws, so the bundle carries nothing else. */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Tooltip,
  Legend,
);

/** One colour per platform, stable across charts and sessions. */
export const PLATFORM_COLORS: Record<string, string> = {
  tmall: '#ff6a00',
  jd: '#d9001b',
  // Both brands are red too; these stay apart from Tmall's orange and JD's red on one chart.
  pdd: '#c41d7f',
  douyin: '#08979c',
  shopify: '#5e8e3e',
  youzan: '#1677ff',
  woocommerce: '#7f54b3',
  other: '#8c8c8c',
};
export const FALLBACK_COLORS = ['#fa8c16', '#13c2c2', '#2f54eb', '#eb2f96', '#a0d911', '#faad14'];

export function platformColor(key: string, index: number): string {
  return PLATFORM_COLORS[key] ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length] ?? '#8c8c8c';
}
