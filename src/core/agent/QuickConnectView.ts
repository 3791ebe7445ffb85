/** A quick connect of the instance (agent.getEndpoints): the organization's own, so not checked or masked. */
export interface QuickConnectView {
  /** The endpoint ARN; how the adapter finds the Streams endpoint again. */
  id: string;
  name: string;
  type: 'agent' | 'queue' | 'phone_number';
}

/** Quick connects whose name contains every word typed (case- and width-insensitive), in name order. */
export function searchQuickConnects(quickConnects: readonly QuickConnectView[], query: string): QuickConnectView[] {
  const fold = (text: string): string => text.normalize('NFKC').toLocaleLowerCase();
  const words = fold(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  return quickConnects.filter((candidate) => words.every((word) => fold(candidate.name).includes(word))).sort((a, b) => a.name.localeCompare(b.name));
}
