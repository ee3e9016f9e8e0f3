/** The owner's tags and note on a customer: saved through customers.update (one logged edit). */
import { App, Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, CustomerEditResult } from '../../../../main/api/contract';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../../../../main/shared/customers-query';
import { call } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { errorText } from '../orders/order-format';
import { Section } from './Section';

export function CustomerNotes({
  detail,
  onSaved,
}: {
  detail: CustomerDetail;
  onSaved: (saved: CustomerEditResult) => void;
}) {
  const { t } = useTranslation();
  const { language } = useAppState();
  const { message } = App.useApp();
  const [tags, setTags] = useState<string[]>(detail.tags);
  const [note, setNote] = useState(detail.note ?? '');
  const [saving, setSaving] = useState(false);
  const changed = note.trim() !== (detail.note ?? '') || JSON.stringify(tags) !== JSON.stringify(detail.tags);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await call('customers.update', { id: detail.id, note: note.trim() || null, tags });
      setTags(saved.tags);
      setNote(saved.note ?? '');
      onSaved(saved);
      void message.success(t('customers.page.saved'));
    } catch (error) {
      void message.error(`${t('customers.page.saveFailed')}：${errorText(error, language)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section title={t('customers.page.notes')} testId="customer-notes">
      <Flex vertical gap={8} style={{ maxWidth: 720 }}>
        <Typography.Text type="secondary">{t('customers.page.tags')}</Typography.Text>
        <Select
          mode="tags"
          value={tags}
          onChange={(next: string[]) =>
            setTags(
              [...new Set(next.map((x) => x.trim().slice(0, MAX_TAG_LENGTH)).filter(Boolean))].slice(
                0,
                MAX_TAGS,
              ),
            )
          }
          placeholder={t('customers.page.tagsPlaceholder')}
          open={false}
          suffixIcon={null}
          data-testid="customer-tags"
        />
        <Typography.Text type="secondary">{t('customers.page.note')}</Typography.Text>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={MAX_NOTE_LENGTH}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('customers.page.notePlaceholder')}
          data-testid="customer-note"
        />
        <div>
          <Button
            type="primary"
            disabled={!changed}
            loading={saving}
            onClick={() => void save()}
            data-testid="customer-save"
          >
            {t('customers.page.save')}
          </Button>
        </div>
      </Flex>
    </Section>
  );
}
