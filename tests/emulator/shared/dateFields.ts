// Keys of the agent snapshot that Streams reads as Date objects (getStateDuration, contact
// sorting). The server sends them as ISO strings; the CCP page revives them before posting.
export const DATE_FIELDS: ReadonlySet<string> = new Set(['startTimestamp', 'timestamp', 'timeStamp', 'snapshotTimestamp', 'queueTimestamp']);
