import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';

type Page = 'customers' | 'profit' | 'value' | 'vip';

/** Pages of later versions: say what they will show; never fill them with made-up numbers. */
export function ComingSoon({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" data-testid={`coming-soon-${page}`}>
      <Result
        status="info"
        title={t(`nav.${page}`)}
        subTitle={t(`comingSoon.${page}`)}
        extra={t('comingSoon.later')}
      />
    </Card>
  );
}
