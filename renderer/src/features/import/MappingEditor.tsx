import { Button, Col, Form, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, StatusValueCount } from '../../../../main/api/contract';
import { formatCount } from '../../format/money';
import { GENERIC_FIELDS, MAPPED_STATUSES, REQUIRED_GENERIC_FIELDS, type MappedStatus } from './formats';

/**
 * For files of no known layout: the user says which column holds which order field and, once the
 * file was read, what each status text in it means.
 */
export function MappingEditor({
  header,
  initial,
  statusValues,
  busy,
  onApply,
}: {
  header: string[];
  initial: ColumnMapping;
  /** The status texts the last preview found (none before a status column is mapped). */
  statusValues: StatusValueCount[];
  busy: boolean;
  onApply: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<ColumnMapping>(initial);
  const columns = [...new Set(header.map((h) => h.trim()).filter(Boolean))];
  const missing = REQUIRED_GENERIC_FIELDS.filter((f) => !mapping[f]);

  const setStatus = (value: string, meaning: MappedStatus | undefined) =>
    setMapping((prev) => {
      const statusValues = { ...prev.statusValues };
      if (meaning) statusValues[value] = meaning;
      else delete statusValues[value];
      return { ...prev, statusValues };
    });

  return (
    <div data-testid="mapping-editor" style={{ background: '#fafafa', padding: 12, borderRadius: 6 }}>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('import.mapping.title')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('import.mapping.hint')}</Typography.Paragraph>
      <Form layout="vertical" size="small">
        <Row gutter={12}>
          {GENERIC_FIELDS.map((field) => (
            <Col key={field} xs={12} md={8} xl={6}>
              <Form.Item
                label={t(`import.fields.${field}`)}
                required={REQUIRED_GENERIC_FIELDS.includes(field)}
                style={{ marginBottom: 8 }}
              >
                <Select
                  allowClear
                  showSearch
                  data-testid={`mapping-${field}`}
                  placeholder={t('import.mapping.none')}
                  value={mapping[field]}
                  options={columns.map((c) => ({ value: c, label: c }))}
                  onChange={(value?: string) =>
                    setMapping((prev) => {
                      const next = { ...prev };
                      if (value) next[field] = value;
                      else delete next[field];
                      return next;
                    })
                  }
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
      {mapping.status && statusValues.length > 0 && (
        <div data-testid="mapping-statuses" style={{ marginBottom: 12 }}>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('import.mapping.statusTitle')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('import.mapping.statusHint')}</Typography.Paragraph>
          <Table<StatusValueCount>
            size="small"
            rowKey="value"
            pagination={false}
            dataSource={statusValues}
            columns={[
              { title: t('import.mapping.statusValue'), dataIndex: 'value' },
              {
                title: t('import.mapping.statusOrders'),
                dataIndex: 'orders',
                align: 'right',
                render: (n: number) => formatCount(n),
              },
              {
                title: t('import.mapping.statusMeaning'),
                key: 'meaning',
                width: 220,
                render: (_: unknown, s) => (
                  <Select<MappedStatus>
                    size="small"
                    allowClear
                    style={{ width: '100%' }}
                    data-testid={`mapping-status-${s.value}`}
                    placeholder={t('import.mapping.statusUnknown')}
                    value={mapping.statusValues?.[s.value] ?? s.status ?? undefined}
                    options={MAPPED_STATUSES.map((m) => ({ value: m, label: t(`import.statuses.${m}`) }))}
                    onChange={(meaning) => setStatus(s.value, meaning)}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
      <Button
        onClick={() => onApply(mapping)}
        disabled={missing.length > 0}
        loading={busy}
        data-testid="mapping-apply"
      >
        {t('import.mapping.apply')}
      </Button>
      {missing.length > 0 && (
        <Typography.Text type="warning" style={{ marginLeft: 12 }}>
          {t('import.mapping.required', {
            fields: missing.map((f) => t(`import.fields.${f}`)).join(t('common.listSeparator')),
          })}
        </Typography.Text>
      )}
    </div>
  );
}
