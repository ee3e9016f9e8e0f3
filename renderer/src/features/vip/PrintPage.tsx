/**
 * The print preview (`#/vip/print?segment=3` or `?filter=…`): an ordinary page of the renderer laid
 * out as A4 (portrait or landscape) with the chosen columns in the chosen order, a title, the date,
 * page numbers (CSS @page margin boxes) and the column header repeated on every page
 * (thead { display: table-header-group }), in a CJK font that prints (Noto Sans CJK SC, else the
 * system's). 打印 opens the system dialog; 保存为 PDF too (its destination "Save as PDF"): the
 * Electron shell offers no printToPDF of its own yet, and the browser build has only the dialog.
 * Chromium prints this same page to PDF in the tests.
 *
 * Names, phones and addresses are masked unless the owner ticks the box for this print; the server
 * then records it in the operation log.
 */
import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowUpOutlined,
  FilePdfOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Input, Radio, Space, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VipListRow, VipListView } from '../../../../main/api/contract';
import { DEFAULT_PRINT_COLUMNS, VIP_COLUMNS, type VipColumn } from '../../../../main/shared/vip';
import { bridge, call } from '../../api/client';
import { hashQuery, routeHref } from '../../app/routes';
import { useAppState } from '../../app/AppState';
import { formatCount, formatFen } from '../../format/money';
import { errorText } from '../orders/order-format';
import { parsePrintSource } from './vip-link';
import { PRINT_CSS } from './print-styles';

type Orientation = 'portrait' | 'landscape';

/** Today as YYYY-MM-DD in the computer's time zone. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A CSS string literal. */
const cssText = (text: string) => JSON.stringify(text);

function usePrintList(query: string, masked: boolean, marketing: boolean) {
  // Kept with the request it answers, so a changed choice shows loading rather than the old list.
  const [answer, setAnswer] = useState<{ key: string; view: VipListView | null; error: unknown } | null>(
    null,
  );
  const key = JSON.stringify([query, masked, marketing]);
  useEffect(() => {
    let live = true;
    const source = parsePrintSource(query);
    call('vip.list', { ...source, masked, marketing })
      .then((view) => live && setAnswer({ key, view, error: null }))
      .catch((error: unknown) => live && setAnswer({ key, view: null, error }));
    return () => {
      live = false;
    };
  }, [key, query, masked, marketing]);
  const current = answer?.key === key ? answer : null;
  return { view: current?.view ?? null, error: current?.error ?? null };
}

