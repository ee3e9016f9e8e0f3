/** Messages of VIP lists: segments, levels, exports, opt-outs and deletion on request. */
import type { Templates } from './index.js';

export const vipMessages = {
  'vip.badLevels': {
    'zh-CN':
      'VIP 等级设置不成立（{reason}）：第一级的门槛应为 0，名称不能为空或重复，门槛应逐级升高，最多 10 级。',
    en: 'The VIP levels do not hold together ({reason}): the first level starts at 0, names are unique and not empty, each level needs more than the one below, at most 10 levels.',
  },
  'vip.segmentNotFound': {
    'zh-CN': '没有名为「{segment}」的分群。已保存的分群：{known}。',
    en: 'There is no segment called “{segment}”. The saved segments are: {known}.',
  },
  'vip.segmentIdNotFound': {
    'zh-CN': '分群 #{id} 已不存在：它可能已被删除。',
    en: 'Segment #{id} is not there any more: it may have been deleted.',
  },
  'vip.segmentNameTaken': {
    'zh-CN': '已有名为「{name}」的分群，请换一个名称。',
    en: 'A segment called “{name}” exists already: choose another name.',
  },
  'vip.exportEmpty': {
    'zh-CN': '这个名单没有可导出的客户（{optedOut} 位不接受营销的客户已排除）。',
    en: 'There are no customers to export in this list ({optedOut} customers who refused marketing were left out).',
  },
  'vip.cannotWrite': {
    'zh-CN': '无法写入文件 {file}：{detail}',
    en: 'Could not write {file}: {detail}',
  },
  'vip.optOutUnreadable': {
    'zh-CN': '无法读取退订名单 {file}。',
    en: 'Could not read the opt-out list {file}.',
  },
  'vip.optOutEmpty': {
    'zh-CN': '退订名单 {file} 中没有手机号或电子邮箱。',
    en: 'The opt-out list {file} holds no phone number or e-mail address.',
  },
  'vip.eraseNotConfirmed': {
    'zh-CN': '删除个人信息无法撤销，需要明确确认。',
    en: 'Deleting personal data cannot be undone: it needs an explicit confirmation.',
  },
  'vip.badCustomerId': {
    'zh-CN': '客户编号「{value}」应为正整数。',
    en: 'The customer ID “{value}” should be a whole number, 1 or more.',
  },
  'field.provinces': { 'zh-CN': '省份', en: 'The provinces' },
  'field.cities': { 'zh-CN': '城市', en: 'The cities' },
  'field.products': { 'zh-CN': '购买的商品', en: 'The products bought' },
  'field.vipLevels': { 'zh-CN': 'VIP 等级', en: 'The VIP levels' },
  'field.note': { 'zh-CN': '备注中的文字', en: 'The text in the note' },
  'field.marketing': { 'zh-CN': '营销许可', en: 'Marketing consent' },
} as const satisfies Record<string, Templates>;
