/** The menu entry of the review queue, with how many pairs wait (refreshed when data changes). */
import { Badge } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';

export function ReviewNavLabel() {
  const { t } = useTranslation();
  const { dataVersion } = useAppState();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    call('merge.review.list', { offset: 0, limit: 1 })
      .then((page) => live && setCount(page.total))
      .catch(() => live && setCount(0));
    return () => {
      live = false;
    };
  }, [dataVersion]);
  return (
    <span data-testid="nav-review" data-count={count}>
      {t('nav.review')}{' '}
      {count > 0 && (
        <Badge count={count} overflowCount={999} size="small" color="gold" data-testid="nav-review-count" />
      )}
    </span>
  );
}
