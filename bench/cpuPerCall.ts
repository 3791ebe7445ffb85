/**
 * CPU time of `calls` calls of `body`, in ms per call: on the shared machine wall-clock time moves
 * with the load of other processes, CPU time much less.
 */
export function cpuPerCall(body: () => void, calls: number): number {
  const started = process.cpuUsage();
  for (let i = 0; i < calls; i++) body();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / calls;
}
