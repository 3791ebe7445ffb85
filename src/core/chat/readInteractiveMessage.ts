import type { InteractiveView } from './InteractiveView.ts';
import type { TextMasker } from './TextMasker.ts';

const TEMPLATES = new Set<InteractiveView['template']>(['ListPicker', 'TimePicker', 'Panel', 'Carousel', 'QuickReply', 'ViewResource', 'WherePicker']);
/** Connect allows 10 list items and 5 carousel panels; a hostile message gets no more room than that, with margin. */
const MAX_OPTIONS = 20;
const MAX_SECTIONS = 10;
const MAX_TEXT = 400;

/**
 * Reads `application/vnd.amazonaws.connect.message.interactive` content (JSON written by a flow,
 * or by whoever controls the message) into masked text. Anything that is not the documented shape
 * becomes an `unknown` view with no text, so nothing unexpected reaches the screen.
 */
export function readInteractiveMessage(content: string, masker: TextMasker): InteractiveView {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return unknownView();
  }
  return readTemplate(parsed, masker, 0);
}

function readTemplate(value: unknown, masker: TextMasker, depth: number): InteractiveView {
  const template = field(value, 'templateType');
  if (typeof template !== 'string' || !TEMPLATES.has(template as InteractiveView['template'])) return unknownView();
  const content = field(field(value, 'data'), 'content');
  const view: InteractiveView = {
    template: template as InteractiveView['template'],
    title: text(field(content, 'title'), masker),
    subtitle: text(field(content, 'subtitle'), masker),
    options: [],
    sections: [],
  };
  const elements = field(content, 'elements');
  if (template === 'TimePicker') {
    const slots = field(content, 'timeslots');
    view.options = listOf(slots)
      .slice(0, MAX_OPTIONS)
      .map((slot) => timeslotText(slot, masker))
      .filter((option) => option !== '');
    const location = field(field(content, 'location'), 'title');
    if (typeof location === 'string' && view.subtitle === '') view.subtitle = text(location, masker);
  } else if (template === 'Carousel' && depth === 0) {
    view.sections = listOf(elements)
      .slice(0, MAX_SECTIONS)
      .map((element) => readTemplate(element, masker, depth + 1));
  } else {
    view.options = listOf(elements)
      .slice(0, MAX_OPTIONS)
      .map((element) => {
        const title = text(field(element, 'title'), masker);
        const subtitle = text(field(element, 'subtitle'), masker);
        return subtitle === '' ? title : `${title} — ${subtitle}`;
      })
      .filter((option) => option !== '');
  }
  return view;
}

/** A customer's answer to an interactive message: the title of what they picked. */
export function readInteractiveResponse(content: string, masker: TextMasker): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return '';
  }
  const title = field(field(field(parsed, 'data'), 'content'), 'title');
  return text(title, masker);
}

function timeslotText(slot: unknown, masker: TextMasker): string {
  const date = field(slot, 'date');
  const duration = field(slot, 'duration');
  if (typeof date !== 'string') return '';
  const minutes = typeof duration === 'number' && Number.isFinite(duration) ? Math.round(duration / 60) : null;
  return minutes === null ? text(date, masker) : `${text(date, masker)} (${minutes} min)`;
}

function text(value: unknown, masker: TextMasker): string {
  if (typeof value !== 'string') return '';
  // Masked whole, then shortened: cutting first could leave a detectable number undetected.
  return masker.maskText(value).display.slice(0, MAX_TEXT);
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function unknownView(): InteractiveView {
  return { template: 'unknown', title: '', subtitle: '', options: [], sections: [] };
}
