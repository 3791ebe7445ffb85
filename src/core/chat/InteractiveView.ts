/**
 * An interactive message (list picker, time picker, panel, carousel, quick reply…) as readable,
 * masked text: what it asks and which options it offers. Never markup, never images.
 */
export interface InteractiveView {
  /** The Connect template type, or `unknown` when the content is not one we can read. */
  template: 'ListPicker' | 'TimePicker' | 'Panel' | 'Carousel' | 'QuickReply' | 'ViewResource' | 'WherePicker' | 'unknown';
  title: string;
  subtitle: string;
  options: string[];
  /** A carousel's panels. */
  sections: InteractiveView[];
}
