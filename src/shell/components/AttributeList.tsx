import type { AttributeView } from '../../core/contact/ContactView.ts';
import type { LinkPolicy } from '../../core/origins/LinkPolicy.ts';
import type { SensitiveKind } from '../../core/policy/Policy.ts';
import type { ActiveReveal } from '../../core/roles/ActiveReveal.ts';
import { t } from '../../platform/i18n.ts';
import { LinkifiedText } from './LinkifiedText.tsx';
import { RevealControl } from './RevealControl.tsx';

/** What the elevated view adds to a card; absent for agents. */
export interface RevealOptions {
  /** The kinds that may be revealed in this attribute, one Reveal button each. */
  kindsFor(attribute: AttributeView): SensitiveKind[];
  reasonRequired: boolean;
  revealed: Record<string, ActiveReveal>;
  onReveal(attributeName: string, kind: SensitiveKind, reason: string): void;
}

export function AttributeList({
  attributes,
  unavailable,
  reveal,
  approved,
}: {
  attributes: AttributeView[];
  unavailable: boolean;
  reveal: RevealOptions | null;
  /** Screen-pop and CRM URLs in values become links only for approved origins. */
  approved: LinkPolicy;
}) {
  if (unavailable)
    return (
      <p className="muted" data-testid="attributes-unavailable">
        {t('attributesUnavailable')}
      </p>
    );
  if (attributes.length === 0) return <p className="muted">{t('attributesNone')}</p>;
  return (
    <dl className="attributes" data-testid="attributes">
      {attributes.map((attribute, index) => {
        const revealed = reveal?.revealed[attribute.name];
        const kinds = attribute.masked && !revealed ? (reveal?.kindsFor(attribute) ?? []) : [];
        const masked = attribute.masked && !revealed;
        return (
          // Masked names can coincide ("[hidden]"); real names are unique keys of the attribute map.
          <div
            key={attribute.nameMasked === true ? `masked-${index}` : attribute.name}
            className="attribute"
            data-testid="attribute"
            data-name={attribute.name}
            data-revealed={revealed ? 'true' : undefined}
          >
            <dt>{attribute.label ?? attribute.name}</dt>
            <dd className={masked ? 'masked' : revealed ? 'revealed' : undefined}>
              {/* Masked values are not selectable: there is nothing useful to copy. */}
              <span data-testid="attribute-value" className={masked ? 'no-select' : undefined}>
                {masked ? attribute.display : <LinkifiedText text={revealed ? revealed.display : attribute.display} approved={approved} />}
              </span>
              {attribute.masked && attribute.kinds.length > 0 ? (
                <span className="kind">{attribute.kinds.map((name) => t(`kind_${name}`)).join(', ')}</span>
              ) : null}
              {revealed ? <span className="kind">{t('revealedUntil', new Date(revealed.until).toLocaleTimeString())}</span> : null}
              {reveal
                ? kinds.map((kind) => (
                    <RevealControl
                      key={kind}
                      kind={kind}
                      named={kinds.length > 1}
                      reasonRequired={reveal.reasonRequired}
                      onReveal={(reason) => reveal.onReveal(attribute.name, kind, reason)}
                    />
                  ))
                : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
