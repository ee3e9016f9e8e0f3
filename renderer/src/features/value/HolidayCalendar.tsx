/**
 * The holiday calendar behind "holiday-only" buyers, editable: a festival's name and its days
 * (MM-DD to MM-DD, every year; a period across New Year wraps). Saved with the value settings; the
 * stored facts are then refreshed in the background.
 */
import { CalendarOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Holiday, ValueSettings } from '../../../../main/domain/value/report-types';
import { call } from '../../api/client';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function HolidayCalendar({ settings, onSaved }: { settings: ValueSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<Holiday[]>(settings.holidays);
  const [saving, setSaving] = useState(false);
  const valid = rows.every((h) => h.name.trim() && MONTH_DAY.test(h.start) && MONTH_DAY.test(h.end));
  const edit = (i: number, change: Partial<Holiday>) =>
    setRows((prev) => prev.map((h, k) => (k === i ? { ...h, ...change } : h)));

  const save = async () => {
    setSaving(true);
    try {
      await call('value.saveSettings', {
        ...settings,
        holidays: rows.map((h) => ({ ...h, name: h.name.trim() })),
      });
      setOpen(false);
      onSaved();
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        icon={<CalendarOutlined />}
        onClick={() => {
          setRows(settings.holidays);
          setOpen(true);
        }}
        data-testid="holiday-calendar-edit"
      >
        {t('value.calendar.edit')}
      </Button>
      <Modal
        open={open}
        title={t('value.calendar.title')}
        okText={t('value.calendar.save')}
        cancelText={t('value.calendar.cancel')}
        okButtonProps={{ disabled: !valid, loading: saving, ...{ 'data-testid': 'holiday-calendar-save' } }}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('value.calendar.hint')}
        </Typography.Paragraph>
        <Flex vertical gap={8} data-testid="holiday-calendar">
          {rows.map((h, i) => (
            <Flex key={i} gap={8} align="center">
              <Input
                style={{ flex: 1 }}
                value={h.name}
                maxLength={30}
                placeholder={t('value.calendar.name')}
                onChange={(e) => edit(i, { name: e.target.value })}
              />
              <Input
                style={{ width: 80 }}
                value={h.start}
                placeholder="MM-DD"
                status={MONTH_DAY.test(h.start) ? undefined : 'error'}
                onChange={(e) => edit(i, { start: e.target.value.trim() })}
              />
              <span>–</span>
              <Input
                style={{ width: 80 }}
                value={h.end}
                placeholder="MM-DD"
                status={MONTH_DAY.test(h.end) ? undefined : 'error'}
                onChange={(e) => edit(i, { end: e.target.value.trim() })}
              />
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('value.calendar.remove')}
                onClick={() => setRows((prev) => prev.filter((_, k) => k !== i))}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => setRows((prev) => [...prev, { name: '', start: '01-01', end: '01-01' }])}
          >
            {t('value.calendar.add')}
          </Button>
        </Flex>
      </Modal>
    </>
  );
}
