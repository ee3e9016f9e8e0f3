/**
 * 费用对账: per shop and month, the fees the platforms stated (settlement and fee files, the order
 * file's seller fee) against what the shop's fee rules would have charged the same orders; a
 * difference above 5 % is highlighted.
 */
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconciliationRow } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatCount, formatFen } from '../../format/money';

const LIMIT_PCT = 5;

export function ReconciliationView() {
  const { t } = useTranslation();
  const { dataVersion } = useAppState();
  const [rows, setRows] = useState<ReconciliationRow[] | null>(null);
  useEffect(() => {
    let live = true;
    void call('profit.reconciliation', {}).then((r) => live && setRows(r.rows));
    return () => {
      live = false;
    };
  }, [dataVersion]);
  if (!rows) return null;
  const withActual = rows.filter((r) => r.actualOrders > 0 || r.noFeeOrders > 0);
  const off = (r: ReconciliationRow) => r.differencePct !== null && Math.abs(r.differencePct) > LIMIT_PCT;
  return (
    <Card title={t('profit.reconciliation.title')} variant="borderless" data-testid="reconciliation">
      <Typography.Paragraph type="secondary">{t('profit.reconciliation.hint')}</Typography.Paragraph>
      {withActual.length === 0 ? (
        <Empty description={t('profit.reconciliation.none')} />
      ) : (
        <Table<ReconciliationRow>
          size="small"
          rowKey={(r) => `${r.shopId}|${r.month}`}
          dataSource={withActual}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (off(r) ? 'profit-recon-off' : '')}
          onRow={(r) =>
            ({ 'data-testid': `recon-${r.shopId}-${r.month}` }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('profit.reconciliation.month'), dataIndex: 'month' },
            { title: t('profit.costs.shop'), dataIndex: 'shop' },
            {
              title: t('profit.fields.platform'),
              dataIndex: 'platform',
              render: (p: string) => t(`platform.${p as 'tmall'}`, { defaultValue: p }),
            },
            {
              title: t('profit.reconciliation.actualOrders'),
              dataIndex: 'actualOrders',
              align: 'right',
              render: (n: number) => formatCount(n),
            },
            {
              title: t('profit.reconciliation.actual'),
              dataIndex: 'actualFeeFen',
              align: 'right',
              render: (f: number, r) => formatFen(f, r.currency),
            },
            {
              title: t('profit.reconciliation.estimate'),
              dataIndex: 'ruleFeeFen',
              align: 'right',
              render: (f: number, r) => formatFen(f, r.currency),
            },
            {
              title: t('profit.reconciliation.difference'),
              dataIndex: 'differenceFen',
              align: 'right',
              render: (f: number, r) => (
                <span data-testid="recon-difference">{formatFen(f, r.currency)}</span>
              ),
            },
            {
              title: t('profit.reconciliation.differencePct'),
              dataIndex: 'differencePct',
              align: 'right',
              render: (p: number | null, r) =>
                p === null ? '—' : off(r) ? <Tag color="red">{`${p.toFixed(2)}%`}</Tag> : `${p.toFixed(2)}%`,
            },
            {
              title: t('profit.reconciliation.noFeeOrders'),
              dataIndex: 'noFeeOrders',
              align: 'right',
              render: (n: number) => (n > 0 ? <Tag color="orange">{formatCount(n)}</Tag> : '0'),
            },
          ]}
        />
      )}
    </Card>
  );
}
