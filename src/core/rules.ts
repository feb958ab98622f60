/**
 * The rule IDs of the rule catalogue (https://github.com/csp-subscription-rules/csp-subscription-rules/blob/main/docs/catalogue.md).
 * Every decision names one.
 */

/**
 * Every rule ID, in catalogue order.
 *
 * @example
 * ```ts
 * RULE_IDS.includes('C1'); // true
 * ```
 */
// One line per area of the catalogue.
// prettier-ignore
export const RULE_IDS = /* @__PURE__ */ Object.freeze([
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6',
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17',
  'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10',
  'B1', 'B2', 'B3', 'B4', 'B5',
  'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7',
  'S1', 'S2', 'S3', 'S4', 'S5',
  'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9',
  'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8',
  'CO1', 'CO2', 'CO3', 'CO4', 'CO5',
  'TR1', 'TR2', 'TR3', 'TR4', 'TR5', 'TR6', 'TR7', 'TR8', 'TR9',
  'A1', 'A2', 'A3', 'A4', 'A5', 'A6',
  'W1', 'W2', 'W3', 'W4',
  'M1', 'M2',
] as const);

/** A rule ID from the catalogue, e.g. `C1`, `Q2`, `TR4` ({@link RULE_IDS}). */
export type RuleId = (typeof RULE_IDS)[number];
