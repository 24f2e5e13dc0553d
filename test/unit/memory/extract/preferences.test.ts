// What the customer asks for, and how they want to be reached. Only stated preferences
// count, negated ones are ignored, and the latest statement in the batch wins.
import type { ResolutionMethod } from "../../../../src/memory/types";
import { extract } from "./run";

describe("resolution preference", () => {
  it.each<[string, ResolutionMethod | null]>([
    ["The shoes are the wrong size. I want my money back.", "refund"],
    ["Please refund the full amount to my card.", "refund"],
    ["Quiero un reembolso, el producto llegó roto.", "refund"],
    ["The kettle arrived broken, just send a new one.", "replacement"],
    ["Could you replace the damaged headphones?", "replacement"],
    ["Store credit is fine, I shop here a lot.", "credit"],
    ["A voucher would be okay for the delayed flight.", "credit"],
    ["Please call me, I'm not good with emails.", "callback"],
    ["Can someone call me back on my mobile this afternoon?", "callback"],
    ["Can you walk me through setting up the webhook?", "step_by_step"],
    ["Send me step-by-step instructions for the router please.", "step_by_step"],
    ["Let me talk to a manager.", "escalate"],
    ["I want this escalated to a supervisor now.", "escalate"],
    ["Is there a workaround until the bug is fixed?", "workaround"],
    ["I don't want a refund, I just want the order delivered.", null],
    ["The shoes don't fit, I want to exchange not refund.", "replacement"],
    ["I was charged twice, I want the duplicate refunded.", "refund"],
    ["That fee was never agreed, I expect this to be reversed.", "refund"],
    ["Le colis est arrivé vide, je veux être remboursé.", "refund"],
    ["What is the exchange rate for euros?", null],
    ["I have been refunded already, thanks.", null],
    ["No need to call me, email is fine.", null],
    ["My parcel is late.", null],
  ])("%s → %s", (text, method) => {
    expect(extract(text).resolution_preference?.method ?? null).toBe(method);
  });

  it("takes the later preference when the customer changes their mind in the batch", () => {
    const out = extract([
      "The blender arrived with a cracked jug. I'd like a refund please.",
      "agent: Sorry to hear that! We can refund or send a replacement.",
      "Actually a replacement would be better, I still need a blender.",
    ]);
    expect(out.resolution_preference).toMatchObject({ method: "replacement", message_index: 2 });
  });

  it("reads 'rather than' as a refusal of the first option", () => {
    expect(extract("I'd prefer a replacement rather than a refund.").resolution_preference?.method).toBe("replacement");
  });
  it.each<[string, ResolutionMethod]>([
    ["I would rather have a replacement than a refund", "replacement"],
    ["I would rather have a refund than store credit", "refund"],
  ])("reads what comes after 'than' as the option refused: %s", (text, method) => {
    expect(extract(text).resolution_preference?.method).toBe(method);
  });
  it("does not read bullet points as loyalty points", () => {
    expect(extract("Please keep answers short, bullet points are fine").resolution_preference).toBeNull();
  });

  it("ignores what the agent offers", () => {
    expect(extract(["My order is late.", "agent: I can offer you store credit or a refund."]).resolution_preference).toBeNull();
  });
});

describe("communication preference", () => {
  it.each<[string, Record<string, string>]>([
    ["Please email me the updated invoice.", { channel: "email" }],
    ["Don't call me, reply by email please.", { channel: "email" }],
    ["Call me on my mobile after 6pm.", { channel: "call", times: "after 6pm" }],
    ["You can reach me on WhatsApp, it's easier.", { channel: "whatsapp" }],
    ["Let's keep it in this chat please.", { channel: "chat" }],
    ["Just give me the short answer: will it arrive this week?", { style: "direct" }],
    ["Please explain in detail why my claim was rejected.", { style: "detailed" }],
    ["Dear Sir or Madam, I am writing to complain about my bill. Yours faithfully", { style: "formal" }],
    ["I'm only available mornings, best to call before 11am.", { times: "mornings" }],
    ["Do not call me, WhatsApp only please", { channel: "whatsapp" }],
    ["Please keep answers short, bullet points are fine", { style: "direct" }],
    ["Can you reply in Spanish please?", { language: "es" }],
    ["¿Hablan español? Mi pedido no llegó.", { language: "es" }],
  ])("%s", (text, expected) => {
    expect(extract(text).communication_preference).toMatchObject(expected);
  });

  it("says nothing without evidence", () => {
    expect(extract("My order ORD-2231 has not arrived yet.").communication_preference).toEqual({});
  });

  it("does not read a deadline as a contact time", () => {
    expect(extract("I need it fixed before 5pm.").communication_preference.times).toBeUndefined();
  });
});
