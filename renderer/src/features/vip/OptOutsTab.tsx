/**
 * 营销退订: an SMS or e-mail tool's unsubscribe list (text or CSV, phones and e-mails), uploaded and
 * applied: those customers refuse marketing, now and in later imports.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptOutImportResult } from '../../../../main/api/contract';
import { call, uploadFiles } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { errorText } from '../orders/order-format';

export function OptOutsTab({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { modal } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OptOutImportResult | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const [staged] = await uploadFiles([file]);
      const r = await call('privacy.importOptOuts', { fileId: staged!.fileId });
      setResult(r);
      onImported();
    } catch (error) {
      modal.error({ title: t('vip.optOuts.failed'), content: errorText(error, language) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small">
      <Flex vertical gap={12} style={{ maxWidth: 720 }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('vip.optOuts.intro')}</Typography.Paragraph>
        <input
          ref={input}
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
          data-testid="optout-file"
        />
        <div>
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('vip.optOuts.choose')}
          </Button>
        </div>
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="optout-result"
            title={t('vip.optOuts.done', {
              read: result.read,
              added: result.added,
              skipped: result.skipped,
              customers: result.customersOptedOut,
            })}
          />
        )}
      </Flex>
    </Card>
  );
}
