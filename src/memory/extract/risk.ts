// Risk signals an agent should see: churn, refund, fraud, compliance, legal, regulatory,
// chargeback, social media, safety, VIP. Each threat is its own kind: a complaint to an
// ombudsman is not churn. One signal per kind, the most severe reason kept; a quote is whole.
import type { ExtractedRisk, RiskType, Severity } from "../types";
import { shortened } from "./risk-evidence";
import type { Threat, ThreatKind } from "./sentiment";

export type RiskInput = {
  issue: { issue_type: string; summary: string; message_index: number } | null;
  threats: Threat[];
  churnRequest: Threat | null;
  refundWanted: { message_index: number } | null;
  tier?: string;
  seats?: string;
  vipMention: { messageIndex: number; text: string } | null;
  firstCustomerIndex: number;
};

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

const ISSUE_RISK: Record<string, { type: RiskType; severity: Severity; reason: string }> = {
  fraud_dispute: { type: "fraud", severity: "critical", reason: "unauthorised or fraudulent transaction reported" },
  account_compromised: { type: "fraud", severity: "critical", reason: "account reported compromised" },
  safety_issue: { type: "safety", severity: "critical", reason: "safety hazard reported" },
  kyc_pending: { type: "compliance", severity: "medium", reason: "KYC / identity verification pending" },
  data_request: { type: "compliance", severity: "medium", reason: "data protection request (access or erasure)" },
  refund_request: { type: "refund", severity: "medium", reason: "asks for a refund" },
  duplicate_charge: { type: "refund", severity: "medium", reason: "charged more than once" },
  cancellation_request: { type: "churn", severity: "medium", reason: "asks to cancel" },
};
// A request for a manager is an escalation (sentiment), not a risk of its own.
const THREAT_RISK: Partial<Record<ThreatKind, { type: RiskType; severity: Severity; reason: string }>> = {
  churn: { type: "churn", severity: "high", reason: "threatens to leave" },
  chargeback: { type: "chargeback", severity: "high", reason: "threatens a chargeback" },
  legal: { type: "legal", severity: "high", reason: "mentions legal action" },
  regulator: { type: "regulatory", severity: "high", reason: "threatens a complaint to a regulator or ombudsman" },
  social: { type: "social_media", severity: "high", reason: "threatens to go public" },
};
const VIP_TIERS = /^(?:enterprise|vip|platinum|diamond|elite|premier|priority|infinite|black)$/i;

export function findRisks(input: RiskInput): ExtractedRisk[] {
  const byType = new Map<RiskType, ExtractedRisk>();
  const add = (risk_type: RiskType, severity: Severity, reason: string, message_index: number): void => {
    const current = byType.get(risk_type);
    if (!current || RANK[severity] > RANK[current.severity]) byType.set(risk_type, { risk_type, severity, reason: shortened(reason, 300), message_index });
  };
  const { issue } = input;
  if (issue) {
    const mapped = ISSUE_RISK[issue.issue_type];
    if (mapped) add(mapped.type, mapped.severity, `${mapped.reason}: ${shortened(issue.summary, 200)}`, issue.message_index);
  }
  for (const t of input.threats) {
    const threat = THREAT_RISK[t.kind];
    if (threat) add(threat.type, threat.severity, `${threat.reason}: "${t.text}"`, t.messageIndex);
  }
  if (input.churnRequest) add("churn", "medium", `asks to leave: "${input.churnRequest.text}"`, input.churnRequest.messageIndex);
  if (input.refundWanted) add("refund", "low", "prefers a refund", input.refundWanted.message_index);
  const bigAccount = input.seats !== undefined && Number(input.seats) >= 100;
  if ((input.tier && VIP_TIERS.test(input.tier)) || bigAccount || input.vipMention) {
    const reason = input.vipMention?.text ?? (input.tier ? `${input.tier} customer` : `${input.seats} seats`);
    add("vip", "medium", reason, input.vipMention?.messageIndex ?? input.firstCustomerIndex);
  }
  return [...byType.values()].slice(0, 20);
}
