/** How the predictions were made: the models and their fitted parameters, or why simple rules stood in. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValueModelSummary } from '../../../../main/domain/value/report-types';
import { formatMessage } from '../../../../main/shared/messages/index';
import { formatCount } from '../../format/money';

const fixed = (n: number | undefined, digits = 3) => (n === undefined ? '—' : n.toFixed(digits));

export function ModelExplain({ model }: { model: ValueModelSummary | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  if (!model) return <Typography.Text type="secondary">{t('value.fit.none')}</Typography.Text>;
  const usesModel = model.purchasesMethod === 'bgnbd';
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} data-testid="value-model">
      {usesModel
        ? t('value.model.bgnbd', {
            customers: formatCount(model.customers),
            repeat: formatCount(model.repeatCustomers),
            end: model.calibrationEnd,
          })
        : t('value.model.rules')}{' '}
      {t('value.model.clv', {
        months: model.months,
        rate: `${model.monthlyDiscountRate * 100}%`,
        margin: `${Math.round(model.margin * 1000) / 10}%`,
      })}
      {model.bgnbd && model.gammaGamma && (
        <>
          <br />
          {t('value.model.params', {
            r: fixed(model.bgnbd.r),
            alpha: fixed(model.bgnbd.alpha, 2),
            a: fixed(model.bgnbd.a),
            b: fixed(model.bgnbd.b),
            p: fixed(model.gammaGamma.p, 2),
            q: fixed(model.gammaGamma.q, 2),
            // γ is in the spend's unit (minor units): shown in whole units, as the amounts are.
            gamma: fixed(model.gammaGamma.gamma / 100, 2),
          })}
        </>
      )}
      {model.thinData.map((m) => (
        <span key={m.code}>
          <br />
          {formatMessage(m.code, m.params, lang)}
        </span>
      ))}
    </Typography.Paragraph>
  );
}
