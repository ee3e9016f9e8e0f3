/**
 * VIP 名单 (`#/vip`): segments with live counts, printed or exported; the VIP levels and who moved;
 * marketing opt-outs. `#/vip/print?…` is the print preview (PrintPage), shown without the shell.
 */
import { Card, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VipLevelsView } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { LevelsTab } from './LevelsTab';
import { OptOutsTab } from './OptOutsTab';
import { SegmentsTab } from './SegmentsTab';

export function VipPage() {
  const { t } = useTranslation();
  const [levels, setLevels] = useState<VipLevelsView | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => {
    void call('vip.levels', {}).then(setLevels);
  }, []);
  useEffect(reload, [reload]);

  return (
    <div data-testid="vip-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('vip.title')}
      </Typography.Title>
      {levels ? (
        <Tabs
          items={[
            {
              key: 'segments',
              label: t('vip.tabs.segments'),
              children: <SegmentsTab key={version} levels={levels.counts} />,
            },
            {
              key: 'levels',
              label: <span data-testid="vip-tab-levels">{t('vip.tabs.levels')}</span>,
              children: (
                <LevelsTab
                  view={levels}
                  onSaved={(v) => {
                    setLevels(v);
                    setVersion((n) => n + 1);
                  }}
                />
              ),
            },
            {
              key: 'optOuts',
              label: <span data-testid="vip-tab-optouts">{t('vip.tabs.optOuts')}</span>,
              children: <OptOutsTab onImported={() => setVersion((n) => n + 1)} />,
            },
          ]}
        />
      ) : (
        <Card variant="borderless">
          <Spin />
        </Card>
      )}
    </div>
  );
}
