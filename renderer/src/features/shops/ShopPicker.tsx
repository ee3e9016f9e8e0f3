/**
 * The import preview's shop: one of the owner's shops of the file's platform, or a new name typed
 * in. The sample shops are listed, labelled and disabled: real orders never go into them. Picking
 * or typing a shop previews the file again (its dates are read in that shop's time zone).
 */
import { AutoComplete, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../../main/shared/vocabulary';
import { SampleTag } from './ShopName';
import { useShops } from './useShops';

export function ShopPicker({
  platform,
  value,
  onChoose,
}: {
  /** The file's platform, once it is known. */
  platform: Platform | null;
  value: string;
  onChoose: (name: string) => void;
}) {
  const { t } = useTranslation();
  const { shops } = useShops();
  const [text, setText] = useState(value);
  // A new preview (or another file's choice) replaces what was typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }

  const ofPlatform = useMemo(
    () => (shops ?? []).filter((s) => platform === null || s.platform === platform),
    [shops, platform],
  );
  const typed = text.trim();
  const exists = ofPlatform.some((s) => s.name === value);
  const showAll = typed === value.trim();
  const matching = ofPlatform.filter((s) => showAll || s.name.toLowerCase().includes(typed.toLowerCase()));
  const options = [
    ...(matching.length > 0
      ? [
          {
            label: t('shops.pickerExisting', {
              platform: platform ? t(`platform.${platform}`) : '',
            }),
            options: matching.map((s) => ({
              value: s.name,
              disabled: s.isSample,
              label: (
                <Space size={6} data-testid={`shop-option-${s.name}`}>
                  <span>{s.name}</span>
                  {s.isSample && <SampleTag />}
                  {s.isSample && <span style={{ color: '#8c8c8c' }}>{t('shops.pickerSampleDisabled')}</span>}
                </Space>
              ),
            })),
          },
        ]
      : []),
    ...(typed && !ofPlatform.some((s) => s.name === typed)
      ? [
          {
            value: typed,
            label: <span data-testid="shop-option-new">{t('shops.pickerNew', { name: typed })}</span>,
          },
        ]
      : []),
  ];

  const commit = (name: string) => {
    const clean = name.trim();
    if (!clean) {
      setText(value);
      return;
    }
    if (clean !== value) onChoose(clean);
  };

  return (
    <Space.Compact block>
      <AutoComplete
        data-testid="preview-shop"
        style={{ width: '100%' }}
        value={text}
        options={options}
        placeholder={t('shops.pickerPlaceholder')}
        onChange={(next: string) => setText(next)}
        onSelect={(next: string) => {
          setText(next);
          commit(next);
        }}
        onBlur={() => commit(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
        }}
        maxLength={100}
        popupMatchSelectWidth={360}
      />
      {value && !exists && shops !== null && (
        <Tag
          color="blue"
          style={{ marginInlineStart: 6, alignSelf: 'center' }}
          data-testid="preview-shop-new"
        >
          {t('shops.pickerNewTag')}
        </Tag>
      )}
    </Space.Compact>
  );
}
