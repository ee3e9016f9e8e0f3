import { InboxOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown while files are dragged over the window: a drop anywhere starts an import. */
export function DropOverlay() {
  const { t } = useTranslation();
  return (
    <div
      data-testid="drop-overlay"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: 'rgba(255, 247, 237, 0.92)',
        border: '3px dashed #c2410c',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        pointerEvents: 'none',
      }}
    >
      <InboxOutlined style={{ fontSize: 64, color: '#c2410c' }} />
      <Typography.Title level={3}>{t('import.dropAnywhere')}</Typography.Title>
    </div>
  );
}
