/**
 * The pair's evidence, one row per compared field: the two shown values with their agreeing
 * characters marked, and the field's weight as a bar from a centre line — green to the right for
 * the merge, red to the left against — so the strong and the contrary fields stand out at a glance.
 */
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewEvidence } from '../../../../main/api/contract';
import { Highlighted } from './Highlighted';

/** A bar reaches the edge at this many bits (a full phone is worth about twenty). */
const FULL_BAR_BITS = 20;

function signed(bits: number): string {
  return bits > 0 ? `+${bits.toFixed(1)}` : bits.toFixed(1);
}

function WeightBar({ bits }: { bits: number }) {
  const share = Math.min(1, Math.abs(bits) / FULL_BAR_BITS) * 50;
  const positive = bits >= 0;
  return (
    <div
      style={{ position: 'relative', height: 10, background: '#f5f5f5', borderRadius: 5, minWidth: 80 }}
      data-testid="evidence-bar"
      data-bits={bits}
    >
      <div
        style={{ position: 'absolute', left: '50%', top: -2, bottom: -2, width: 1, background: '#bfbfbf' }}
      />
      <div
        style={{
          position: 'absolute',
          top: 0,
          bottom: 0,
          borderRadius: 5,
          background: positive ? '#52c41a' : '#ff4d4f',
          left: positive ? '50%' : `${50 - share}%`,
          width: `${share}%`,
        }}
      />
    </div>
  );
}

export function EvidenceBars({ evidence }: { evidence: ReviewEvidence[] }) {
  const { t } = useTranslation();
  if (evidence.length === 0)
    return <Typography.Text type="secondary">{t('review.noEvidence')}</Typography.Text>;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(90px, 140px) minmax(0, 1fr) minmax(0, 1fr) minmax(100px, 200px) 48px',
        columnGap: 16,
        rowGap: 10,
        alignItems: 'center',
      }}
      data-testid="review-evidence"
    >
      {[t('review.evidence'), t('review.sideA'), t('review.sideB'), t('review.weightColumn'), ''].map(
        (h, i) => (
          <Typography.Text
            key={i}
            type="secondary"
            style={{ fontSize: 12, textAlign: i === 4 ? 'right' : 'left' }}
          >
            {h}
          </Typography.Text>
        ),
      )}
      {evidence.map((e) => (
        <div
          key={`${e.field}-${e.level}`}
          style={{ display: 'contents' }}
          data-testid="evidence-row"
          data-field={e.field}
        >
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong>
              {t(`review.fields.${e.field}`, { defaultValue: e.field })}
            </Typography.Text>
            {/* Wrapped, not cut: the level's words are the explanation the owner decides by. */}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`review.levels.${e.level}`, { defaultValue: e.level.replace(/_/g, ' ') })}
            </Typography.Text>
          </Flex>
          <div style={{ minWidth: 0 }} data-testid="evidence-a">
            <Highlighted value={e.a} agree={e.agreeA} />
          </div>
          <div style={{ minWidth: 0 }} data-testid="evidence-b">
            <Highlighted value={e.b} agree={e.agreeB} />
          </div>
          <WeightBar bits={e.bits} />
          <Typography.Text
            strong
            style={{ color: e.bits >= 0 ? '#389e0d' : '#cf1322', textAlign: 'right' }}
            data-testid="evidence-bits"
          >
            {signed(e.bits)}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
