// The kinds of secret the redactor removes and how it reports them (counts only, never values).

export type PiiType =
  | "card_number"
  | "card_expiry"
  | "cvv"
  | "otp"
  | "password"
  | "pin"
  | "aadhaar"
  | "pan"
  | "passport"
  | "imei"
  | "bank_account"
  | "iban"
  | "ssn"
  | "national_id"
  | "api_key"
  | "gift_card";

export type RedactionFinding = { type: PiiType; count: number };

/** A stretch of the text to replace, before overlapping stretches are merged. */
export type Candidate = {
  start: number;
  end: number;
  type: PiiType;
  /** Higher wins when stretches overlap: a value next to its own label beats a bare pattern. */
  priority: number;
};

export const PRIORITY = {
  /** Label then value; minus the gap length, so the nearest label decides the type. */
  labelled: 100,
  /** Value then label ("482913 is your OTP"). */
  labelledAfter: 50,
  /** Recognised by shape and check digit alone. */
  pattern: 10,
} as const;
