import type { AttributeView } from '../../core/contact/ContactView.ts';
import { t } from '../../platform/i18n.ts';

export function AttributeList({ attributes, unavailable }: { attributes: AttributeView[]; unavailable: boolean }) {
  if (unavailable) return <p className="muted" data-testid="attributes-unavailable">{t('attributesUnavailable')}</p>;
  if (attributes.length === 0) return <p className="muted">{t('attributesNone')}</p>;
  return (
    <dl className="attributes" data-testid="attributes">
      {attributes.map((attribute) => (
        <div key={attribute.name} className="attribute" data-testid="attribute" data-name={attribute.name}>
          <dt>{attribute.name}</dt>
          <dd className={attribute.masked ? 'masked' : undefined}>
            {/* Masked values are not selectable: there is nothing useful to copy. */}
            <span className={attribute.masked ? 'no-select' : undefined}>{attribute.display}</span>
            {attribute.masked && attribute.kinds.length > 0 ? (
              <span className="kind">{attribute.kinds.map((kind) => t(`kind_${kind}`)).join(', ')}</span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
