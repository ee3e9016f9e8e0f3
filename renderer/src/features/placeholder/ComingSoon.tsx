import { CrownOutlined, FundOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Page = 'customers' | 'profit' | 'value' | 'vip';

/** The page's own menu icon, in grey: a plan, not a warning. */
const ICONS: Record<Page, ReactNode> = {
  customers: <TeamOutlined />,
  profit: <FundOutlined />,
  value: <TrophyOutlined />,
  vip: <CrownOutlined />,
};

/** Pages of later versions: say what they will show; never fill them with made-up numbers. */
export function ComingSoon({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" data-testid={`coming-soon-${page}`}>
      <Result
        icon={<span style={{ color: '#bfbfbf' }}>{ICONS[page]}</span>}
        title={t(`nav.${page}`)}
        subTitle={t(`comingSoon.${page}`)}
        extra={t('comingSoon.later')}
      />
    </Card>
  );
}
