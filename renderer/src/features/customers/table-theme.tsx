/**
 * The tables' look, as on the Orders page: 13 px, system UI fonts first, then a CJK font's Latin
 * glyphs (on Linux the English UI would otherwise fall to DejaVu Sans, whose wide digits push a
 * 19-digit Tmall id or a timestamp out of its column).
 */
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

const TABLE_FONTS =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', " +
  "'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans', sans-serif";

export function TableTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { fontSize: 13, fontFamily: TABLE_FONTS } }}>{children}</ConfigProvider>
  );
}
