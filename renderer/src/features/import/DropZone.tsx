import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The visible target; the drop itself is handled by the window, so a drop anywhere works the same. */
export function DropZone({ onChoose, busy }: { onChoose: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      data-testid="drop-zone"
      style={{
        border: '2px dashed #d9d9d9',
        borderRadius: 8,
        background: '#fff',
        padding: '28px 16px',
        textAlign: 'center',
      }}
    >
      <InboxOutlined style={{ fontSize: 40, color: '#c2410c' }} />
      <Typography.Paragraph style={{ margin: '8px 0 4px', fontSize: 16 }}>
        {t('import.dropHere')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('import.supported')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<FolderOpenOutlined />}
        onClick={onChoose}
        loading={busy}
        data-testid="choose-files"
      >
        {t('import.choose')}
      </Button>
    </div>
  );
}
