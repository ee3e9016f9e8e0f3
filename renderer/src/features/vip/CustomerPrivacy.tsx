/**
 * On the customer page: the owner's word on marketing (不接受营销 by hand) and deletion on request —
 * which cannot be undone, so it asks first and says so.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Radio, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentView } from '../../../../main/api/contract';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { Section } from '../customers/Section';
import { errorText } from '../orders/order-format';

type Choice = 'unset' | 'accepts' | 'refuses';
const choiceOf = (consent: boolean | null): Choice =>
  consent === null ? 'unset' : consent ? 'accepts' : 'refuses';

export function CustomerPrivacy({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { language, dataVersion, dataChanged } = useAppState();
  const { message, modal } = App.useApp();
  const [view, setView] = useState<ConsentView | null>(null);

  useEffect(() => {
    let live = true;
    call('privacy.consent', { customerId })
      .then((v) => live && setView(v))
      .catch(() => live && setView(null));
    return () => {
      live = false;
    };
  }, [customerId, dataVersion]);

  const setChoice = async (choice: Choice) => {
    try {
      const consent = choice === 'unset' ? null : choice === 'accepts';
      setView(await call('privacy.setConsent', { customerId, consent }));
      void message.success(t('vip.privacy.saved'));
    } catch (error) {
      modal.error({ title: t('vip.privacy.consent'), content: errorText(error, language) });
    }
  };

  const erase = () =>
    modal.confirm({
      title: t('vip.privacy.eraseTitle'),
      content: t('vip.privacy.eraseBody'),
      okText: t('vip.privacy.eraseConfirm'),
      okButtonProps: { danger: true, 'data-testid': 'erase-confirm' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await call('privacy.erase', { customerId, confirm: true });
          void message.success(t('vip.privacy.erased', { orders: r.orders }));
          dataChanged();
        } catch (error) {
          modal.error({ title: t('vip.privacy.erase'), content: errorText(error, language) });
        }
      },
    });

  return (
    <Section
      title={t('vip.privacy.title')}
      testId="customer-privacy"
      extra={
        <Button danger icon={<DeleteOutlined />} onClick={erase} data-testid="customer-erase">
          {t('vip.privacy.erase')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('vip.privacy.consent')}</Typography.Text>
          <Radio.Group
            optionType="button"
            value={view ? choiceOf(view.consent) : undefined}
            disabled={!view}
            onChange={(e) => void setChoice(e.target.value as Choice)}
            options={[
              { value: 'unset', label: t('vip.privacy.notSaid') },
              { value: 'accepts', label: t('vip.privacy.accepts') },
              { value: 'refuses', label: t('vip.privacy.refuses') },
            ]}
            data-testid="customer-consent"
          />
        </Flex>
        {view?.noMarketing && view.consent !== false && (
          <Alert type="warning" showIcon title={t('vip.privacy.optedOutByList')} />
        )}
      </Flex>
    </Section>
  );
}
