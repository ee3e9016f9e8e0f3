/**
 * VIP 等级: the tiers the owner configures (by net spend in a currency, typed in yuan and sent in
 * fen, or by paid orders; over the last N months or all time), how many customers each holds, and
 * who moved up or down since last month.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VipLevelsView } from '../../../../main/api/contract';
import { minorUnitDigits } from '../../../../main/shared/money';
import { MAX_VIP_LEVELS, type VipConfig } from '../../../../main/shared/vip';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formatCount } from '../../format/money';
import { customerHref } from '../customers/customers-link';
import { errorText } from '../orders/order-format';

const WINDOWS = [3, 6, 12, 24, 0];

export function LevelsTab({ view, onSaved }: { view: VipLevelsView; onSaved: (v: VipLevelsView) => void }) {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { message, modal } = App.useApp();
  const [config, setConfig] = useState<VipConfig>(view.config);
  const [saving, setSaving] = useState(false);
  const scale = config.basis === 'spend' ? 10 ** minorUnitDigits(config.currency) : 1;
  const counts = new Map(view.counts.map((c) => [c.level, c.customers]));
  const names = view.config.levels.map((l) => l.name);

  const setLevel = (i: number, change: Partial<VipConfig['levels'][number]>) =>
    setConfig({ ...config, levels: config.levels.map((l, j) => (j === i ? { ...l, ...change } : l)) });

  const save = async () => {
    setSaving(true);
    try {
      const saved = await call('vip.saveLevels', { config });
      onSaved(saved);
      setConfig(saved.config);
      void message.success(t('vip.levels.saved'));
    } catch (error) {
      modal.error({ title: t('vip.levels.save'), content: errorText(error, language) });
    } finally {
      setSaving(false);
    }
  };

  const { movements } = view;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('vip.levels.intro')}>
        <Flex vertical gap={12}>
          <Flex wrap gap={16} align="center">
            <span>
              {t('vip.levels.basis')}{' '}
              <Select
                style={{ width: 150 }}
                value={config.basis}
                onChange={(basis) => setConfig({ ...config, basis })}
                options={[
                  { value: 'spend', label: t('vip.levels.bySpend') },
                  { value: 'orders', label: t('vip.levels.byOrders') },
                ]}
                data-testid="levels-basis"
              />
            </span>
            <span>
              {t('vip.levels.window')}{' '}
              <Select
                style={{ width: 150 }}
                value={config.windowMonths}
                onChange={(windowMonths: number) => setConfig({ ...config, windowMonths })}
                options={WINDOWS.map((m) => ({
                  value: m,
                  label: m === 0 ? t('vip.levels.allTime') : t('vip.levels.months', { count: m }),
                }))}
              />
            </span>
            {config.basis === 'spend' && (
              <span>
                {t('vip.levels.currency')}{' '}
                <Input
                  style={{ width: 80 }}
                  value={config.currency}
                  maxLength={3}
                  onChange={(e) => setConfig({ ...config, currency: e.target.value.toUpperCase() })}
                />
              </span>
            )}
          </Flex>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={config.levels}
            data-testid="levels-table"
            columns={[
              {
                title: t('vip.levels.name'),
                render: (_, l, i) => (
                  <Input
                    style={{ width: 160 }}
                    value={l.name}
                    maxLength={20}
                    onChange={(e) => setLevel(i, { name: e.target.value })}
                  />
                ),
              },
              {
                title: config.basis === 'spend' ? t('vip.levels.minSpend') : t('vip.levels.minOrders'),
                render: (_, l, i) => (
                  <InputNumber<number>
                    style={{ width: 160 }}
                    min={0}
                    disabled={i === 0}
                    precision={config.basis === 'spend' ? minorUnitDigits(config.currency) : 0}
                    value={l.min / scale}
                    onChange={(v) => setLevel(i, { min: Math.round((v ?? 0) * scale) })}
                  />
                ),
              },
              {
                title: t('vip.levels.customers'),
                align: 'right',
                render: (_, _l, i) => formatCount(counts.get(i) ?? 0),
              },
              {
                title: '',
                render: (_, _l, i) =>
                  i > 0 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('vip.levels.remove')}
                      onClick={() =>
                        setConfig({ ...config, levels: config.levels.filter((_x, j) => j !== i) })
                      }
                    />
                  ),
              },
            ]}
          />
          <Flex gap={8}>
            <Button
              icon={<PlusOutlined />}
              disabled={config.levels.length > MAX_VIP_LEVELS}
              onClick={() => {
                const last = config.levels.at(-1)!;
                setConfig({
                  ...config,
                  levels: [...config.levels, { name: '', min: last.min * 2 || scale * 1000 }],
                });
              }}
            >
              {t('vip.levels.add')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="levels-save">
              {t('vip.levels.save')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <Card size="small" title={t('vip.levels.movements')} data-testid="levels-movements">
        {movements.since === null ? (
          <Typography.Text type="secondary">{t('vip.levels.noHistory')}</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            <Typography.Text>
              {t('vip.levels.since', { month: movements.since, up: movements.up, down: movements.down })}
            </Typography.Text>
            <Table
              size="small"
              rowKey="customerId"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={movements.moves}
              columns={[
                {
                  title: t('vip.levels.customer'),
                  render: (_, m) => <a href={customerHref(m.customerId)}>{m.name ?? `#${m.customerId}`}</a>,
                },
                { title: t('vip.levels.from'), render: (_, m) => names[m.from] ?? m.from },
                { title: t('vip.levels.to'), render: (_, m) => names[m.to] ?? m.to },
                {
                  title: '',
                  render: (_, m) =>
                    m.to > m.from ? (
                      <Tag color="green" icon={<ArrowUpOutlined />}>
                        {t('vip.levels.up')}
                      </Tag>
                    ) : (
                      <Tag color="orange" icon={<ArrowDownOutlined />}>
                        {t('vip.levels.down')}
                      </Tag>
                    ),
                },
              ]}
            />
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
