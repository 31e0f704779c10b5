/** Precision, recall and F1 from counts, and how the tagging bench prints them. */
export class Counts {
  tp = 0;
  fp = 0;
  fn = 0;

  /** Adds one item's predicted and gold sets. */
  add(predicted: Iterable<string>, gold: Iterable<string>): void {
    const want = new Set(gold);
    const got = new Set(predicted);
    for (const p of got) {
      if (want.has(p)) this.tp += 1;
      else this.fp += 1;
    }
    for (const g of want) if (!got.has(g)) this.fn += 1;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }

  get f1(): number {
    const { precision: p, recall: r } = this;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }

  /** `P 0.900 R 0.850 F1 0.874 (TP 17 FP 2 FN 3)` */
  format(): string {
    return (
      `P ${this.precision.toFixed(3)} R ${this.recall.toFixed(3)} F1 ${this.f1.toFixed(3)} ` +
      `(TP ${this.tp} FP ${this.fp} FN ${this.fn})`
    );
  }
}
