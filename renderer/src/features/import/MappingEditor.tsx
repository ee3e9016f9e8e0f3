import { Button, Col, Form, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GENERIC_FIELDS, REQUIRED_GENERIC_FIELDS, type GenericField } from './formats';

type Mapping = Partial<Record<GenericField, string>>;

/** For files of no known layout: the user says which column holds which order field. */
export function MappingEditor({
  header,
  initial,
  busy,
  onApply,
}: {
  header: string[];
  initial: Mapping;
  busy: boolean;
  onApply: (mapping: Mapping) => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<Mapping>(initial);
  const columns = [...new Set(header.map((h) => h.trim()).filter(Boolean))];
  const missing = REQUIRED_GENERIC_FIELDS.filter((f) => !mapping[f]);

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
