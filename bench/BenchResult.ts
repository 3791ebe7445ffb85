/** One row of `npm run bench`. Times are medians of repeated runs; ratios compare to a baseline from the same run. */
export interface BenchResult {
  /** Which benchmark, e.g. "masking: 32 KB attribute map". */
  name: string;
  /** What was measured, e.g. "latency ms", "throughput MB/s", "precision". */
  metric: string;
  median: number;
  p95?: number;
  /** The baseline measured in the same run, e.g. redact-pii on the same input. */
  baselineName?: string;
  baselineMedian?: number;
  /** median / baselineMedian (or its inverse where higher is better — say which in `note`). */
  ratio?: number;
  note?: string;
}

export type Bench = () => Promise<BenchResult[]>;
