/**
 * The job's budget ledger (docs/architecture.md "Budget"). Pure: no I/O.
 *
 * Before a group starts it is admitted: the remaining budget (total − spent − reserved by running groups) must
 * cover its estimate. The admitted amount is reserved and passed to `pdd sync --budget`, so concurrent groups
 * cannot jointly overspend. PDD checks its budget only between operations, so admission is the only hard cap;
 * after the sync the real cost is booked and the reservation released.
 */

/** A reservation handed to one group. */
export interface Admission {
  group: string
  /** Dollars reserved, and the `--budget` the group's `pdd sync` gets. */
  amount: number
  estimate: number
}

/** What booking a finished group did. */
export interface Booking {
  group: string
  /** Dollars booked: the real cost, or the reservation when the cost is unknown. */
  booked: number
  costKnown: boolean
  /** Dollars spent beyond the admitted amount (PDD overshoots inside one operation), 0 when none. */
  overshoot: number
}

/** Options of {@link BudgetLedger}. */
export interface LedgerOptions {
  /** Reserve this multiple of a group's estimate when the budget allows (at least the estimate), default 1.5. */
  headroom?: number
}

/** Rounds dollars to 6 decimals, the precision of PDD's cost column. */
export function dollars(x: number): number {
  return Math.round(x * 1e6) / 1e6
}

/** The per-job ledger: admit before a group starts, book after it ends. */
export class BudgetLedger {
  private spentSoFar = 0
  private readonly reservations = new Map<string, Admission>()
  private readonly bookings: Booking[] = []
  private readonly headroom: number

  constructor(
    readonly total: number,
    opts: LedgerOptions = {}
  ) {
    if (!Number.isFinite(total) || total < 0) throw new Error(`budget must be a number ≥ 0; got ${total}`)
    this.headroom = Math.max(1, opts.headroom ?? 1.5)
  }

  /** Dollars booked so far. */
  get spent(): number {
    return dollars(this.spentSoFar)
  }

  /** Dollars held by running groups. */
  get reserved(): number {
    let r = 0
    for (const a of this.reservations.values()) r += a.amount
    return dollars(r)
  }

  /** What a new group could be admitted for now. */
  get available(): number {
    return Math.max(0, dollars(this.total - this.spentSoFar - this.reserved))
  }

  /** Whether a group of this estimate could ever start, once running groups release their reservations. */
  couldFit(estimate: number): boolean {
    return dollars(this.total - this.spentSoFar) >= dollars(estimate) && this.total - this.spentSoFar > 0
  }

  /**
   * Admits a group when the available budget covers its estimate, reserving up to `headroom` × estimate.
   * Returns null when it does not fit now. A group with a zero estimate still needs a positive `--budget`
   * (PDD refuses ≤ 0), so it gets what is available, and is refused when nothing is.
   */
  admit(group: string, estimate: number): Admission | null {
    if (this.reservations.has(group)) throw new Error(`group ${group} is already admitted`)
    const available = this.available
    const need = dollars(Math.max(0, estimate))
    if (available <= 0 || available < need) return null
    const amount = need === 0 ? available : dollars(Math.min(available, need * this.headroom))
    const a: Admission = { group, amount, estimate: need }
    this.reservations.set(group, a)
    return a
  }

  /**
   * Admits a group with everything that is available, whatever its estimate (calibration: with no recorded
   * cost, PDD's table says nothing about this repository's model). Returns null when nothing is available.
   */
  admitRest(group: string, estimate: number): Admission | null {
    if (this.reservations.has(group)) throw new Error(`group ${group} is already admitted`)
    const amount = this.available
    if (amount <= 0) return null
    const a: Admission = { group, amount, estimate: dollars(Math.max(0, estimate)) }
    this.reservations.set(group, a)
    return a
  }

  /** Books a finished group: its real cost, or its reservation when PDD's cost is unknown. */
  book(group: string, cost: number | null): Booking {
    const a = this.reservations.get(group)
    if (!a) throw new Error(`group ${group} was not admitted`)
    this.reservations.delete(group)
    const known = cost !== null && Number.isFinite(cost) && cost >= 0
    const booked = dollars(known ? cost : a.amount)
    this.spentSoFar += booked
    const b: Booking = { group, booked, costKnown: known, overshoot: dollars(Math.max(0, booked - a.amount)) }
    this.bookings.push(b)
    return b
  }

  /** Releases a reservation without spending (the group never started). */
  release(group: string): void {
    this.reservations.delete(group)
  }

  /** Every booking so far, in order. */
  get history(): readonly Booking[] {
    return this.bookings
  }
}

/**
 * Calibration (docs/architecture.md "Budget"): a repository with no recorded cost has only PDD's table to estimate
 * from, which knows nothing of its model's prices (a $2.15 table estimate may really cost cents). Until a group
 * books a real cost, groups run one at a time, each admitted with all that is left. Every booked cost then gives
 * the run's own factor, Σ booked ÷ Σ table estimates of the groups that booked, and later groups are estimated as
 * their table estimate × that factor and admitted as usual (headroom, concurrency). Pure.
 */
export class Calibration {
  private booked = 0
  private table = 0
  /** Groups run while calibrating (one at a time, with all that was left). */
  readonly calibrated: string[] = []

  /** Booked cost ÷ table estimate over the groups that booked a positive cost, null before any did. */
  get factor(): number | null {
    return this.booked > 0 && this.table > 0 ? this.booked / this.table : null
  }

  /** True until a group booked a positive cost. */
  get active(): boolean {
    return this.factor === null
  }

  /** The estimate of a group whose table estimate is `table`: scaled by the factor once there is one. */
  estimateOf(table: number): number {
    const f = this.factor
    return f === null ? table : dollars(table * f)
  }

  /** Notes a group admitted while calibrating. */
  started(group: string): void {
    if (this.active) this.calibrated.push(group)
  }

  /** Learns from a finished group: its table estimate and the cost it booked (null: unknown, not learned). */
  observe(table: number, cost: number | null): void {
    if (cost === null || !Number.isFinite(cost) || cost <= 0 || table <= 0) return
    this.booked += cost
    this.table += table
  }
}
