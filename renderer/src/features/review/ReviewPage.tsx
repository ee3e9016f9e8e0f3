/**
 * 待确认合并: the buyer merge's review queue, one pair at a time, keyboard first. The two accounts
 * side by side (masked), the evidence per field with the agreeing characters marked and each
 * field's weight as a bar, their latest orders; merge, not the same, skip, undo. `?customer=<id>`
 * keeps to one customer's suggestions (its page links here).
 */
import { ArrowLeftOutlined, ArrowRightOutlined, SettingOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDecision, ReviewQueuePage } from '../../../../main/api/contract';
import { call, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { navigate, routeHref, useRouteQuery } from '../../app/routes';
import { useJob } from '../../app/useJob';
import { JobProgress } from '../../components/JobProgress';
import { errorText } from '../orders/order-format';
import { EvidenceBars } from './EvidenceBars';
import { reasonWords, ruleWords } from './merge-words';
import { MergeRulesDrawer } from './MergeRulesDrawer';
import { PairSide } from './PairSide';
import { useReviewKeys } from './useReviewKeys';

function customerOfQuery(query: string): number | undefined {
  const id = Number(new URLSearchParams(query).get('customer'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

const DECIDED_TEXT: Record<Exclude<ReviewDecision, 'merge'>, 'review.markedNotSame' | 'review.skipped'> = {
  notSame: 'review.markedNotSame',
  skip: 'review.skipped',
};

/** A queue this long is a lot to confirm by hand: the header points at the merge rules. */
const LONG_QUEUE = 200;

/** The queue of one customer or of all starts afresh at its first pair. */
export function ReviewPage() {
  const customerId = customerOfQuery(useRouteQuery());
  return <ReviewQueue key={customerId ?? 'all'} customerId={customerId} />;
}

function ReviewQueue({ customerId }: { customerId: number | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dataVersion, dataChanged, language } = useAppState();
  const [position, setPosition] = useState(0);
  const [fetched, setFetched] = useState<{ page: ReviewQueuePage | null; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [merged, setMerged] = useState<number | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const [strictRules, setStrictRules] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    call('merge.settings', {})
      .then((s) => live && setStrictRules(s.confirmNames))
      .catch(() => live && setStrictRules(null));
    return () => {
      live = false;
    };
  }, [dataVersion]);

  useEffect(() => {
    let live = true;
    call('merge.review.list', { offset: position, limit: 1, customerId })
      .then((page) => {
        if (!live) return;
        // A decision shortened the queue under the last pair: show the new last one.
        if (page.total > 0 && position >= page.total) setPosition(page.total - 1);
        else setFetched({ page, error: null });
      })
      .catch((error: unknown) => live && setFetched({ page: null, error }));
    return () => {
      live = false;
    };
  }, [position, customerId, dataVersion]);

  const page = fetched?.page ?? null;
  const pair = page?.pairs[0] ?? null;
  const locked = !!pair && (pair.a.customerLocked || pair.b.customerLocked);

  const decide = useCallback(
    async (decision: ReviewDecision) => {
      if (!pair || busy || (decision === 'merge' && locked)) return;
      setBusy(true);
      try {
        const result = await call('merge.review.decide', {
          accountA: pair.accountA,
          accountB: pair.accountB,
          decision,
        });
        if (decision === 'merge') {
          setMerged(result.customerId);
          void message.success(t('review.merged', { id: result.customerId }));
        } else {
          setMerged(null);
          void message.success(t(DECIDED_TEXT[decision]));
        }
        dataChanged();
      } catch (error) {
        void message.error(errorText(error, language));
      } finally {
        setBusy(false);
      }
    },
    [pair, busy, locked, message, t, dataChanged, language],
  );

  const undo = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await call('merge.review.undo', {});
      // Back to the pair the decision was about, where it stands in the queue again.
      const found = await call('merge.review.list', {
        offset: 0,
        limit: 1,
        customerId,
        focus: { accountA: result.accountA, accountB: result.accountB },
      });
      if (found.focusPosition !== null) setPosition(found.focusPosition);
      setMerged(null);
      void message.success(t('review.undone'));
      dataChanged();
    } catch (error) {
      void message.error(errorText(error, language));
    } finally {
      setBusy(false);
    }
  }, [busy, customerId, message, t, dataChanged, language]);

  // An empty queue may only mean no run has looked at the accounts since they came in: the owner
  // can run the whole merge from here (a job: progress, cancellable, one undoable operation).
  const mergeJob = useJob();
  const runMerge = useCallback(async () => {
    try {
      const result = await mergeJob.run((jobId) => call('merge.run', { mode: 'full', jobId }));
      void message.success(
        t('review.mergeRan', { autoMerged: result.autoMerged, reviewQueue: result.reviewQueue }),
      );
      setPosition(0);
      dataChanged();
    } catch (error) {
      if (!isCancelled(error)) void message.error(errorText(error, language));
    }
  }, [mergeJob, message, t, dataChanged, language]);

  const total = page?.total ?? 0;
  const move = useCallback(
    (delta: number) => setPosition((p) => Math.max(0, Math.min(total - 1, p + delta))),
    [total],
  );

  useReviewKeys({
    merge: () => void decide('merge'),
    notSame: () => void decide('notSame'),
    skip: () => void decide('skip'),
    undo: () => void undo(),
    previous: () => move(-1),
    next: () => move(1),
  });

  const header = (
    <Flex vertical gap={4}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('review.title')}
        </Typography.Title>
        {page && total > 0 && (
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="review-progress">
            {t('review.progress', { current: (pair?.position ?? position) + 1, total })}
          </Typography.Text>
        )}
        {page && page.deferred > 0 && (
          <Typography.Text type="secondary">
            {t('review.deferredCount', { count: page.deferred })}
          </Typography.Text>
        )}
        {customerId && (
          <Tag
            closable
            onClose={(e) => {
              e.preventDefault();
              navigate('review');
            }}
            data-testid="review-customer-filter"
          >
            {t('review.forCustomer', { id: customerId })}
          </Tag>
        )}
        <span style={{ flex: 1 }} />
        <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="review-rules">
          {t('review.settings.open')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('review.subtitle')}</Typography.Text>
      {strictRules && !customerId && (page?.total ?? 0) >= LONG_QUEUE && (
        <Typography.Link onClick={() => setRulesOpen(true)} data-testid="review-many-hint">
          {t('review.settings.manyToReview')}
        </Typography.Link>
      )}
      <MergeRulesDrawer open={rulesOpen} onClose={() => setRulesOpen(false)} />
    </Flex>
  );

  const mergedNotice = merged !== null && (
    <Alert
      type="success"
      showIcon
      title={t('review.merged', { id: merged })}
      action={
        <a href={routeHref('customers', undefined, String(merged))} data-testid="review-merged-link">
          {t('review.openMerged')}
        </a>
      }
      closable={{ onClose: () => setMerged(null) }}
      data-testid="review-merged"
    />
  );

  if (fetched?.error)
    return (
      <Flex vertical gap={16} data-testid="review-page">
        {header}
        <Alert
          type="error"
          showIcon
          title={t('review.loadFailed')}
          description={errorText(fetched.error, language)}
        />
      </Flex>
    );
  if (!page)
    return (
      <Flex vertical gap={16} data-testid="review-page" data-loading="true">
        {header}
        <Skeleton active />
      </Flex>
    );

  if (!pair)
    return (
      <Flex vertical gap={16} data-testid="review-page" data-loading="false" data-total={0}>
        {header}
        {mergedNotice}
        <section style={{ background: '#fff', borderRadius: 8, padding: 32 }} data-testid="review-empty">
          <Empty
            description={
              <Flex vertical gap={4}>
                <Typography.Text strong>{t('review.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">
                  {customerId ? t('review.emptyCustomer') : t('review.emptyHint')}
                </Typography.Text>
              </Flex>
            }
          >
            <Flex gap={12} justify="center">
              <Button
                icon={<UndoOutlined />}
                onClick={() => void undo()}
                disabled={busy}
                data-testid="review-undo"
              >
                {t('review.undo')} <Typography.Text keyboard>U</Typography.Text>
              </Button>
              {customerId && (
                <Button href={routeHref('customers', undefined, String(customerId))}>
                  {t('review.backToCustomer', { id: customerId })}
                </Button>
              )}
              {customerId && <Button onClick={() => navigate('review')}>{t('review.showAll')}</Button>}
              {!customerId && (
                <Button
                  type="primary"
                  onClick={() => void runMerge()}
                  loading={mergeJob.running}
                  data-testid="review-run-merge"
                >
                  {t('review.runMerge')}
                </Button>
              )}
            </Flex>
            {mergeJob.running && mergeJob.job && (
              <JobProgress job={mergeJob.job} onCancel={mergeJob.cancel} />
            )}
          </Empty>
        </section>
      </Flex>
    );

  return (
    <Flex
      vertical
      gap={16}
      data-testid="review-page"
      data-loading="false"
      data-total={total}
      data-pair={`${pair.accountA}-${pair.accountB}`}
    >
      {header}
      {mergedNotice}
      <section
        style={{ background: '#fff', borderRadius: 8, padding: '12px 18px' }}
        data-testid="review-actions"
      >
        <Flex align="center" gap={8} wrap>
          <Tooltip title={locked ? t('review.lockedHint') : undefined}>
            <Button
              type="primary"
              onClick={() => void decide('merge')}
              disabled={busy || locked}
              data-testid="review-merge"
            >
              {t('review.merge')}{' '}
              <Typography.Text keyboard style={{ color: 'inherit' }}>
                M
              </Typography.Text>
            </Button>
          </Tooltip>
          <Button danger onClick={() => void decide('notSame')} disabled={busy} data-testid="review-not-same">
            {t('review.notSame')}{' '}
            <Typography.Text keyboard style={{ color: 'inherit' }}>
              N
            </Typography.Text>
          </Button>
          <Button onClick={() => void decide('skip')} disabled={busy} data-testid="review-skip">
            {t('review.skip')} <Typography.Text keyboard>S</Typography.Text>
          </Button>
          <Button
            icon={<UndoOutlined />}
            onClick={() => void undo()}
            disabled={busy}
            data-testid="review-undo"
          >
            {t('review.undo')} <Typography.Text keyboard>U</Typography.Text>
          </Button>
          <span style={{ flex: 1 }} />
          <Tooltip title={t('review.weightHint')}>
            <Typography.Text strong data-testid="review-weight">
              {t('review.weight', {
                bits: pair.weight > 0 ? `+${pair.weight.toFixed(1)}` : pair.weight.toFixed(1),
              })}
            </Typography.Text>
          </Tooltip>
          {pair.strong && <Tag color="green">{t('review.strong')}</Tag>}
          {pair.deferred && <Tag>{t('review.deferred')}</Tag>}
          <Button
            icon={<ArrowLeftOutlined />}
            onClick={() => move(-1)}
            disabled={pair.position === 0}
            aria-label={t('review.previous')}
            data-testid="review-previous"
          />
          <Button
            icon={<ArrowRightOutlined />}
            onClick={() => move(1)}
            disabled={pair.position >= total - 1}
            aria-label={t('review.next')}
            data-testid="review-next"
          />
        </Flex>
        {pair.blockedReason && (
          <Typography.Text type="warning" style={{ display: 'block', marginTop: 8 }}>
            {t('review.blocked', { reason: reasonWords(t, pair.blockedReason) })}
          </Typography.Text>
        )}
      </section>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
        <PairSide side={pair.a} label={t('review.sideA')} />
        <PairSide side={pair.b} label={t('review.sideB')} />
      </div>
      <section style={{ background: '#fff', borderRadius: 8, padding: '14px 18px' }}>
        <Flex justify="space-between" align="baseline" gap={12} wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('review.evidence')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('review.rule', { rule: ruleWords(t, pair.rule) })}
          </Typography.Text>
        </Flex>
        <EvidenceBars evidence={pair.evidence} />
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 12 }}>
          {t('review.evidenceHint')}
        </Typography.Text>
      </section>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('review.keys')} · {t('review.masked')}
      </Typography.Text>
    </Flex>
  );
}
