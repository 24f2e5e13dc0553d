// Facts for the vertical a conversation was routed to (support_context). general_info has none.
import type { Vertical, VerticalFacts } from "../types";
import { bankingFacts } from "./facts/banking";
import type { FactInput, Facts } from "./facts/common";
import { ecommerceFacts } from "./facts/ecommerce";
import { edtechFacts } from "./facts/edtech";
import { saasFacts } from "./facts/saas";
import { telecomFacts } from "./facts/telecom";
import { travelFacts } from "./facts/travel";

export type { FactInput };

const READERS: Record<Vertical, (input: FactInput) => Facts> = {
  saas: saasFacts,
  ecommerce: ecommerceFacts,
  banking_fintech: bankingFacts,
  travel: travelFacts,
  telecom: telecomFacts,
  edtech_support: edtechFacts,
  general_info: () => ({}),
};

export function extractVerticalFacts(vertical: Vertical, input: FactInput): VerticalFacts {
  return READERS[vertical](input);
}