export function PrintPage() {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { message } = App.useApp();
  const query = hashQuery(window.location.hash);
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  const [order, setOrder] = useState<VipColumn[]>(() => [
    ...DEFAULT_PRINT_COLUMNS,
    ...VIP_COLUMNS.filter((c) => !DEFAULT_PRINT_COLUMNS.includes(c)),
  ]);
  const [chosen, setChosen] = useState<Set<VipColumn>>(() => new Set(DEFAULT_PRINT_COLUMNS));
  const [unmasked, setUnmasked] = useState(false);
  const [excludeOptedOut, setExcludeOptedOut] = useState(false);
  const { view, error } = usePrintList(query, !unmasked, excludeOptedOut);
  const [title, setTitle] = useState<string | null>(null);
  const shownTitle = title ?? view?.segmentName ?? t('vip.print.defaultTitle');
  const date = today();
  const columns = order.filter((c) => chosen.has(c));

  const pageStyle = useMemo(
    () => `@page {
      size: A4 ${orientation};
      margin: 14mm 12mm 16mm;
      @top-left { content: ${cssText(shownTitle)}; font-size: 8pt; color: #888; }
      @top-right { content: ${cssText(t('vip.print.printedOn', { date }))}; font-size: 8pt; color: #888; }
      @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; }
    }`,
    [orientation, shownTitle, date, t],
  );

  // Electron writes the PDF itself (printToPDF, a save dialog); the browser's print dialog has
  // "Save as PDF" as a destination.
  const savePdf = async () => {
    if (!bridge.printToPdf) {
      window.print();
      return;
    }
    try {
      const saved = await bridge.printToPdf(`${shownTitle}-${date}.pdf`, orientation === 'landscape');
      if (saved) void message.success(t('vip.print.pdfSaved', { file: saved }));
    } catch (e) {
      void message.error(errorText(e, language));
    }
  };

  const move = (column: VipColumn, by: -1 | 1) => {
    const i = order.indexOf(column);
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setOrder(next);
  };

  const cell = (row: VipListRow, column: VipColumn): string => {
    switch (column) {
      case 'id':
        return String(row.id);
      case 'name':
        return row.name ?? '—';
      case 'phone':
        return row.phone ?? '—';
      case 'email':
        return row.email ?? '—';
      case 'address':
        return row.address ?? '—';
      case 'level':
        return row.levelName;
      case 'platforms':
        return row.platforms.map((p) => t(`orders.platformShort.${p}`, { defaultValue: p })).join('、');
      case 'orders':
        return formatCount(row.paidOrders);
      case 'spend':
        return formatFen(row.spendFen, row.currency);
      case 'firstOrder':
        return row.firstOrder ?? '—';
      case 'lastOrder':
        return row.lastOrder ?? '—';
      case 'tags':
        return row.tags.join('、');
      case 'note':
        return row.note ?? '';
    }
  };

  return (
    <div className="vip-print-root" data-testid="vip-print">
      <style>{PRINT_CSS}</style>
      <style>{pageStyle}</style>
      <div className="vip-print-controls" data-testid="vip-print-controls">
        <Flex vertical gap={12}>
          <Flex wrap gap={12} align="center">
            <Button icon={<ArrowLeftOutlined />} href={routeHref('vip')}>
              {t('vip.print.back')}
            </Button>
            <Input
              style={{ width: 280 }}
              prefix={<Typography.Text type="secondary">{t('vip.print.title')}</Typography.Text>}
              value={shownTitle}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="print-title"
            />
            <Radio.Group
              optionType="button"
              value={orientation}
              onChange={(e) => setOrientation(e.target.value as Orientation)}
              options={[
                { value: 'portrait', label: t('vip.print.portrait') },
                { value: 'landscape', label: t('vip.print.landscape') },
              ]}
              data-testid="print-orientation"
            />
            <Space>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                onClick={() => window.print()}
                data-testid="print-print"
              >
                {t('vip.print.print')}
              </Button>
              <Tooltip title={bridge.printToPdf ? undefined : t('vip.print.pdfHint')}>
                <Button icon={<FilePdfOutlined />} onClick={() => void savePdf()} data-testid="print-pdf">
                  {t('vip.print.pdf')}
                </Button>
              </Tooltip>
            </Space>
          </Flex>
          <Flex wrap gap={16} align="center">
            <Checkbox
              checked={unmasked}
              onChange={(e) => setUnmasked(e.target.checked)}
              data-testid="print-unmasked"
            >
              {t('vip.print.unmasked')}
            </Checkbox>
            <Checkbox
              checked={excludeOptedOut}
              onChange={(e) => setExcludeOptedOut(e.target.checked)}
              data-testid="print-exclude-opted-out"
            >
              {t('vip.print.excludeOptedOut')}
            </Checkbox>
          </Flex>
          <div>
            <Typography.Text type="secondary">{t('vip.print.columns')}</Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 6 }} data-testid="print-columns">
              {order.map((c) => (
                <span key={c} className={`vip-column-chip${chosen.has(c) ? ' on' : ''}`}>
                  <Checkbox
                    checked={chosen.has(c)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(c);
                      else next.delete(c);
                      if (next.size > 0) setChosen(next);
                    }}
                    data-testid={`print-column-${c}`}
                  >
                    {t(`vip.columns.${c}`)}
                  </Checkbox>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('vip.print.moveUp')}
                    onClick={() => move(c, -1)}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('vip.print.moveDown')}
                    onClick={() => move(c, 1)}
                  />
                </span>
              ))}
            </Flex>
          </div>
        </Flex>
      </div>

      <div className={`vip-sheet ${orientation}`} data-testid="vip-sheet">
        {error ? (
          <Alert type="error" showIcon title={errorText(error, language)} />
        ) : !view ? (
          <Flex gap={8} align="center">
            <Spin size="small" /> {t('vip.print.loading')}
          </Flex>
        ) : (
          <>
            <header className="vip-sheet-head">
              <h1 data-testid="print-heading">{shownTitle}</h1>
              <div className="vip-sheet-meta">
                <span>{t('vip.print.printedOn', { date })}</span>
                <span data-testid="print-count">
                  {t('vip.print.count', { count: formatCount(view.rows.length) })}
                </span>
                {excludeOptedOut && <span>{t('vip.print.optedOut', { count: view.optedOut })}</span>}
                <span>{view.masked ? t('vip.print.masked') : t('vip.print.fullData')}</span>
              </div>
              {view.truncated && (
                <div className="vip-sheet-note">
                  {t('vip.print.truncated', { shown: view.rows.length, total: view.matched - view.optedOut })}
                </div>
              )}
            </header>
            {view.rows.length === 0 ? (
              <p>{t('vip.print.empty')}</p>
            ) : (
              <table className="vip-table" data-testid="print-table">
                <thead>
                  <tr>
                    <th className="num">#</th>
                    {columns.map((c) => (
                      <th key={c} className={c === 'orders' || c === 'spend' ? 'num' : undefined}>
                        {t(`vip.columns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((row, i) => (
                    <tr key={row.id}>
                      <td className="num">{i + 1}</td>
                      {columns.map((c) => (
                        <td key={c} className={c === 'orders' || c === 'spend' ? 'num' : c}>
                          {cell(row, c)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </div>
  );
}
