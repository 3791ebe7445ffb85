import { cardLabelIn } from '../core/contact/cardLayout.ts';
import type { SettingValue } from '../core/policy/settingGroups.ts';
import { t } from '../platform/i18n.ts';

/** A setting's value in words of the page's language. */
export function settingValueText(value: SettingValue): string {
  switch (value.kind) {
    case 'onOff':
      return t(value.on ? 'value_on' : 'value_off');
    case 'yesNo':
      return t(value.yes ? 'value_yes' : 'value_no');
    case 'text':
      return value.text;
    case 'list':
      return value.items.join(', ');
    case 'kinds':
      return value.kinds.map((kind) => t(`kind_${kind}`)).join(', ');
    case 'format':
      return t(`format_${value.format}`);
    case 'count':
      return value.noun === 'entries' ? t('entriesCount', String(value.count)) : t('value_rules', String(value.count));
    case 'seconds':
      return t('value_seconds', String(value.seconds));
    case 'days':
      return t('value_days', String(value.days));
    case 'supervisors':
      return t('value_supervisors', [String(value.usernames), String(value.routingProfiles), String(value.permissions)]);
    case 'repeatContact':
      return t('value_repeatContact', [String(value.count), String(value.windowMinutes)]);
    case 'cardAttributes': {
      if (value.entries.length === 0) return t('value_cardAsConnect');
      const locale = chrome.i18n.getUILanguage();
      return value.entries
        .map((entry) => {
          if (entry.hidden) return t('value_cardAttributeHidden', entry.match);
          const label = cardLabelIn(entry.label, locale);
          return label === null ? t('value_cardAttributeOrdered', entry.match) : t('value_cardAttributeLabelled', [entry.match, label]);
        })
        .join(', ');
    }
    case 'none':
      return t(value.meaning === 'off' ? 'value_off' : `value_${value.meaning}`);
  }
}
