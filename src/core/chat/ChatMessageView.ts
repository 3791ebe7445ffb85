/** A chat message as the shell renders it: masked text, never markup. */
export interface ChatMessageView {
  id: string;
  contactId: string;
  role: 'customer' | 'agent' | 'system';
  displayName: string;
  text: string;
  at: number;
}
