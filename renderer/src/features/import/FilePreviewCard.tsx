import { CloseOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilePreview } from '../../../../main/api/contract';
import { useErrorText } from '../../app/useErrorText';
import { formatDateRange } from '../../format/dates';
import { formatCount, formatFen } from '../../format/money';
import {
  asksForCurrency,
  CURRENCIES,
  IMPORT_FORMATS,
  isTextFile,
  TEXT_ENCODINGS,
  type ImportFormat,
  type TextEncoding,
} from './formats';
import type { Overrides, StagedEntry } from './ImportSession';
import { MappingEditor } from './MappingEditor';
import { ProblemsTable } from './ProblemsTable';
import { SampleTable } from './SampleTable';
import { ShopPicker } from '../shops/ShopPicker';
import { platformOfFormat } from '../../../../main/shared/vocabulary';

/**
 * Refusals of the file itself (not an export, damaged, empty): no file type, shop or encoding the
 * user could choose would read it, so those choices are not offered.
 */
const FILE_REFUSALS: ReadonlySet<string> = new Set([
  'file.binary',
  'file.archive',
  'file.legacyXls',
  'file.encryptedXlsx',
  'file.damagedXlsx',
  'file.empty',
  'file.emptyWorkbook',
  'file.noDataRows',
  'file.notFound',
  'file.unreadable',
  'file.expired',
]);

function Stats({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  const stat = (key: string, label: string, text: string, value?: number) => ({
    key,
    label,
    children: (
      <span data-testid={`preview-${key}`} data-value={value}>
        {text}
      </span>
    ),
  });
  return (
    <Descriptions
      size="small"
      column={{ xs: 2, md: 3, xl: 6 }}
      items={[
        {
          key: 'rows',
          label: t('import.rows'),
          children: (
            <span data-testid="preview-rows" data-value={preview.rows}>
              {formatCount(preview.rows)}
              <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                <span
                  data-testid="preview-rows-split"
                  data-imported={preview.rowsImported}
                  data-refused={preview.rowsRefused}
                >
                  {t('import.rowsSplit', {
                    imported: formatCount(preview.rowsImported),
                    refused: formatCount(preview.rowsRefused),
                  })}
                </span>
              </Typography.Text>
            </span>
          ),
        },
        stat('orders', t('import.orders'), formatCount(preview.orders), preview.orders),
        stat('lines', t('import.lines'), formatCount(preview.lines), preview.lines),
        stat('range', t('import.range'), formatDateRange(preview.firstOrderAt, preview.lastOrderAt)),
        stat(
          'paid',
          t('kpi.paid'),
          preview.currency ? formatFen(preview.money.paidFen, preview.currency) : '—',
          preview.money.paidFen,
        ),
        stat(
          'refund',
          t('kpi.refund'),
          preview.currency ? formatFen(preview.money.refundFen, preview.currency) : '—',
          preview.money.refundFen,
        ),
      ]}
    />
  );
}

export function FilePreviewCard({
  entry,
  onOverride,
  onRemove,
}: {
  entry: StagedEntry;
  onOverride: (patch: Partial<Overrides>, repreview: boolean) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { messageText } = useErrorText();
  const { file, preview, overrides, previewing } = entry;
  const format = overrides.format ?? preview?.format ?? undefined;
  // Columns to map only when there are some: an empty, binary or header-only file has nothing to map.
  const isGeneric =
    preview !== null && (format === undefined || format === 'generic') && preview.header.length > 0;
  const currency = overrides.currency ?? preview?.currency ?? undefined;
  const needsCurrency = preview !== null && !preview.error && !currency;
  const fileRefused = preview?.error ? FILE_REFUSALS.has(preview.error.code) : false;

  return (
    <Card
      data-testid="preview-card"
      data-file={file.name}
      size="small"
      title={
        <Space>
          <FileExcelOutlined />
          <span>{file.name}</span>
          {preview?.variants.map((v) => (
            <Tag key={v}>{v}</Tag>
          ))}
        </Space>
      }
      extra={
        <Button
          type="text"
          icon={<CloseOutlined />}
          onClick={onRemove}
          aria-label={t('import.remove')}
          data-testid="preview-remove"
        />
      }
    >
      <Spin spinning={previewing}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {!fileRefused && (
            <Form layout="vertical" size="small">
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('import.format')} style={{ marginBottom: 8 }}>
                    <Select<ImportFormat>
                      data-testid="preview-format"
                      value={format}
                      placeholder={t('import.formatUnknown')}
                      options={IMPORT_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
                      onChange={(value) => onOverride({ format: value, mapping: undefined }, true)}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    label={t('import.shop')}
                    style={{ marginBottom: 8 }}
                    tooltip={t('import.shopHint')}
                  >
                    <ShopPicker
                      platform={format ? platformOfFormat(format) : null}
                      value={overrides.shopName ?? preview?.shop ?? ''}
                      onChoose={(shopName) => onOverride({ shopName }, true)}
                    />
                  </Form.Item>
                </Col>
                {preview && asksForCurrency(format) && (
                  <Col xs={12} md={4}>
                    <Form.Item
                      label={t('import.currency')}
                      style={{ marginBottom: 8 }}
                      validateStatus={needsCurrency ? 'warning' : undefined}
                      help={needsCurrency ? t('import.currencyNeeded') : undefined}
                    >
                      <Select<string>
                        data-testid="preview-currency"
                        value={currency}
                        placeholder={t('import.currency')}
                        showSearch
                        options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                        onChange={(value) => onOverride({ currency: value }, true)}
                      />
                    </Form.Item>
                  </Col>
                )}
                {isTextFile(file.name, preview?.encoding) && (
                  <Col xs={24} md={6}>
                    <Form.Item label={t('import.encoding')} style={{ marginBottom: 8 }}>
                      <Select<TextEncoding>
                        data-testid="preview-encoding"
                        value={(overrides.encoding ?? preview?.encoding) as TextEncoding | undefined}
                        options={TEXT_ENCODINGS.map((e) => ({ value: e, label: t(`encoding.${e}`) }))}
                        onChange={(value) => onOverride({ encoding: value }, true)}
                      />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            </Form>
          )}
          {preview?.error && (
            <Alert
              type="error"
              showIcon
              title={t('import.cannotImport')}
              description={messageText(preview.error)}
              data-code={preview.error.code}
              data-testid="preview-error"
            />
          )}
          {preview?.alreadyImported && (
            <Alert
              type="warning"
              showIcon
              title={t('import.alreadyImported')}
              data-testid="preview-already-imported"
            />
          )}
          {preview && !preview.error && <Stats preview={preview} />}
          {preview && isGeneric && (
            <MappingEditor
              key={JSON.stringify(preview.mapping ?? {})}
              header={preview.header}
              initial={overrides.mapping ?? preview.mapping ?? {}}
              statusValues={preview.error ? [] : preview.statusValues}
              busy={previewing}
              onApply={(mapping) => onOverride({ format: 'generic', mapping }, true)}
            />
          )}
          {preview && preview.header.length > 0 && (
            <div>
              <Typography.Text type="secondary">
                {t('import.sample', { count: preview.sampleRows.length })}
              </Typography.Text>
              <SampleTable header={preview.header} rows={preview.sampleRows} />
            </div>
          )}
          {preview && preview.problems.length > 0 && (
            <ProblemsTable problems={preview.problems} total={preview.problemCount} />
          )}
        </Space>
      </Spin>
    </Card>
  );
}
