/**
 * How the customer's accounts were joined: each link the buyer merge kept between two of its
 * accounts, with its weight in bits, its zone and the owner's decision, and per compared field the
 * agreement level, the weight it added and the two values as compared (masked).
 */
import { Flex, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, CustomerLinkView, LinkEvidence } from '../../../../main/api/contract';
import { routeHref } from '../../app/routes';
import { reasonWords, ruleWords } from '../review/merge-words';
import { Section } from './Section';
import { TableTheme } from './table-theme';

/** Per-field weights drawn against this many bits (a strong identifier is worth about ten). */
const BAR_BITS = 12;

function EvidenceTable({ evidence }: { evidence: LinkEvidence[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<LinkEvidence> = [
    {
      key: 'field',
      title: t('customers.page.field'),
      width: 110,
      render: (_, e) => t(`customers.evidenceFields.${e.field}`, { defaultValue: e.field }),
    },
    {
      key: 'level',
      title: t('customers.page.level'),
      width: 170,
      ellipsis: { showTitle: false },
      // The merge's own level codes (masked_compatible): shown as words where they read as words.
      render: (_, e) => (
        <Tooltip title={e.level} placement="topLeft">
          <span>{t(`review.levels.${e.level}`, { defaultValue: e.level.replace(/_/g, ' ') })}</span>
        </Tooltip>
      ),
    },
    {
      key: 'bits',
      title: t('customers.page.bits'),
      width: 180,
      render: (_, e) => (
        <Flex align="center" gap={8}>
          <Progress
            percent={Math.min(100, (Math.abs(e.bits) / BAR_BITS) * 100)}
            showInfo={false}
            size="small"
            strokeColor={e.bits >= 0 ? '#1677ff' : '#ff4d4f'}
            style={{ width: 100, margin: 0 }}
          />
          <Typography.Text>{e.bits > 0 ? `+${e.bits.toFixed(1)}` : e.bits.toFixed(1)}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'a', title: t('customers.page.valueA'), ellipsis: true, render: (_, e) => e.a ?? '—' },
    { key: 'b', title: t('customers.page.valueB'), ellipsis: true, render: (_, e) => e.b ?? '—' },
  ];
  return (
    <TableTheme>
      <Table<LinkEvidence>
        size="small"
        rowKey={(e) => `${e.field}-${e.level}`}
        pagination={false}
        columns={columns}
        dataSource={evidence}
      />
    </TableTheme>
  );
}

function LinkCard({ link, detail }: { link: CustomerLinkView; detail: CustomerDetail }) {
  const { t } = useTranslation();
  const name = (id: number) => {
    const a = detail.accounts.find((x) => x.id === id);
    return a ? `${t(`orders.platformShort.${a.platform}`, { defaultValue: a.platform })} ${a.key}` : `#${id}`;
  };
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }} data-testid="customer-link">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {name(link.accountA)} ↔ {name(link.accountB)}
        </Typography.Text>
        <Tag color={link.zone === 'auto' ? 'blue' : 'gold'}>
          {link.zone === 'auto' ? t('customers.page.zoneAuto') : t('customers.page.zoneReview')}
        </Tag>
        <Typography.Text>{t('customers.page.weight', { bits: link.weight.toFixed(1) })}</Typography.Text>
        {link.strong && <Tag color="green">{t('customers.page.strong')}</Tag>}
        {link.decision === 'must' && <Tag color="purple">{t('customers.page.decisionMust')}</Tag>}
        {link.decision === 'cannot' && <Tag color="red">{t('customers.page.decisionCannot')}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('customers.page.rule', { rule: ruleWords(t, link.rule) })}
        </Typography.Text>
        {link.blockedReason && (
          <Typography.Text type="warning">
            {t('customers.page.blocked', { reason: reasonWords(t, link.blockedReason) })}
          </Typography.Text>
        )}
      </Flex>
      <EvidenceTable evidence={link.evidence} />
    </div>
  );
}

export function CustomerJoins({ detail }: { detail: CustomerDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('customers.page.joins')} testId="customer-joins">
      <Flex vertical gap={12}>
        {detail.links.length === 0 && (
          <Typography.Text type="secondary">
            {detail.accounts.length <= 1 ? t('customers.page.joinsNone') : t('customers.page.joinsSingles')}
          </Typography.Text>
        )}
        {detail.links.map((link) => (
          <LinkCard key={`${link.accountA}-${link.accountB}`} link={link} detail={detail} />
        ))}
        {detail.openSuggestions > 0 && (
          // The review screen, kept to this customer's suggestions.
          <a
            href={routeHref('review', new URLSearchParams({ customer: String(detail.id) }))}
            data-testid="customer-open-suggestions"
          >
            {t('customers.page.joinsOpen', { count: detail.openSuggestions })}
          </a>
        )}
      </Flex>
    </Section>
  );
}
